import type { KeyboardEvent, MouseEvent } from 'react';
import type { AccountJson, TransactionJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { amountFor, involved } from './view.ts';

const STATUS_TEXT = { pending: 'Pending', cleared: 'Cleared', reconciled: 'Reconciled' } as const;
const STATUS_MARK = { pending: '○', cleared: '✓', reconciled: '✓✓' } as const;

/**
 * One transaction of the list: its box for bulk changes, the row that opens it (a Shift-click
 * selects the range instead; Space selects it from the keyboard), and its own Delete.
 */
export function TransactionRow({
  transaction,
  byId,
  view,
  selected,
  deleting,
  onSelect,
  onOpen,
  onKey,
  onDelete,
}: {
  transaction: TransactionJson;
  byId: ReadonlyMap<number, AccountJson>;
  view: AccountJson | undefined;
  selected: boolean;
  deleting: boolean;
  onSelect: (range: boolean) => void;
  onOpen: () => void;
  onKey: (event: KeyboardEvent) => void;
  onDelete: () => void;
}) {
  const locale = useLocale();
  const day = formatDay(transaction.date, locale);
  const name = `transaction of ${day}${transaction.payee ? `, ${transaction.payee.name}` : ''}`;

  function click(event: MouseEvent) {
    if (event.shiftKey) {
      event.preventDefault();
      onSelect(true);
    } else onOpen();
  }

  function key(event: KeyboardEvent) {
    if (event.key === ' ' && event.target === event.currentTarget) {
      event.preventDefault(); // a button would open the row on Space
      onSelect(event.shiftKey);
    } else onKey(event);
  }

  return (
    <li className={`txn-item${selected ? ' selected' : ''}`}>
      <input
        type="checkbox"
        className="txn-select"
        aria-label={`Select ${name}`}
        checked={selected}
        onChange={(event) => onSelect((event.nativeEvent as PointerEvent).shiftKey === true)}
      />
      <button
        type="button"
        className="txn-row txn-open"
        data-open={transaction.id}
        onClick={click}
        onKeyDown={key}
        aria-describedby="txn-row-help"
      >
        <span className="txn-date">
          <span className="visually-hidden">{selected ? 'Selected. ' : ''}Edit: </span>
          {day}
        </span>
        <span className="txn-payee">{transaction.payee?.name ?? ''}</span>
        <span className="txn-description">{transaction.description}</span>
        <span className="txn-accounts">{involved(transaction, byId, view)}</span>
        <span className="txn-amount num">
          <Amount value={amountFor(transaction, view)} />
        </span>
        <span className={`txn-status txn-status-${transaction.status}`}>
          <span aria-hidden="true">{STATUS_MARK[transaction.status]} </span>
          {STATUS_TEXT[transaction.status]}
        </span>
      </button>
      <button type="button" className="button ghost small txn-delete" disabled={deleting} onClick={onDelete}>
        Delete
        <span className="visually-hidden"> {name}</span>
      </button>
    </li>
  );
}
