import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { AccountJson, ReconciliationJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { isZeroAmount } from '../../ui/money.ts';
import type { Statement } from './ReconcileStart.tsx';
import { isTicked, summaryOf } from './reconcile.ts';
import { useFinishReconciliation, useReconcileWork, useTicks } from './reconcileQueries.ts';

/**
 * The register while reconciling: the account's transactions not yet reconciled up to the
 * statement's date, each with a tick box (ticked = cleared, saved at once), and a summary that stays
 * in view with the statement's balance, the cleared balance and the difference between them.
 * Finish is there once the difference is zero. The ticks are real edits, so Cancel keeps them.
 * One tick box is in the tab order; the arrow keys go from line to line, Space ticks.
 */
export function ReconcileMode({
  bookId,
  account,
  statement,
  onFinished,
  onCancel,
}: {
  bookId: number;
  account: AccountJson;
  statement: Statement;
  onFinished: (reconciliation: ReconciliationJson) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const locale = useLocale();
  const work = useReconcileWork(bookId, account.id, account.currency, statement.date);
  const { ticks, tick, error, busy } = useTicks(bookId);
  const finish = useFinishReconciliation(bookId, account.id);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const money = (amount: string) => ({ amount, currency: account.currency });
  const day = formatDay(statement.date, locale);

  const lines = work.data?.lines ?? [];
  const loaded = work.data !== undefined;
  // Started, the work is ticking: the focus goes to the first line once the lines are there.
  useEffect(() => {
    if (loaded) list.current?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.focus();
  }, [loaded]);
  const summary = work.data && summaryOf(statement.balance, work.data.cleared, lines, ticks);
  const balanced = summary?.difference != null && isZeroAmount(summary.difference);

  function onKey(event: KeyboardEvent, index: number) {
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: lines.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const bounded = Math.max(0, Math.min(lines.length - 1, to));
    setActive(bounded);
    list.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[bounded]?.focus();
  }

  return (
    <section className="reconcile" aria-labelledby={`${id}-title`}>
      <div className="reconcile-summary">
        <h2 id={`${id}-title`}>Reconciling with the statement of {day}</h2>
        <dl>
          <div>
            <dt>Statement balance</dt>
            <dd>
              <Amount value={money(statement.balance)} />
            </dd>
          </div>
          <div>
            <dt>Cleared balance</dt>
            <dd>{summary ? <Amount value={money(summary.cleared)} /> : '…'}</dd>
          </div>
          <div className={balanced ? 'reconcile-difference balanced' : 'reconcile-difference'}>
            <dt>Difference</dt>
            <dd aria-live="polite">
              {summary?.difference != null ? <Amount value={money(summary.difference)} /> : '…'}
            </dd>
          </div>
        </dl>
        <div className="form-actions">
          <button
            type="button"
            className="button primary small"
            disabled={!balanced || busy || finish.isPending}
            onClick={() =>
              finish.mutate(
                { statementDate: statement.date, statementBalance: money(statement.balance) },
                { onSuccess: onFinished },
              )
            }
          >
            {finish.isPending ? 'Finishing…' : 'Finish'}
          </button>
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
      <ErrorNotice error={work.error ?? error ?? finish.error} />
      {work.isPending && <p className="loading">Loading the transactions to tick…</p>}
      {work.data && lines.length === 0 && (
        <p className="hint">Every transaction up to {day} is reconciled already.</p>
      )}
      {lines.length > 0 && (
        <>
          <p className="hint" id={`${id}-how`}>
            Tick what the statement shows. The arrow keys move between lines; Space ticks.
          </p>
          <ul className="reconcile-lines" ref={list} aria-label={`Transactions up to ${day}`}>
            {lines.map((line, index) => (
              <li key={line.transactionId}>
                <label>
                  <input
                    type="checkbox"
                    tabIndex={index === Math.min(active, lines.length - 1) ? 0 : -1}
                    aria-describedby={index === 0 ? `${id}-how` : undefined}
                    checked={isTicked(line, ticks)}
                    onChange={(event) => void tick(line.transactionId, event.target.checked)}
                    onFocus={() => setActive(index)}
                    onKeyDown={(event) => onKey(event, index)}
                  />
                  <span className="reconcile-date">{formatDay(line.date, locale, 'short')}</span>
                  <span className="reconcile-payee">{line.payee}</span>
                  <span className="reconcile-description">{line.description}</span>
                  <span className="num">
                    <Amount value={line.amount} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
