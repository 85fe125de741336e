import { useRef, useState } from 'react';
import type { ReconciliationJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { useReconciliations, useUndoReconciliation } from './reconcileQueries.ts';

const transactions = (count: number) => `${count} ${count === 1 ? 'transaction' : 'transactions'}`;

/**
 * The account's reconciliations, the latest statement first, behind a disclosure; each can be
 * undone (after a question): its transactions are cleared again.
 */
export function ReconcileHistory({ bookId, accountId }: { bookId: number; accountId: number }) {
  const locale = useLocale();
  const announce = useAnnounce();
  const history = useReconciliations(bookId, accountId);
  const undo = useUndoReconciliation(bookId, accountId);
  const [asking, setAsking] = useState<ReconciliationJson | null>(null);
  const summary = useRef<HTMLElement>(null);
  const when = (instant: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  const items = history.data ?? [];

  return (
    <details className="reconcile-history">
      <summary ref={summary}>Reconciliations{history.data ? ` (${items.length})` : ''}</summary>
      <ErrorNotice error={history.error ?? undo.error} />
      {history.data && items.length === 0 && <p className="hint">None yet.</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Statement of</th>
              <th scope="col" className="num">
                Balance
              </th>
              <th scope="col" className="num">
                Transactions
              </th>
              <th scope="col">Done</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>{formatDay(item.statementDate, locale)}</td>
                <td className="num">
                  <Amount value={item.statementBalance} />
                </td>
                <td className="num">{item.transactionCount}</td>
                <td>{when(item.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    className="button ghost small"
                    disabled={undo.isPending}
                    onClick={() => setAsking(item)}
                  >
                    Undo<span className="visually-hidden"> the reconciliation of {item.statementDate}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {asking && (
        <ConfirmDialog
          question={`Undo the reconciliation of ${formatDay(asking.statementDate, locale)}? Its ${transactions(asking.transactionCount)} will be cleared, not reconciled.`}
          confirmLabel="Undo it"
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const done = asking;
            setAsking(null);
            undo.mutate(done.id, {
              onSuccess: () =>
                announce(
                  `Reconciliation of ${formatDay(done.statementDate, locale)} undone.`,
                  summary.current,
                ),
            });
          }}
        />
      )}
    </details>
  );
}
