import { type FieldError, fail } from '../errors.ts';
import { type CurrencyCode, type Money, money } from '../money/index.ts';
import type { CategoryKey, LimitPeriod } from './limit.ts';
import { MAX_PERIODS } from './period.ts';
import type { Period } from './recurrence.ts';
import { basisPoints, divideHalfEven } from './rounding.ts';

/** One period of a category's budget: from a limit budget (`limit`, `available`) or an envelope month (assigned, carried in + assigned). */
export interface HistoryPeriodInput extends Period {
  readonly limit: Money;
  readonly available: Money;
  readonly spent: Money;
}

export interface HistoryPeriod extends HistoryPeriodInput {
  /** available − spent */
  readonly remaining: Money;
  /** spent as basis points of available, half-even; null when available ≤ 0 */
  readonly percent: bigint | null;
  readonly overspent: boolean;
}

/**
 * An average kept exact: the true value is `total / count`; `rounded` is it rounded half to
 * even to a minor unit, for display.
 */
export interface ExactAverage {
  readonly total: Money;
  readonly count: number;
  readonly rounded: Money;
}

export interface CategoryHistory {
  readonly categoryId: CategoryKey;
  readonly periods: readonly HistoryPeriod[];
  /** Averages per period; null when there are no periods. */
  readonly averageLimit: ExactAverage | null;
  readonly averageSpent: ExactAverage | null;
  readonly averageRemaining: ExactAverage | null;
  /** How many periods ended with spent above available. */
  readonly overspentCount: number;
}

/**
 * Budget against actual for one category over its periods (in order, not overlapping, at most
 * MAX_PERIODS), with exact averages. `last` keeps only the latest N periods.
 */
export function categoryHistory(
  bookCurrency: CurrencyCode,
  categoryId: CategoryKey,
  input: readonly HistoryPeriodInput[],
  options: { readonly last?: number } = {},
): CategoryHistory {
  checkPeriods(bookCurrency, input);
  const kept = options.last === undefined ? input : input.slice(Math.max(0, input.length - options.last));
  const periods = kept.map((period): HistoryPeriod => {
    const remaining = period.available.minor - period.spent.minor;
    return {
      ...period,
      remaining: money(remaining, bookCurrency),
      percent: period.available.minor > 0n ? basisPoints(period.spent.minor, period.available.minor) : null,
      overspent: remaining < 0n,
    };
  });
  const average = (pick: (period: HistoryPeriod) => Money) => exactAverage(bookCurrency, periods.map(pick));
  return {
    categoryId,
    periods,
    averageLimit: average((period) => period.limit),
    averageSpent: average((period) => period.spent),
    averageRemaining: average((period) => period.remaining),
    overspentCount: periods.filter((period) => period.overspent).length,
  };
}

/** The history input of a limit budget's evaluated periods. */
export function historyOfLimitPeriods(periods: readonly LimitPeriod[]): HistoryPeriodInput[] {
  return periods.map(({ start, end, limit, available, spent }) => ({ start, end, limit, available, spent }));
}

/** The exact average of amounts of one currency; null for none. */
export function exactAverage(bookCurrency: CurrencyCode, values: readonly Money[]): ExactAverage | null {
  if (values.length === 0) return null;
  const total = values.reduce((sum, value) => sum + value.minor, 0n);
  return {
    total: money(total, bookCurrency),
    count: values.length,
    rounded: money(divideHalfEven(total, BigInt(values.length)), bookCurrency),
  };
}

function checkPeriods(bookCurrency: CurrencyCode, periods: readonly HistoryPeriodInput[]): void {
  if (periods.length > MAX_PERIODS) {
    fail('VALIDATION_FAILED', `A history holds at most ${MAX_PERIODS} periods.`);
  }
  const errors: FieldError[] = [];
  periods.forEach((period, index) => {
    const at = `/periods/${index}`;
    const previous = periods[index - 1];
    if (period.end < period.start) {
      errors.push({
        field: `${at}/end`,
        code: 'VALIDATION_FAILED',
        message: 'The period ends before it starts.',
      });
    } else if (previous && period.start <= previous.end) {
      const message = `The period overlaps or precedes the one ending ${previous.end}.`;
      errors.push({ field: `${at}/start`, code: 'VALIDATION_FAILED', message });
    }
    for (const key of ['limit', 'available', 'spent'] as const) {
      if (period[key].currency !== bookCurrency) {
        const message = `The amount is in ${period[key].currency}; the book is in ${bookCurrency}.`;
        errors.push({ field: `${at}/${key}`, code: 'CURRENCY_MISMATCH', message });
      }
    }
  });
  if (errors.length > 0) fail(errors[0]!.code, 'The budget history is not valid.', errors);
}
