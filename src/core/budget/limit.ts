import type { IsoDate } from '../calendar/date.ts';
import { type FieldError, fail } from '../errors.ts';
import { add, type CurrencyCode, type Money, subtract, zero } from '../money/index.ts';
import { type Pace, pace } from './pace.ts';
import { periodsBetween } from './period.ts';
import type { Period, Recurrence } from './recurrence.ts';
import { basisPoints } from './rounding.ts';

/** A category's id, opaque to the budget maths. */
export type CategoryKey = number | string;

/**
 * What is left over at a period's end and moves into the next one:
 * `none` nothing; `unspent` only a positive remainder; `both` the remainder either way, so an
 * overspent period shrinks the next one.
 */
export type RolloverMode = 'none' | 'unspent' | 'both';

/** The limit per period from the period that starts on or after `from` onwards. */
export interface BudgetAmount {
  readonly from: IsoDate;
  readonly amount: Money;
}

export interface LimitBudget {
  readonly recurrence: Recurrence;
  readonly categoryIds: readonly CategoryKey[];
  readonly amounts: readonly BudgetAmount[];
  readonly rollover: RolloverMode;
}

/** Net spending of the budget's categories in the period starting `start`: refunds make it smaller, even negative. */
export interface PeriodSpending {
  readonly start: IsoDate;
  readonly spent: Money;
}

export interface LimitPeriod extends Period {
  readonly limit: Money;
  readonly rolledIn: Money;
  /** limit + rolledIn */
  readonly available: Money;
  readonly spent: Money;
  /** available − spent; negative when overspent */
  readonly remaining: Money;
  /** spent as basis points of available (8,000 = 80 %), half-even; null when available ≤ 0 */
  readonly percent: bigint | null;
  readonly pace: Pace;
}

export interface LimitInput {
  /** The first period is the one holding `from`; rollover starts there with nothing rolled in. */
  readonly from: IsoDate;
  /** The last period is the one holding `to`. */
  readonly to: IsoDate;
  /** At most one row per period; periods without a row spent nothing. */
  readonly spending: readonly PeriodSpending[];
  /** The day pace is measured on (today, passed in: the core has no clock). */
  readonly asOf: IsoDate;
}

/**
 * The limit of the period starting `periodStart`: the amount with the latest `from` on or before
 * it (a change dated mid-period applies from the next period); zero before the first amount.
 */
export function limitAt(budget: LimitBudget, periodStart: IsoDate): Money {
  const currency = budgetCurrency(budget);
  let best: BudgetAmount | undefined;
  for (const entry of budget.amounts) {
    if (entry.from <= periodStart && (best === undefined || entry.from > best.from)) best = entry;
  }
  return best?.amount ?? zero(currency);
}

/** Every period of `input`'s range with its limit, rollover, spending, percentage and pace. */
export function evaluateLimitBudget(budget: LimitBudget, input: LimitInput): LimitPeriod[] {
  checkAmounts(budget);
  const currency = budgetCurrency(budget);
  const periods = periodsBetween(budget.recurrence, input.from, input.to);
  const spentByStart = indexSpending(input.spending, periods, currency);
  const result: LimitPeriod[] = [];
  let rolledIn = zero(currency);
  for (const period of periods) {
    const limit = limitAt(budget, period.start);
    const available = add(limit, rolledIn);
    const spent = spentByStart.get(period.start) ?? zero(currency);
    const remaining = subtract(available, spent);
    result.push({
      start: period.start,
      end: period.end,
      limit,
      rolledIn,
      available,
      spent,
      remaining,
      percent: available.minor > 0n ? basisPoints(spent.minor, available.minor) : null,
      pace: pace(period, available, spent, input.asOf),
    });
    rolledIn = carried(budget.rollover, remaining);
  }
  return result;
}

/** What of a period's remainder rolls into the next under `mode`. */
export function carried(mode: RolloverMode, remaining: Money): Money {
  if (mode === 'both') return remaining;
  if (mode === 'unspent' && remaining.minor > 0n) return remaining;
  return zero(remaining.currency);
}

function budgetCurrency(budget: LimitBudget): CurrencyCode {
  const first = budget.amounts[0];
  if (!first) {
    fail('VALIDATION_FAILED', 'A budget needs at least one amount.', [
      { field: '/amounts', code: 'VALIDATION_FAILED', message: 'Give the limit per period.' },
    ]);
  }
  return first.amount.currency;
}

function checkAmounts(budget: LimitBudget): void {
  const currency = budgetCurrency(budget);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  budget.amounts.forEach(({ from, amount }, index) => {
    if (amount.currency !== currency) {
      const message = `The amount is in ${amount.currency}; the budget is in ${currency}.`;
      errors.push({ field: `/amounts/${index}/amount`, code: 'CURRENCY_MISMATCH', message });
    } else if (amount.minor < 0n) {
      errors.push({
        field: `/amounts/${index}/amount`,
        code: 'VALIDATION_FAILED',
        message: 'A limit cannot be negative.',
      });
    }
    if (seen.has(from)) {
      errors.push({
        field: `/amounts/${index}/from`,
        code: 'VALIDATION_FAILED',
        message: `Two amounts start on ${from}.`,
      });
    }
    seen.add(from);
  });
  if (errors.length > 0) fail(errors[0]!.code, 'The budget amounts are not valid.', errors);
}

function indexSpending(
  spending: readonly PeriodSpending[],
  periods: readonly Period[],
  currency: CurrencyCode,
): Map<IsoDate, Money> {
  const starts = new Set(periods.map((period) => period.start));
  const byStart = new Map<IsoDate, Money>();
  const errors: FieldError[] = [];
  spending.forEach(({ start, spent }, index) => {
    if (!starts.has(start)) {
      const message = `${start} does not start one of the budget's periods in the range.`;
      errors.push({ field: `/spending/${index}/start`, code: 'VALIDATION_FAILED', message });
    } else if (byStart.has(start)) {
      errors.push({
        field: `/spending/${index}/start`,
        code: 'VALIDATION_FAILED',
        message: `${start} is listed twice.`,
      });
    } else if (spent.currency !== currency) {
      const message = `The spending is in ${spent.currency}; the budget is in ${currency}.`;
      errors.push({ field: `/spending/${index}/spent`, code: 'CURRENCY_MISMATCH', message });
    }
    byStart.set(start, spent);
  });
  if (errors.length > 0) fail(errors[0]!.code, 'The spending does not fit the budget.', errors);
  return byStart;
}
