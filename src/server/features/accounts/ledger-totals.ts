import { sql } from 'kysely';
import type { MonthDelta, PostingDeltas } from '../../../core/ledger/posting-deltas.ts';
import type { Db } from '../../../db/connect.ts';
import { touchEnvelopeYears } from '../envelope/years.ts';
import { adjustBalances } from './queries.ts';

// Five columns a row: far below either database's limit of bound parameters per statement.
const MONTH_ROWS = 1000;

/**
 * Moves the figures cached beside the postings — each account's balance, its monthly roll-ups
 * and, for an expense category, its envelope years — by what a write did, on `db` (the write's own database transaction), so that they
 * can never disagree with the postings a reader sees. Rows are upserted in (account, month) order,
 * so two writers on PostgreSQL lock them in the same order and cannot deadlock on them.
 */
export async function applyPostingDeltas(
  db: Db,
  bookId: number,
  deltas: PostingDeltas,
  now: string,
): Promise<void> {
  await adjustBalances(db, deltas.balances(), now);
  const months = deltas.months();
  await adjustMonths(db, bookId, months);
  await touchEnvelopeYears(
    db,
    bookId,
    months.map((row) => ({ categoryId: row.accountId, month: row.month })),
  );
}

async function adjustMonths(db: Db, bookId: number, months: readonly MonthDelta[]): Promise<void> {
  for (let start = 0; start < months.length; start += MONTH_ROWS) {
    await db
      .insertInto('account_months')
      .values(
        months.slice(start, start + MONTH_ROWS).map((row) => ({
          book_id: bookId,
          account_id: row.accountId,
          month: row.month,
          amount: row.amount,
          postings: row.postings,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['account_id', 'month']).doUpdateSet({
          amount: sql`account_months.amount + excluded.amount`,
          postings: sql`account_months.postings + excluded.postings`,
        }),
      )
      .execute();
  }
  const emptied = [...new Set(months.filter((row) => row.postings < 0).map((row) => row.accountId))];
  if (emptied.length > 0) {
    // A month whose last posting went has no row, exactly as a rebuild would leave it.
    await db
      .deleteFrom('account_months')
      .where('account_id', 'in', emptied)
      .where('postings', '=', 0)
      .execute();
  }
}

/**
 * Recomputes the monthly roll-ups of one book (or every book) from its postings: one GROUP BY.
 * `moneta check --rebuild` and a restore use it.
 */
export async function rebuildAccountMonths(db: Db, bookId: number | undefined): Promise<void> {
  let clear = db.deleteFrom('account_months');
  if (bookId !== undefined) clear = clear.where('book_id', '=', bookId);
  await clear.execute();
  const month = sql<string>`substr(cast(postings.date as text), 1, 7)`;
  let rollUp = db
    .selectFrom('postings')
    .select((eb) => [
      'postings.book_id',
      'postings.account_id',
      month.as('month'),
      eb.fn.sum<string>('postings.amount').as('amount'),
      eb.fn.countAll<number>().as('postings'),
    ])
    .groupBy(['postings.book_id', 'postings.account_id', month]);
  if (bookId !== undefined) rollUp = rollUp.where('postings.book_id', '=', bookId);
  await db
    .insertInto('account_months')
    .columns(['book_id', 'account_id', 'month', 'amount', 'postings'])
    .expression(rollUp)
    .execute();
}
