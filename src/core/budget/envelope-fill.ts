/**
 * The envelope budget's fill helpers: what each strategy assigns a category for a month, from
 * that category's recent history. Pure: amounts are bigint minor units of the book's base currency.
 */
import { divideHalfEven } from './rounding.ts';

export const FILL_STRATEGIES = [
  'copy-last-month',
  'last-month-spending',
  'average-3-months',
  'targets',
] as const;
export type FillStrategy = (typeof FILL_STRATEGIES)[number];

/** A category's history before the month being filled. */
export interface FillHistory {
  /** What last month assigned it (moves not included); 0 when nothing. */
  lastAssigned: bigint;
  /** Net spending of the three months before, oldest first: [m−3, m−2, m−1]. */
  spent: readonly [bigint, bigint, bigint];
  /** The category's monthly target; null when it has none. */
  target: bigint | null;
}

/**
 * The amount a strategy assigns: last month's assignment as it was; last month's spending; the
 * mean spending of the last three calendar months, rounded half to even; or the category's
 * target. Spending that refunds outweighed (net negative) budgets nothing rather than a negative
 * amount. Null: the strategy leaves the category as it is (`targets` for one without a target).
 */
export function fillAmount(strategy: FillStrategy, history: FillHistory): bigint | null {
  const atLeastZero = (value: bigint) => (value < 0n ? 0n : value);
  switch (strategy) {
    case 'copy-last-month':
      return history.lastAssigned;
    case 'last-month-spending':
      return atLeastZero(history.spent[2]);
    case 'average-3-months':
      return atLeastZero(divideHalfEven(history.spent[0] + history.spent[1] + history.spent[2], 3n));
    case 'targets':
      return history.target;
  }
}

/** The new assignment of every listed category the strategy sets, in the order given. */
export function fillMonth(
  strategy: FillStrategy,
  categoryIds: readonly number[],
  historyOf: (categoryId: number) => FillHistory,
): { categoryId: number; amount: bigint }[] {
  return categoryIds.flatMap((categoryId) => {
    const amount = fillAmount(strategy, historyOf(categoryId));
    return amount === null ? [] : [{ categoryId, amount }];
  });
}

/** 'YYYY-MM' shifted by `by` months. */
export function shiftBudgetMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
