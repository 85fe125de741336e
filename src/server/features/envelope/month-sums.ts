/**
 * What an envelope month is computed from, read from the database as bare sums: the months to walk
 * (income and spending per category and month from the roll-ups, assignments and moves from their
 * tables) and, before them, one opening month that sums every earlier month of the budget from the
 * kept envelope years (see `src/core/budget/envelope-years.ts`).
 */
import type { EnvelopeMonthSums } from '../../../core/budget/envelope.ts';
import { shiftBudgetMonth } from '../../../core/budget/envelope-fill.ts';
import {
  blocksOf,
  combineBlocks,
  EMPTY_BLOCK,
  type EnvelopeBlock,
  openingMonth,
} from '../../../core/budget/envelope-years.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import {
  assignmentsBetween,
  envelopeYearsBetween,
  incomeTotal,
  type MoveRow,
  monthlyIncome,
  monthlySpending,
  movesBetween,
} from './queries.ts';

export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

interface Book {
  bookId: number;
  currency: string;
  /** The envelope's categories: expense categories in the book's base currency. */
  known: ReadonlySet<number>;
  /** The income categories in the book's base currency: the money to assign. */
  incomeIds: readonly number[];
}

/** The months [from, to] as bare sums, and the moves counted in them (both categories known). */
export async function readMonthSums(db: Db, book: Book, from: string, to: string) {
  const range = { from, to };
  const [income, spending, assignments, moves] = await Promise.all([
    monthlyIncome(db, book.incomeIds, range),
    monthlySpending(db, book.bookId, [...book.known], range),
    assignmentsBetween(db, book.bookId, from, to),
    movesBetween(db, book.bookId, from, to),
  ]);
  const keys = Array.from({ length: monthIndex(to) - monthIndex(from) + 1 }, (_, i) =>
    shiftBudgetMonth(from, i),
  );
  const months = keys.map((key) => ({
    month: isoDate(`${key}-01`),
    income: 0n,
    categories: new Map<number, { assigned: bigint; spent: bigint }>(),
    moves: [] as { from: number; to: number; amount: bigint }[],
  }));
  const byKey = new Map(months.map((value, i) => [keys[i]!, value]));
  const at = (m: string, id: number) => {
    const cells = byKey.get(m)!.categories;
    const value = cells.get(id) ?? { assigned: 0n, spent: 0n };
    cells.set(id, value);
    return value;
  };
  for (const sum of income) byKey.get(sum.month)!.income -= sum.total;
  for (const sum of spending) at(sum.month, sum.categoryId).spent += sum.total;
  for (const a of assignments)
    if (book.known.has(a.categoryId)) at(a.month, a.categoryId).assigned += a.amount;
  const counted: MoveRow[] = moves.filter((move) => book.known.has(move.from) && book.known.has(move.to));
  for (const { month: m, from: source, to: target, amount } of counted) {
    byKey.get(m)!.moves.push({ from: source, to: target, amount });
  }
  return { months: months as EnvelopeMonthSums[], moves: counted };
}

/**
 * The months [start, before] as one opening month: the budget's first calendar year from its
 * months if the budget starts after January, every later whole year from `envelope_years`. (The
 * budget's starting balance enters its TBB with the income: the caller adds it.)
 */
export async function readOpening(db: Db, book: Book, range: { start: string; before: string }) {
  const { start, before } = range;
  const startYear = Number(start.slice(0, 4));
  const lastYear = Number(before.slice(0, 4));
  const head = start.endsWith('-01')
    ? undefined
    : (await readMonthSums(db, book, start, `${start.slice(0, 4)}-12`)).months;
  const [years, income] = await Promise.all([
    envelopeYearsBetween(db, book.bookId, head ? startYear + 1 : startYear, lastYear),
    incomeTotal(db, book.incomeIds, { from: start, to: before }),
  ]);
  const blocks = new Map<number, EnvelopeBlock>();
  for (const [id, block] of head ? blocksOf(head) : []) blocks.set(id as number, block);
  for (const { categoryId, block } of years) {
    if (book.known.has(categoryId))
      blocks.set(categoryId, combineBlocks(blocks.get(categoryId) ?? EMPTY_BLOCK, block));
  }
  return openingMonth(isoDate(`${before}-01`), blocks, -income);
}
