import type { RuleChangeJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { TableScroll } from '../../ui/TableScroll.tsx';
import type { Names } from './describe.ts';

type State = RuleChangeJson['before'];

/** What a change does to one transaction, field by field: only what differs. */
export function changedFields(before: State, after: State, names: Names): Array<[string, string, string]> {
  const categories = (state: State) =>
    state.categories.length === 0
      ? 'none'
      : state.categories.map((c) => names.category(c.categoryId)).join(' + ');
  const tags = (state: State) =>
    state.tagIds.length === 0 ? 'none' : state.tagIds.map(names.tag).join(', ');
  const fields: Array<[string, string, string]> = [
    ['Category', categories(before), categories(after)],
    ['Payee', before.payee ?? 'none', after.payee ?? 'none'],
    ['Tags', tags(before), tags(after)],
    ['Notes', before.notes || 'none', after.notes || 'none'],
  ];
  return fields.filter(([, was, will]) => was !== will);
}

/** The dry run's changes: date, description, amount, and each field before → after. */
export function ChangeList({ changes, names }: { changes: readonly RuleChangeJson[]; names: Names }) {
  const locale = useLocale();
  const day = (date: string) => formatDay(date, locale, 'short');
  return (
    <TableScroll label="What would change">
      <table className="rules-changes">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Transaction</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.transactionId}>
              <td className="nowrap">{day(change.date)}</td>
              <td>
                {change.before.payee ?? ''}
                {change.description && <span className="muted"> {change.description}</span>}
                <span className="muted"> · {names.account(change.accountId)}</span>
              </td>
              <td className="num">
                <Amount value={change.amount} />
              </td>
              <td>
                <ul className="rules-diff">
                  {changedFields(change.before, change.after, names).map(([field, was, will]) => (
                    <li key={field}>
                      {field}: <del>{was}</del> <span aria-hidden="true">→</span>
                      <span className="visually-hidden"> becomes </span> <ins>{will}</ins>
                    </li>
                  ))}
                </ul>
                {change.warnings.map((warning) => (
                  <p key={warning} className="hint">
                    {warning}
                  </p>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
