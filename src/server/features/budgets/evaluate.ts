import {
  evaluateLimitBudget,
  type LimitBudget,
  type LimitPeriod,
  type Period,
  type PeriodSpending,
  periodContaining,
  periodLabel,
  periodsBetween,
  previousPeriod,
} from '../../../core/budget/index.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { type CurrencyCode, money } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { toMoneyJson } from '../../money-json.ts';
import {
  type DaySum,
  daySums,
  type ExpenseCategory,
  type LoadedBudget,
  loadExpenseCategories,
  targetCategoryIds,
} from './queries.ts';

/** What one budget needs evaluated: its periods from the first that rollover reaches back to. */
export interface Window {
  budget: LoadedBudget;
  core: LimitBudget;
  categoryIds: Set<number>;
  /** Every period evaluated, oldest first; the last `keep` are answered. */
  periods: Period[];
  keep: number;
}

export function limitBudgetOf(budget: LoadedBudget, categoryIds: readonly number[]): LimitBudget {
  const code = budget.row.currency as CurrencyCode;
  return {
    recurrence: budget.recurrence,
    categoryIds,
    rollover: budget.row.rollover,
    amounts: budget.amounts.map(({ from, amount }) => ({ from, amount: money(amount, code) })),
  };
}

/**
 * The last `count` periods up to the one holding `asOf`. With rollover the evaluation starts at
 * the period holding the first amount's date, where nothing has rolled in yet; a custom range is
 * its one period whatever `asOf` is.
 */
export function windowOf(
  budget: LoadedBudget,
  categories: readonly ExpenseCategory[],
  asOf: IsoDate,
  count: number,
): Window {
  const ids = targetCategoryIds(budget.row, categories);
  const core = limitBudgetOf(budget, ids);
  const recurrence = budget.recurrence;
  if (recurrence.kind === 'custom') {
    return {
      budget,
      core,
      categoryIds: new Set(ids),
      periods: [periodContaining(recurrence, recurrence.start)],
      keep: 1,
    };
  }
  const last = periodContaining(recurrence, asOf);
  let first = last;
  for (let i = 1; i < count; i++) first = previousPeriod(recurrence, first) ?? first;
  let from = first.start;
  const firstAmount = budget.amounts[0]?.from;
  if (budget.row.rollover !== 'none' && firstAmount !== undefined) {
    const start = periodContaining(recurrence, firstAmount).start;
    if (start < from) from = start;
  }
  const periods = periodsBetween(recurrence, from, last.start);
  return { budget, core, categoryIds: new Set(ids), periods, keep: Math.min(count, periods.length) };
}

/** Folds day sums into the window's periods (binary search on the period starts). */
function spendingOf(window: Window, sums: readonly DaySum[]): PeriodSpending[] {
  const { periods } = window;
  const totals = new Map<IsoDate, bigint>();
  for (const sum of sums) {
    if (!window.categoryIds.has(sum.accountId)) continue;
    let low = 0;
    let high = periods.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (periods[middle]!.start <= sum.date) low = middle;
      else high = middle - 1;
    }
    const period = periods[low]!;
    if (sum.date < period.start || sum.date > period.end) continue;
    totals.set(period.start, (totals.get(period.start) ?? 0n) + sum.total);
  }
  const code = window.budget.row.currency as CurrencyCode;
  return [...totals].map(([start, spent]) => ({ start, spent: money(spent, code) }));
}

/** Evaluates windows against day sums that cover them; answers the kept periods of each. */
export function evaluateWindow(window: Window, sums: readonly DaySum[], asOf: IsoDate): LimitPeriod[] {
  const { periods } = window;
  if (periods.length === 0) return [];
  const evaluated = evaluateLimitBudget(window.core, {
    from: periods[0]!.start,
    to: periods[periods.length - 1]!.start,
    spending: spendingOf(window, sums),
    asOf,
  });
  return evaluated.slice(evaluated.length - window.keep);
}

/** Evaluates several budgets with one spending query over the union of their windows. */
export async function evaluateBudgets(
  db: Db,
  bookId: number,
  budgets: readonly LoadedBudget[],
  asOf: IsoDate,
  count: number,
): Promise<{ window: Window; periods: LimitPeriod[] }[]> {
  if (budgets.length === 0) return [];
  const categories = await loadExpenseCategories(db, bookId);
  const windows = budgets.map((budget) => windowOf(budget, categories, asOf, count));
  const spans = windows.filter((w) => w.periods.length > 0);
  const ids = new Set(spans.flatMap((w) => [...w.categoryIds]));
  let from: string | null = null;
  let to: string | null = null;
  for (const { periods } of spans) {
    const [first, last] = [periods[0]!.start, periods[periods.length - 1]!.end];
    if (from === null || first < from) from = first;
    if (to === null || last > to) to = last;
  }
  // Spending as of `asOf`: postings dated later (scheduled ones) are not spent yet.
  const sums =
    from === null || to === null
      ? []
      : await daySums(db, bookId, [...ids], { from, to: to < asOf ? to : asOf });
  return windows.map((window) => ({ window, periods: evaluateWindow(window, sums, asOf) }));
}

/** Basis points as a JSON integer, or an exact decimal string beyond 2^53. */
export function basisPointsJson(value: bigint | null): number | string | null {
  if (value === null) return null;
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

export function periodJson(budget: LoadedBudget, period: LimitPeriod) {
  return {
    start: period.start,
    end: period.end,
    label: periodLabel(budget.recurrence, period),
    limit: toMoneyJson(period.limit),
    rolledIn: toMoneyJson(period.rolledIn),
    available: toMoneyJson(period.available),
    spent: toMoneyJson(period.spent),
    remaining: toMoneyJson(period.remaining),
    percent: basisPointsJson(period.percent),
    pace: {
      elapsedDays: period.pace.elapsedDays,
      totalDays: period.pace.totalDays,
      expectedByNow: toMoneyJson(period.pace.expectedByNow),
      status: period.pace.status,
    },
  };
}
