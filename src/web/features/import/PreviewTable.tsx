import { useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type {
  AccountJson,
  CategoryJson,
  ImportPreviewJson,
  ImportPreviewRowJson,
  ImportStatementJson,
} from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useRules } from '../rules/queries.ts';
import type { Choices } from './choices.ts';
import { PreviewRow } from './PreviewRow.tsx';
import { usePreviewRows } from './queries.ts';
import { ROW_FILTERS } from './rowView.ts';

/**
 * The file's rows as they would be written, a page of 100 at a time from the server (a file of
 * 100,000 rows renders what the person asks to see), with filters to find the duplicates, the
 * uncategorised rows, the problems and the rows each rule matched.
 */
export function PreviewTable({
  bookId,
  preview,
  statements,
  accounts,
  categories,
  choices,
  error,
  onChoices,
  onRows,
}: {
  bookId: number;
  preview: ImportPreviewJson;
  statements: readonly ImportStatementJson[];
  accounts: readonly AccountJson[];
  categories: readonly CategoryJson[];
  choices: Choices;
  /** The commit's error: its per-row messages (`/rows/3`) show on their rows. */
  error: unknown;
  onChoices: (update: (current: Choices) => Choices) => void;
  /** Rows as they arrive: the page counts the person's choices on them. */
  onRows: (rows: readonly ImportPreviewRowJson[]) => void;
}) {
  const filterId = useId();
  const locale = useLocale();
  const count = (n: number) => n.toLocaleString(locale);
  const [filter, setFilter] = useState('all');
  const paged = usePreviewRows(bookId, preview, filter);
  const rules = useRules(bookId);
  const visible = useMemo(() => paged.data?.pages.flatMap((page) => page.rows) ?? [], [paged.data]);
  useEffect(() => onRows(visible), [visible, onRows]);
  const ruleNames = new Map((rules.data ?? []).map((rule) => [rule.id, rule.name]));
  const filters = [
    ...ROW_FILTERS,
    ...preview.summary.rules.map(({ ruleId, rows }) => ({
      value: `rule:${ruleId}`,
      label: `Rule “${ruleNames.get(ruleId) ?? `#${ruleId}`}” (${count(rows)})`,
    })),
  ];
  const usable = useMemo(
    () =>
      categories
        .filter((c) => !c.archived && (c.type === 'expense' || c.type === 'income'))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [categories],
  );
  const accountNames = new Map(accounts.map((account) => [account.id, account.name]));
  const statementAccount =
    statements.length > 1
      ? (statement: number) => accountNames.get(statements[statement]?.accountId ?? 0) ?? ''
      : null;
  const rowError = (index: number) =>
    error instanceof ApiError ? error.errors.find((e) => e.field === `/rows/${index}`)?.message : undefined;
  const more = paged.hasNextPage;
  const total = preview.summary.rows;

  return (
    <section className="import-rows" aria-labelledby={`${filterId}-title`}>
      <h3 id={`${filterId}-title`}>Rows</h3>
      <div className="import-rows-bar">
        <label htmlFor={filterId}>Show</label>
        <select id={filterId} value={filter} onChange={(event) => setFilter(event.target.value)}>
          {filters.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <p className="muted" aria-live="polite">
          {paged.isPending
            ? 'Loading rows…'
            : visible.length === 0
              ? 'No row to show.'
              : `${more ? 'The first' : filter === 'all' ? 'All' : 'The'} ${count(visible.length)} ${filter === 'all' ? '' : 'matching '}row${visible.length === 1 ? '' : 's'} of ${count(total)} in the file.`}
        </p>
      </div>
      {visible.length > 0 && (
        <TableScroll label="Rows of the file" className="import-table-scroll">
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Import</th>
                <th scope="col">Line</th>
                {statementAccount && <th scope="col">Account</th>}
                <th scope="col">Date</th>
                <th scope="col">Payee</th>
                <th scope="col">Description</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Category</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((row) => (
                <PreviewRow
                  key={row.index}
                  row={row}
                  account={statementAccount?.(row.statement) ?? null}
                  categories={usable}
                  choices={choices}
                  error={rowError(row.index)}
                  onChoices={onChoices}
                />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <ErrorNotice error={paged.error} />
      {more && (
        <div className="import-pages">
          <button
            type="button"
            className="button small"
            disabled={paged.isFetchingNextPage}
            onClick={() => void paged.fetchNextPage()}
          >
            {paged.isFetchingNextPage ? 'Loading…' : 'Show more rows'}
          </button>
        </div>
      )}
    </section>
  );
}
