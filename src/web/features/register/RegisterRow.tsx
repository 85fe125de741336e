// biome-ignore-all lint/a11y/useSemanticElements: the register is an ARIA grid of virtualised rows; a <table> cannot position its rows absolutely
// biome-ignore-all lint/a11y/useFocusableInteractive: rows are focusable by roving tabindex; header and cells are not interactive
import type { KeyboardEvent, Ref } from 'react';
import type { RegisterEntryJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { RowMenu } from '../../ui/RowMenu.tsx';

/** Pending and cleared swap with one click; a reconciled line is settled, not a toggle (reconciling comes later). */
const NEXT_STATUS = { pending: 'cleared', cleared: 'pending' } as const;
const STATUS_TEXT = { pending: 'Pending', cleared: 'Cleared', reconciled: 'Reconciled' } as const;

/** What is on the other side of a line: a category, a split, or a transfer, said as one. */
export type OtherSide =
  | { kind: 'category'; name: string }
  | { kind: 'split'; count: number }
  | { kind: 'transfer'; direction: 'to' | 'from'; name: string };

export function otherSide(
  entry: RegisterEntryJson,
  categories: ReadonlyMap<number, string>,
  accounts: ReadonlyMap<number, string>,
): OtherSide {
  const others = entry.otherAccountIds;
  if (others.length > 1) return { kind: 'split', count: others.length };
  const account = accounts.get(others[0] ?? 0);
  if (account !== undefined) {
    return {
      kind: 'transfer',
      direction: entry.amount.amount.startsWith('-') ? 'to' : 'from',
      name: account,
    };
  }
  return { kind: 'category', name: categories.get(others[0] ?? 0) ?? '' };
}

function OtherSideCell({ side }: { side: OtherSide }) {
  if (side.kind === 'split') return <span className="split">Split ({side.count})</span>;
  if (side.kind === 'category') return <>{side.name}</>;
  return (
    <span className="transfer">
      <span aria-hidden="true">{side.direction === 'to' ? '→ ' : '← '}</span>
      Transfer {side.direction} {side.name}
    </span>
  );
}

/**
 * One line of the register, a grid row focusable by roving tabindex: only the active row and its
 * buttons are in the tab order, so Tab leaves the register after one row's buttons. On a phone
 * the same cells lay out as a card, and the row's actions sit in its "⋯" menu.
 */
export function RegisterRow({
  entry,
  index,
  start,
  active,
  side,
  locale,
  measure,
  onKey,
  onFocus,
  onEdit,
  onDelete,
  onStatus,
}: {
  entry: RegisterEntryJson;
  index: number;
  start: number;
  active: boolean;
  side: OtherSide;
  locale: string;
  measure: Ref<HTMLDivElement>;
  onKey: (event: KeyboardEvent) => void;
  onFocus: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onStatus: (status: 'pending' | 'cleared') => void;
}) {
  const tabIndex = active ? 0 : -1;
  const what = `transaction of ${entry.date}`;
  const status = entry.status;
  return (
    <div
      role="row"
      ref={measure}
      aria-rowindex={index + 2}
      data-index={index}
      data-open={entry.transactionId}
      tabIndex={tabIndex}
      className="register-row"
      style={{ transform: `translateY(${start}px)` }}
      onKeyDown={onKey}
      onFocus={onFocus}
      onDoubleClick={onEdit}
    >
      <span role="gridcell" className="register-date">
        {formatDay(entry.date, locale, 'short')}
      </span>
      <span role="gridcell" className="register-payee">
        {entry.payee?.name ?? ''}
      </span>
      <span role="gridcell" className="register-other">
        <OtherSideCell side={side} />
      </span>
      <span role="gridcell" className="register-description">
        {entry.description}
      </span>
      <span role="gridcell" className="num register-amount">
        <Amount value={entry.amount} />
      </span>
      <span role="gridcell" className="num register-balance">
        <span className="register-card-label">Balance </span>
        <Amount value={entry.balance} />
      </span>
      <span role="gridcell" className="register-status">
        {status === 'reconciled' ? (
          <span className={`status status-${status}`} title="Reconciled">
            <span aria-hidden="true">R</span>
            <span className="visually-hidden">Reconciled</span>
          </span>
        ) : (
          <button
            type="button"
            tabIndex={tabIndex}
            className={`status status-${status}`}
            onClick={() => onStatus(NEXT_STATUS[status])}
            aria-label={`Status ${status}; mark ${NEXT_STATUS[status]}`}
            title={STATUS_TEXT[status]}
          >
            {status === 'pending' ? '○' : 'C'}
          </button>
        )}
      </span>
      <span role="gridcell" className="row-actions">
        <span className="register-buttons">
          <button type="button" tabIndex={tabIndex} className="button ghost small" onClick={onEdit}>
            Edit<span className="visually-hidden"> {what}</span>
          </button>
          <button type="button" tabIndex={tabIndex} className="button ghost small" onClick={onDelete}>
            Delete<span className="visually-hidden"> {what}</span>
          </button>
        </span>
        <RowMenu
          label={`Actions for the ${what}`}
          tabIndex={tabIndex}
          items={[
            { label: 'Edit', run: onEdit },
            { label: 'Delete', run: onDelete },
          ]}
        />
      </span>
    </div>
  );
}
