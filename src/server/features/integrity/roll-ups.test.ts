import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import { toCount, toMinor } from '../../../db/values.ts';
import { deleteAccount } from '../accounts/service.ts';
import { mergeCategory } from '../categories/service.ts';
import { removeTransaction, updateTransaction } from '../transactions/service.ts';
import { checkIntegrity } from './check.ts';
import { rebuildCaches } from './rebuild.ts';
import { eur, NOW, testBook } from './test-book.ts';

function book(db: Db) {
  return testBook(db, { email: 'rollup', name: 'Roll-ups' });
}

/** The roll-up rows of an account as 'month amount×postings', oldest first. */
async function rollUp(db: Db, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('account_months')
    .select(['month', 'amount', 'postings'])
    .where('account_id', '=', accountId)
    .orderBy('month')
    .execute();
  return rows.map((row) => `${row.month} ${toMinor(row.amount)}×${toCount(row.postings)}`);
}

describeEachDatabase('monthly roll-ups', (ctx) => {
  it('follow every kind of write and always pass the check', async () => {
    const db = ctx.database.db;
    const { scope, checking, food, dining, spend } = await book(db);
    const a = await spend('2026-01-05', '10.00', food.id);
    await spend('2026-01-20', '2.50', food.id);
    const c = await spend('2026-02-01', '7.00', dining.id);
    expect(await rollUp(db, food.id)).toEqual(['2026-01 1250×2']);
    expect(await rollUp(db, checking.id)).toEqual(['2026-01 -1250×2', '2026-02 -700×1']);

    // Moving a transaction to another month and changing its amount moves it between rows.
    await updateTransaction(
      db,
      scope,
      a.id,
      {
        date: '2026-03-31',
        postings: [
          { accountId: checking.id, amount: eur('-11.00') },
          { accountId: food.id, amount: eur('11.00') },
        ],
      },
      NOW,
    );
    expect(await rollUp(db, food.id)).toEqual(['2026-01 250×1', '2026-03 1100×1']);

    // Deleting the last posting of a month removes the row, as a rebuild would.
    await removeTransaction(db, scope, c.id, NOW);
    expect(await rollUp(db, dining.id)).toEqual([]);
    expect(await rollUp(db, checking.id)).toEqual(['2026-01 -250×1', '2026-03 -1100×1']);

    // A merge moves the months of one category into the other.
    await spend('2026-01-09', '4.00', dining.id);
    await mergeCategory(db, scope, dining.id, food.id, '/intoId', NOW);
    expect(await rollUp(db, food.id)).toEqual(['2026-01 650×2', '2026-03 1100×1']);
    expect((await checkIntegrity(db, { bookId: scope.bookId })).problems).toEqual([]);

    // Deleting an account with its transactions takes its rows and its partners' with it.
    await deleteAccount(db, scope, food.id, true, NOW);
    expect(await rollUp(db, checking.id)).toEqual([]);
    expect((await checkIntegrity(db, { bookId: scope.bookId })).problems).toEqual([]);
  });

  it('are named by the check when wrong, and rebuilt from the postings', async () => {
    const db = ctx.database.db;
    const { scope, checking, food, spend } = await book(db);
    await spend('2026-01-05', '10.00', food.id);
    await spend('2026-02-05', '3.00', food.id);
    await db
      .updateTable('account_months')
      .set({ amount: 999 })
      .where('account_id', '=', food.id)
      .where('month', '=', '2026-01')
      .execute();
    await db
      .deleteFrom('account_months')
      .where('account_id', '=', checking.id)
      .where('month', '=', '2026-02')
      .execute();
    await db
      .insertInto('account_months')
      .values({ book_id: scope.bookId, account_id: food.id, month: '2025-12', amount: 1, postings: 1 })
      .execute();
    await db.updateTable('accounts').set({ balance: 5 }).where('id', '=', checking.id).execute();

    const { problems } = await checkIntegrity(db, { bookId: scope.bookId });
    expect(problems.map((p) => p.message)).toEqual([
      `Account ${checking.id} “Checking” (book ${scope.bookId}) has a cached balance of 0.05 EUR; its postings sum to -13.00 EUR.`,
      `Account ${checking.id} (book ${scope.bookId}) in 2026-02: the monthly roll-up holds no row; its postings say -3.00 EUR in 1 posting.`,
      `Account ${food.id} (book ${scope.bookId}) in 2025-12: the monthly roll-up holds 0.01 EUR in 1 posting; its postings say no row.`,
      `Account ${food.id} (book ${scope.bookId}) in 2026-01: the monthly roll-up holds 9.99 EUR in 1 posting; its postings say 10.00 EUR in 1 posting.`,
      // The envelope years are checked against the roll-ups, so wrong roll-ups show there too.
      `Category ${food.id} (book ${scope.bookId}) in 2025: the envelope year holds no row; its months say assigned 0.00 EUR, spent 0.01 EUR, lowest running sum -0.01 EUR.`,
      `Category ${food.id} (book ${scope.bookId}) in 2026: the envelope year holds assigned 0.00 EUR, spent 13.00 EUR, lowest running sum -13.00 EUR; its months say assigned 0.00 EUR, spent 12.99 EUR, lowest running sum -12.99 EUR.`,
    ]);

    await rebuildCaches(db, scope.bookId, NOW);
    expect((await checkIntegrity(db, { bookId: scope.bookId })).problems).toEqual([]);
    expect(await rollUp(db, food.id)).toEqual(['2026-01 1000×1', '2026-02 300×1']);
  });

  it('names a text-search index out of step with the texts, and rebuilds it (SQLite)', async () => {
    if (ctx.dialect !== 'sqlite') return; // PostgreSQL keeps its trigram index itself
    const db = ctx.database.db;
    const { scope, food, spend } = await book(db);
    const shop = await spend('2026-01-05', '10.00', food.id);
    await sql`insert into transactions_search (transactions_search, rowid, search_text)
      values ('delete', ${shop.id}, '')`.execute(db);
    const { problems } = await checkIntegrity(db, { bookId: scope.bookId });
    expect(problems.map((p) => p.kind)).toEqual(['search-index']);
    await rebuildCaches(db, scope.bookId, NOW);
    expect((await checkIntegrity(db, { bookId: scope.bookId })).problems).toEqual([]);
  });
});
