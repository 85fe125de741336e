import type { IsoDate } from '../calendar/date.ts';
import { type FieldError, fail } from '../errors.ts';
import { type CurrencyCode, type Money, money, zero } from '../money/index.ts';
import { clampedDate, dateParts } from './day.ts';
import type { CategoryKey } from './limit.ts';

/**
 * Envelope (zero-based) budgeting, month by month, as in YNAB and Actual Budget:
 * - the money in the on-budget accounts when the budget starts (its starting balance) and income of
 *   each month land in "to be budgeted" (TBB), which carries into the next month;
 * - assigning money to a category takes it from TBB; a move takes it from one category and gives
 *   it to another in the same month (a negative and a positive assignment; TBB is unchanged);
 * - a category's balance = what it carried in + assigned − spent, and carries forward;
 * - a negative balance at the month's end is overspending: unless a move covered it, the category
 *   starts the next month at zero and the overspent amount comes out of next month's TBB.
 * So at every month's end, TBB + the categories' balances = the starting balance + all income − all
 * spending so far.
 * TBB below zero means more was assigned than there was: a warning (`overAssigned`), not an error.
 */
export interface EnvelopeMove {
  readonly from: CategoryKey;
  readonly to: CategoryKey;
  /** Positive. */
  readonly amount: Money;
}

export interface EnvelopeCategoryInput {
  readonly categoryId: CategoryKey;
  readonly assigned: Money;
  /** Net spending: refunds make it smaller. */
  readonly spent: Money;
}

export interface EnvelopeMonthInput {
  /** The first day of the calendar month; months follow each other without gaps. */
  readonly month: IsoDate;
  /** The on-budget accounts' balance before the budget's start: given on its first month only. */
  readonly startingBalance?: Money;
  readonly income: Money;
  readonly categories: readonly EnvelopeCategoryInput[];
  readonly moves?: readonly EnvelopeMove[];
}

export interface EnvelopeCategoryMonth {
  readonly categoryId: CategoryKey;
  /** Last month's balance if positive, else zero. */
  readonly carriedIn: Money;
  /** Assigned this month, moves included. */
  readonly assigned: Money;
  readonly spent: Money;
  readonly balance: Money;
  /** The part of a negative balance no move covered (≥ 0); it leaves next month's TBB. */
  readonly overspent: Money;
}

export interface EnvelopeMonth {
  readonly month: IsoDate;
  /** Money to assign that was in the accounts when the budget started (its first month only). */
  readonly startingBalance: Money;
  readonly income: Money;
  /** Last month's TBB. */
  readonly carriedTbb: Money;
  /** Last month's uncovered overspending, taken from this month's TBB (≤ 0). */
  readonly overspendingFromLastMonth: Money;
  /** All assignments of the month (moves cancel out). */
  readonly assigned: Money;
  /** carriedTbb + overspendingFromLastMonth + startingBalance + income − assigned */
  readonly tbb: Money;
  readonly overAssigned: boolean;
  /** Every category seen so far, in order of first appearance. */
  readonly categories: readonly EnvelopeCategoryMonth[];
  /** −(sum of overspent): what this month takes from next month's TBB (≤ 0). */
  readonly rolledIntoNextTbb: Money;
}

/**
 * A month in bare minor units of the book's currency: what the month-by-month walk reads. A
 * category not in `categories` had no assignment and no spending that month.
 */
export interface EnvelopeMonthSums {
  readonly month: IsoDate;
  /** Absent: zero. */
  readonly startingBalance?: bigint;
  readonly income: bigint;
  /** Assigned (moves apart) and net spending, per category. */
  readonly categories: ReadonlyMap<CategoryKey, { readonly assigned: bigint; readonly spent: bigint }>;
  readonly moves: readonly {
    readonly from: CategoryKey;
    readonly to: CategoryKey;
    readonly amount: bigint;
  }[];
}

/** A month of money as bare sums. */
export function envelopeMonthSums(input: EnvelopeMonthInput): EnvelopeMonthSums {
  return {
    month: input.month,
    ...(input.startingBalance && { startingBalance: input.startingBalance.minor }),
    income: input.income.minor,
    categories: new Map(
      input.categories.map(({ categoryId, assigned, spent }) => [
        categoryId,
        { assigned: assigned.minor, spent: spent.minor },
      ]),
    ),
    moves: (input.moves ?? []).map(({ from, to, amount }) => ({ from, to, amount: amount.minor })),
  };
}

export function envelopeBudget(
  bookCurrency: CurrencyCode,
  months: readonly EnvelopeMonthInput[],
): EnvelopeMonth[] {
  checkMonths(bookCurrency, months);
  const sums = months.map(envelopeMonthSums);
  const result: EnvelopeMonth[] = [];
  walkMonths(
    bookCurrency,
    [],
    sums,
    () => true,
    (month) => result.push(month),
  );
  return result;
}

/**
 * The last of `months` as `envelopeBudget` gives it, from bare sums: the months before it are
 * walked on bigints only, which is what reading one month after twenty years of history needs.
 * `categories` lists the budget's categories in the order the answer lists them (a category seen
 * only in `months` comes after them, in order of first appearance).
 */
export function envelopeMonth(
  bookCurrency: CurrencyCode,
  categories: readonly CategoryKey[],
  months: readonly EnvelopeMonthSums[],
): EnvelopeMonth {
  checkSums(months);
  let last: EnvelopeMonth | undefined;
  walkMonths(
    bookCurrency,
    categories,
    months,
    (index) => index === months.length - 1,
    (month) => {
      last = month;
    },
  );
  return last!;
}

/** The month-by-month rules, keeping (as objects) only the months `keep` asks for. */
function walkMonths(
  bookCurrency: CurrencyCode,
  order: readonly CategoryKey[],
  months: readonly EnvelopeMonthSums[],
  keep: (index: number) => boolean,
  emit: (month: EnvelopeMonth) => void,
): void {
  const carried = new Map<CategoryKey, bigint>(order.map((id) => [id, 0n]));
  const note = (id: CategoryKey) => {
    if (!carried.has(id)) carried.set(id, 0n);
  };
  const m = (minor: bigint) => money(minor, bookCurrency);
  let tbb = 0n;
  let rolled = 0n;
  for (const [index, input] of months.entries()) {
    const kept = keep(index);
    for (const id of input.categories.keys()) note(id);
    const moved = new Map<CategoryKey, bigint>();
    for (const { from, to, amount } of input.moves) {
      note(from);
      note(to);
      moved.set(from, (moved.get(from) ?? 0n) - amount);
      moved.set(to, (moved.get(to) ?? 0n) + amount);
    }
    const categories: EnvelopeCategoryMonth[] = [];
    let assignedTotal = 0n;
    let overspentTotal = 0n;
    for (const [categoryId, carriedIn] of carried) {
      const cell = input.categories.get(categoryId);
      const move = moved.get(categoryId);
      const assigned = move === undefined ? (cell?.assigned ?? 0n) : (cell?.assigned ?? 0n) + move;
      const spent = cell?.spent ?? 0n;
      const balance = carriedIn + assigned - spent;
      const overspent = balance < 0n ? -balance : 0n;
      assignedTotal += assigned;
      overspentTotal += overspent;
      carried.set(categoryId, balance > 0n ? balance : 0n);
      if (kept) {
        categories.push({
          categoryId,
          carriedIn: m(carriedIn),
          assigned: m(assigned),
          spent: m(spent),
          balance: m(balance),
          overspent: m(overspent),
        });
      }
    }
    const carriedTbb = tbb;
    const startingBalance = input.startingBalance ?? 0n;
    tbb = carriedTbb + rolled + startingBalance + input.income - assignedTotal;
    if (kept) {
      emit({
        month: input.month,
        startingBalance: m(startingBalance),
        income: m(input.income),
        carriedTbb: m(carriedTbb),
        overspendingFromLastMonth: m(rolled),
        assigned: m(assignedTotal),
        tbb: m(tbb),
        overAssigned: tbb < 0n,
        categories,
        rolledIntoNextTbb: overspentTotal === 0n ? zero(bookCurrency) : m(-overspentTotal),
      });
    }
    rolled = -overspentTotal;
  }
}

/** Bare sums are built by code, not typed by users: only what would make the walk wrong. */
function checkSums(months: readonly EnvelopeMonthSums[]): void {
  if (months.length === 0) fail('VALIDATION_FAILED', 'An envelope month needs at least one month.');
  months.forEach((input, i) => {
    const previous = months[i - 1];
    const { year, month, day } = dateParts(input.month);
    const follows = !previous || clampedDate(year, month - 1, 1) === previous.month;
    const movesValid = input.moves.every(({ from, to, amount }) => from !== to && amount > 0n);
    if (day !== 1 || !follows || !movesValid) {
      fail('VALIDATION_FAILED', `The envelope month ${input.month} is not valid.`);
    }
  });
}

function checkMonths(bookCurrency: CurrencyCode, months: readonly EnvelopeMonthInput[]): void {
  const errors: FieldError[] = [];
  const error = (field: string, code: FieldError['code'], message: string) =>
    errors.push({ field, code, message });
  const currencyOf = (field: string, value: Money) => {
    if (value.currency !== bookCurrency) {
      error(
        field,
        'CURRENCY_MISMATCH',
        `The amount is in ${value.currency}; the book is in ${bookCurrency}.`,
      );
    }
  };
  months.forEach((input, i) => {
    const at = `/months/${i}`;
    const previous = months[i - 1];
    const { year, month, day } = dateParts(input.month);
    if (day !== 1) error(`${at}/month`, 'VALIDATION_FAILED', 'A budget month is given by its first day.');
    else if (previous && clampedDate(year, month - 1, 1) !== previous.month) {
      error(`${at}/month`, 'VALIDATION_FAILED', `${input.month} does not follow ${previous.month}.`);
    }
    if (input.startingBalance) currencyOf(`${at}/startingBalance`, input.startingBalance);
    currencyOf(`${at}/income`, input.income);
    const seen = new Set<CategoryKey>();
    input.categories.forEach(({ categoryId, assigned, spent }, j) => {
      if (seen.has(categoryId))
        error(`${at}/categories/${j}/categoryId`, 'VALIDATION_FAILED', 'Listed twice.');
      seen.add(categoryId);
      currencyOf(`${at}/categories/${j}/assigned`, assigned);
      currencyOf(`${at}/categories/${j}/spent`, spent);
    });
    (input.moves ?? []).forEach(({ from, to, amount }, k) => {
      if (from === to)
        error(`${at}/moves/${k}/to`, 'VALIDATION_FAILED', 'A move needs two different categories.');
      if (amount.minor <= 0n)
        error(`${at}/moves/${k}/amount`, 'VALIDATION_FAILED', 'A move moves a positive amount.');
      currencyOf(`${at}/moves/${k}/amount`, amount);
    });
  });
  if (errors.length > 0) fail(errors[0]!.code, 'The envelope budget is not valid.', errors);
}
