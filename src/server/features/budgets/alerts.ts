import {
  type AlertThreshold,
  crossedThresholds,
  type Period,
  periodContaining,
} from '../../../core/budget/index.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { type CurrencyCode, zero } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { evaluateWindow, windowOf } from './evaluate.ts';
import {
  daySums,
  type ExpenseCategory,
  type LoadedBudget,
  loadBudgets,
  loadExpenseCategories,
  targetCategoryIds,
} from './queries.ts';

/** What one ledger write touched: a date and the accounts posted to on it. */
export interface Touch {
  date: string;
  postings: readonly { accountId: number }[];
}

/**
 * Re-evaluates, after a transaction is created, changed or deleted (inside its database
 * transaction), the budgets of the categories it touched, for the periods holding its dates (the
 * old and the new on a change) that have not ended before today. A threshold the period's
 * spending has reached and that has no notification yet gets one: the "after" state is evaluated
 * and the unique (budget, period, threshold) key keeps it to once per period, so a refund and a
 * second crossing, or a later edit, repeat nothing.
 */
export async function raiseBudgetAlerts(
  db: Db,
  bookId: number,
  touches: readonly Touch[],
  now: string,
): Promise<void> {
  const touched = new Set(touches.flatMap((t) => t.postings.map((p) => p.accountId)));
  if (touched.size === 0) return;
  const budgets = await loadBudgets(db, bookId);
  if (budgets.length === 0) return;
  const categories = await loadExpenseCategories(db, bookId);
  const today = now.slice(0, 10);
  for (const budget of budgets) {
    const ids = targetCategoryIds(budget.row, categories);
    if (!ids.some((id) => touched.has(id))) continue;
    const periods = new Map<string, Period>();
    for (const touch of touches) {
      if (!touch.postings.some((p) => ids.includes(p.accountId))) continue;
      const period = periodHolding(budget, touch.date as IsoDate);
      if (period && period.end >= today) periods.set(period.start, period);
    }
    for (const period of periods.values()) await alertPeriod(db, bookId, budget, categories, period, now);
  }
}

function periodHolding(budget: LoadedBudget, date: IsoDate): Period | null {
  const recurrence = budget.recurrence;
  if (recurrence.kind === 'custom' && (date < recurrence.start || date > recurrence.end)) return null;
  return periodContaining(recurrence, date);
}

async function alertPeriod(
  db: Db,
  bookId: number,
  budget: LoadedBudget,
  categories: readonly ExpenseCategory[],
  period: Period,
  now: string,
) {
  const window = windowOf(budget, categories, period.start, 1);
  const first = window.periods[0];
  if (!first) return;
  const sums = await daySums(db, bookId, [...window.categoryIds], { from: first.start, to: period.end });
  const evaluated = evaluateWindow(window, sums, period.start).at(-1);
  if (!evaluated || evaluated.start !== period.start) return;
  const existing = await db
    .selectFrom('notifications')
    .select('threshold')
    .where('budget_id', '=', budget.row.id)
    .where('period_start', '=', period.start)
    .execute();
  const code = budget.row.currency as CurrencyCode;
  const raised = crossedThresholds(
    {
      periodStart: period.start,
      available: evaluated.available,
      alreadyAlerted: existing.map((row) => row.threshold as AlertThreshold),
    },
    zero(code),
    evaluated.spent,
  );
  if (raised.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      raised.map((alert) => ({
        book_id: bookId,
        budget_id: budget.row.id,
        period_start: period.start,
        period_end: period.end,
        threshold: alert.threshold,
        spent: evaluated.spent.minor,
        available: evaluated.available.minor,
        currency: code,
        created_at: now,
        dismissed_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['budget_id', 'period_start', 'threshold']).doNothing())
    .execute();
}
