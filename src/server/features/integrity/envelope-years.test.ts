import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { deleteAccount, insertAccount, updateAccount } from '../accounts/service.ts';
import { mergeCategory } from '../categories/service.ts';
import { setAssignments } from '../envelope/bulk-service.ts';
import { addMove, deleteMove, setAssignment } from '../envelope/service.ts';
import { removeTransaction, updateTransaction } from '../transactions/service.ts';
import { checkIntegrity } from './check.ts';
import { rebuildCaches } from './rebuild.ts';
import { eur, NOW, testBook } from './test-book.ts';

async function book(db: Db) {
  const made = await testBook(db, { email: 'years', name: 'Years' });
  return { ...made, fun: await made.category('Fun') };
}

/** The kept years of a category as 'year assigned/spent/low', oldest first. */
async function years(db: Db, categoryId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('envelope_years')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('year')
    .execute();
  return rows.map((r) => `${r.year} ${toMinor(r.assigned)}/${toMinor(r.spent)}/${toMinor(r.low)}`);
}

describeEachDatabase('envelope years', (ctx) => {
  const clean = async (bookId: number) =>
    expect((await checkIntegrity(ctx.database.db, { bookId })).problems).toEqual([]);

  it('follow every write of postings, assignments and moves, and always pass the check', async () => {
    const db = ctx.database.db;
    const { scope, checking, food, dining, fun, spend } = await book(db);
    await setAssignment(db, scope, '2025-11', food.id, eur('20.00'), NOW);
    const a = await spend('2025-11-05', '30.00', food.id);
    await spend('2025-12-05', '5.00', food.id);
    await setAssignment(db, scope, '2025-12', food.id, eur('10.00'), NOW);
    // 2025: +20 −30 (running −10), +10 −5 (running −5): lowest −10.
    expect(await years(db, food.id)).toEqual(['2025 3000/3500/-1000']);
    await clean(scope.bookId);

    // A transaction moved into another year moves between both years' rows.
    await updateTransaction(
      db,
      scope,
      a.id,
      {
        date: '2026-01-10',
        postings: [
          { accountId: checking.id, amount: eur('-30.00') },
          { accountId: food.id, amount: eur('30.00') },
        ],
      },
      NOW,
    );
    expect(await years(db, food.id)).toEqual(['2025 3000/500/0', '2026 0/3000/-3000']);
    await clean(scope.bookId);

    // Moves count on both categories; deleting one takes it out again.
    const move = await addMove(
      db,
      scope,
      '2026-01',
      { from: dining.id, to: food.id, amount: eur('8.00') },
      NOW,
    );
    expect(await years(db, dining.id)).toEqual(['2026 -800/0/-800']);
    expect(await years(db, food.id)).toEqual(['2025 3000/500/0', '2026 800/3000/-2200']);
    await clean(scope.bookId);
    await deleteMove(db, scope, move.id);
    expect(await years(db, dining.id)).toEqual([]);
    await clean(scope.bookId);

    // The bulk writer, a removed transaction and an assignment set to zero.
    await setAssignments(
      db,
      scope,
      { cells: [{ month: '2024-06', categoryId: fun.id, amount: eur('4.00') }] },
      NOW,
    );
    expect(await years(db, fun.id)).toEqual(['2024 400/0/0']);
    await removeTransaction(db, scope, a.id, NOW);
    await setAssignment(db, scope, '2025-11', food.id, eur('0'), NOW);
    expect(await years(db, food.id)).toEqual(['2025 1000/500/0']);
    await clean(scope.bookId);

    // Merging or deleting a category takes its moves with it: the other category's years change.
    await addMove(db, scope, '2025-12', { from: dining.id, to: food.id, amount: eur('3.00') }, NOW);
    await addMove(db, scope, '2024-06', { from: fun.id, to: food.id, amount: eur('1.00') }, NOW);
    await spend('2025-12-06', '1.00', dining.id);
    await mergeCategory(db, scope, dining.id, food.id, '/intoId', NOW);
    await clean(scope.bookId);
    await deleteAccount(db, scope, fun.id, false, NOW);
    await clean(scope.bookId);
    expect(await years(db, food.id)).toEqual(['2025 1000/600/0']);

    // A category whose currency changes no longer shares its moves with the euro ones.
    const travel = await insertAccount(db, scope, { name: 'Travel', type: 'expense' }, NOW);
    await addMove(db, scope, '2026-02', { from: travel.id, to: food.id, amount: eur('2.00') }, NOW);
    await updateAccount(db, scope, travel.id, { currency: 'USD' }, NOW);
    await clean(scope.bookId);
  });

  it('stay exact when writers touch one category and year at once', async () => {
    const db = ctx.database.db;
    const { scope, food, dining, spend } = await book(db);
    await Promise.all([
      ...['01', '02', '03', '04'].map((m) =>
        setAssignment(db, scope, `2026-${m}`, food.id, eur('5.00'), NOW),
      ),
      ...['05', '06', '07', '08'].map((d) => spend(`2026-01-${d}`, '2.00', food.id)),
      addMove(db, scope, '2026-02', { from: dining.id, to: food.id, amount: eur('1.00') }, NOW),
    ]);
    await clean(scope.bookId);
    expect(await years(db, food.id)).toEqual(['2026 2100/800/-300']);
  });

  it('are named by the check when wrong, and rebuilt', async () => {
    const db = ctx.database.db;
    const { scope, food, dining, spend } = await book(db);
    await setAssignment(db, scope, '2026-01', food.id, eur('20.00'), NOW);
    await spend('2026-01-05', '30.00', food.id);
    await spend('2025-03-05', '1.00', dining.id);
    await db.updateTable('envelope_years').set({ low: -1 }).where('category_id', '=', food.id).execute();
    await db.deleteFrom('envelope_years').where('category_id', '=', dining.id).execute();
    await db
      .insertInto('envelope_years')
      .values({ book_id: scope.bookId, category_id: food.id, year: 2020, assigned: 1, spent: 0, low: 0 })
      .execute();

    const { problems } = await checkIntegrity(db, { bookId: scope.bookId });
    expect(problems.map((p) => p.message)).toEqual([
      `Category ${food.id} (book ${scope.bookId}) in 2020: the envelope year holds assigned 0.01 EUR, spent 0.00 EUR, lowest running sum 0.00 EUR; its months say no row.`,
      `Category ${food.id} (book ${scope.bookId}) in 2026: the envelope year holds assigned 20.00 EUR, spent 30.00 EUR, lowest running sum -0.01 EUR; its months say assigned 20.00 EUR, spent 30.00 EUR, lowest running sum -10.00 EUR.`,
      `Category ${dining.id} (book ${scope.bookId}) in 2025: the envelope year holds no row; its months say assigned 0.00 EUR, spent 1.00 EUR, lowest running sum -1.00 EUR.`,
    ]);
    expect(problems.every((p) => p.kind === 'cached-envelope-year')).toBe(true);

    await rebuildCaches(db, scope.bookId, NOW);
    await clean(scope.bookId);
    expect(await years(db, food.id)).toEqual(['2026 2000/3000/-1000']);
  });
});
