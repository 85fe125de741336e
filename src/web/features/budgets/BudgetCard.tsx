import { useState } from 'react';
import type { BudgetJson, BudgetPeriodJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount, negateDecimal } from '../../ui/Amount.tsx';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { afterSuccess } from '../../ui/afterSuccess.ts';
import { DateInput } from '../../ui/DateInput.tsx';
import { DeletePanel } from '../../ui/DeletePanel.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import {
  barWidth,
  describeRecurrence,
  formatDate,
  formatPercent,
  formatPeriodLabel,
  paceText,
  ROLLOVER_MODES,
  todayIso,
} from './model.ts';
import { useBudgetHistory, useDeleteBudget, useSetBudgetAmount } from './queries.ts';

type Mode = 'amount' | 'history' | 'delete' | null;

/** One budget: its current period against the limit, and what can be done with it. */
export function BudgetCard({
  bookId,
  budget,
  period,
  target,
}: {
  bookId: number;
  budget: BudgetJson;
  period: BudgetPeriodJson | null;
  target: string;
}) {
  const locale = useLocale();
  const [mode, setMode] = useState<Mode>(null);
  const remove = useDeleteBudget(bookId);
  const toggle = (next: Mode) => setMode(mode === next ? null : next);
  const titleId = `budget-${budget.id}-title`;
  const rollover = ROLLOVER_MODES.find((m) => m.value === budget.rollover);

  return (
    <li className="card budget-card" aria-labelledby={titleId}>
      <div className="budget-head">
        <h2 id={titleId}>{budget.name}</h2>
        <p className="muted">
          {target} · {describeRecurrence(budget.recurrence, locale)}
          {budget.rollover !== 'none' && rollover ? ` · ${rollover.label}` : ''}
        </p>
      </div>
      {period ? (
        <PeriodSummary period={period} />
      ) : (
        <p className="muted">No period holds today (the date range is over or has not begun).</p>
      )}
      <div className="row-actions budget-actions">
        <button
          type="button"
          className="button ghost small"
          aria-expanded={mode === 'amount'}
          onClick={() => toggle('amount')}
        >
          Change amount<span className="visually-hidden"> of {budget.name}</span>
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-expanded={mode === 'history'}
          onClick={() => toggle('history')}
        >
          History<span className="visually-hidden"> of {budget.name}</span>
        </button>
        <button
          type="button"
          className="button ghost small"
          aria-expanded={mode === 'delete'}
          onClick={() => toggle('delete')}
        >
          Delete<span className="visually-hidden"> {budget.name}</span>
        </button>
      </div>
      {mode === 'amount' && <AmountPanel bookId={bookId} budget={budget} onDone={() => setMode(null)} />}
      {mode === 'history' && <HistoryPanel bookId={bookId} budget={budget} />}
      {mode === 'delete' && (
        <DeletePanel
          id={budget.id}
          name={budget.name}
          title={`Delete the budget ${budget.name}?`}
          announcement={`Budget ${budget.name} deleted.`}
          remove={remove}
          hint="Its alerts go with it; your transactions stay as they are."
          onDone={() => setMode(null)}
        />
      )}
    </li>
  );
}

function PeriodSummary({ period }: { period: BudgetPeriodJson }) {
  const locale = useLocale();
  const percent = formatPercent(period.percent, locale);
  const overspent = period.remaining.amount.startsWith('-');
  const state = overspent ? 'over' : Number(period.percent ?? 0) >= 8000 ? 'warn' : 'ok';
  return (
    <div className="budget-period">
      <p className="budget-period-label">
        <strong>{formatPeriodLabel(period.label, locale)}</strong>{' '}
        <span className="muted">
          {formatDate(period.start, locale, false)} – {formatDate(period.end, locale)}
        </span>
      </p>
      <div className={`budget-bar budget-bar-${state}`} aria-hidden="true">
        <span style={{ width: `${barWidth(period)}%` }} />
      </div>
      <p className="budget-figures">
        <span>
          <Amount value={period.spent} /> spent of <Amount value={period.available} />
          {percent && ` (${percent})`}
        </span>
        <span>
          {overspent ? (
            <strong className="budget-over">
              <Amount value={{ ...period.remaining, amount: negateDecimal(period.remaining.amount) }} /> over
            </strong>
          ) : (
            <>
              <Amount value={period.remaining} /> left
            </>
          )}
        </span>
      </p>
      {!/^-?0(\.0*)?$/.test(period.rolledIn.amount) && (
        <p className="muted">
          Limit <Amount value={period.limit} />, <Amount value={period.rolledIn} /> rolled in
        </p>
      )}
      <p className={`budget-pace budget-pace-${period.pace.status}`}>
        Pace: {paceText(period.pace)}{' '}
        <span className="muted">
          (day {period.pace.elapsedDays} of {period.pace.totalDays},{' '}
          <Amount value={period.pace.expectedByNow} /> expected by now)
        </span>
      </p>
    </div>
  );
}

function AmountPanel({ bookId, budget, onDone }: { bookId: number; budget: BudgetJson; onDone: () => void }) {
  const locale = useLocale();
  const announce = useAnnounce();
  const setAmount = useSetBudgetAmount(bookId);
  const current = budget.amounts.at(-1)?.amount.amount ?? '';
  const [amount, setAmountText] = useState<string | null>(current);
  const [problem, setProblem] = useState<string>();
  const [from, setFrom] = useState(todayIso);
  const first = useFocusOnOpen<HTMLInputElement>();
  const error = setAmount.error;
  return (
    <RowPanel level={3} title={`Change the amount of ${budget.name}`}>
      <PanelForm
        submitLabel="Save amount"
        disabled={setAmount.isPending || amount === null || amount === ''}
        error={formError(error, ['/amount', '/from'])}
        onCancel={onDone}
        onSubmit={() => {
          if (amount === null || amount === '') return;
          afterSuccess(
            setAmount.mutateAsync({ id: budget.id, from, amount: { amount, currency: budget.currency } }),
            () => {
              announce(`The amount of ${budget.name} is changed.`, false);
              onDone();
            },
          );
        }}
      >
        <Field
          label="From"
          hint="Applies from the first period that starts on or after this date."
          error={fieldError(error, '/from')}
        >
          {(props) => (
            <DateInput
              {...props}
              ref={first}
              value={from}
              locale={locale}
              onValueChange={(iso) => iso !== null && setFrom(iso)}
            />
          )}
        </Field>
        <Field
          label="Amount per period"
          error={problem ?? fieldError(error, '/amount')}
          hint={`In ${budget.currency}.`}
        >
          {(props) => (
            <AmountInput
              {...props}
              value={amount ?? ''}
              currencyCode={budget.currency}
              locale={locale}
              onValueChange={setAmountText}
              onProblem={setProblem}
            />
          )}
        </Field>
      </PanelForm>
    </RowPanel>
  );
}

function HistoryPanel({ bookId, budget }: { bookId: number; budget: BudgetJson }) {
  const locale = useLocale();
  const history = useBudgetHistory(bookId, budget.id);
  return (
    <RowPanel level={3} title={`${budget.name}: the last 12 periods`}>
      {history.isPending && <p className="loading">Loading history…</p>}
      <ErrorNotice error={history.error} />
      {history.data && (
        <div className="budget-history-scroll">
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls from the keyboard too */}
          <section className="budget-history-table" aria-label={`History of ${budget.name}`} tabIndex={0}>
            <table className="budget-history">
              <caption className="visually-hidden">
                Limit against spending of {budget.name}, oldest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">
                    Available
                  </th>
                  <th scope="col" className="num">
                    Spent
                  </th>
                  <th scope="col" className="num">
                    Left
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.data.periods.map((row) => (
                  <tr key={row.start}>
                    <th scope="row">
                      {formatPeriodLabel(row.label, locale)}
                      {row.overspent && <span className="budget-over"> · overspent</span>}
                    </th>
                    <td className="num">
                      <Amount value={row.available} />
                    </td>
                    <td className="num">
                      <Amount value={row.spent} />
                      {row.percent !== null && (
                        <span className="muted"> ({formatPercent(row.percent, locale)})</span>
                      )}
                    </td>
                    <td className="num">
                      <Amount value={row.remaining} />
                    </td>
                  </tr>
                ))}
              </tbody>
              {history.data.averageSpent && (
                <tfoot>
                  <tr>
                    <th scope="row">Average</th>
                    <td className="num">
                      {history.data.averageLimit && <Amount value={history.data.averageLimit.rounded} />}
                    </td>
                    <td className="num">
                      <Amount value={history.data.averageSpent.rounded} />
                    </td>
                    <td className="num">
                      {history.data.averageRemaining && (
                        <Amount value={history.data.averageRemaining.rounded} />
                      )}
                    </td>
                  </tr>
                </tfoot>
              )}
            </table>
          </section>
          <p className="muted">
            Overspent in {history.data.overspentCount} of {history.data.periods.length} periods.
          </p>
        </div>
      )}
    </RowPanel>
  );
}
