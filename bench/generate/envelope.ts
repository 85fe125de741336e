/**
 * The reference book's envelope budget: from the plan's first month to its last, every expense
 * category gets an assignment near its typical monthly spending, and every month one move covers a
 * category from another (20 years × 48 categories at the reference size). Seeded and
 * deterministic like the ledger; written once, and added to a cached book made before it existed
 * (so a cached reference book keeps its key).
 */

import type { Insertable } from 'kysely';
import { seededRandom } from '../../src/cli/demo/random.ts';
import { shiftBudgetMonth } from '../../src/core/budget/envelope-fill.ts';
import type { Db } from '../../src/db/connect.ts';
import type { EnvelopeAssignmentTable, EnvelopeMoveTable } from '../../src/db/schema-envelope.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { rebuildEnvelopeYears } from '../../src/server/features/envelope/years.ts';
import type { BenchOptions } from './plan.ts';
import { CATEGORIES } from './plan.ts';

/** The plan's months, first and last, as 'YYYY-MM'. */
export function benchMonths(options: BenchOptions): { first: string; last: string } {
  const end = options.endDate;
  return { first: shiftBudgetMonth(end.slice(0, 7), 1 - options.years * 12), last: end.slice(0, 7) };
}

/** Writes the envelope budget unless the book already has one. */
export async function writeBenchEnvelope(db: Db, bookId: number, options: BenchOptions, now: string) {
  const existing = await db
    .selectFrom('envelope_settings')
    .select('book_id')
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  if (existing) return;
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('book_id', '=', bookId)
    .where('type', '=', 'expense')
    .execute();
  const idByName = new Map(rows.map((row) => [row.name, row.id]));
  const expenses = CATEGORIES.filter((c) => c.kind === 'expense').map((c) => ({
    ...c,
    id: idByName.get(c.name)!,
  }));
  const random = seededRandom(options.seed ^ 0xe17e);
  const { first, last } = benchMonths(options);
  const assignments: Insertable<EnvelopeAssignmentTable>[] = [];
  const moves: Insertable<EnvelopeMoveTable>[] = [];
  for (let month = first; month <= last; month = shiftBudgetMonth(month, 1)) {
    for (const category of expenses) {
      // Around what a category spends in a month at the reference size (~70 purchases).
      const amount = BigInt(random.int(category.low, category.high) * 70);
      assignments.push({ book_id: bookId, month, category_id: category.id, amount, updated_at: now });
    }
    const from = random.pick(expenses).id;
    const to = random.pick(expenses.filter((c) => c.id !== from)).id;
    moves.push({
      book_id: bookId,
      month,
      from_category_id: from,
      to_category_id: to,
      amount: random.minor(1, 500) * 100n,
      created_by: null,
      created_at: now,
    });
  }
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('envelope_settings')
      .values({ book_id: bookId, enabled: 1, started_month: first, updated_at: now })
      .execute();
    for (let at = 0; at < assignments.length; at += 500) {
      await trx
        .insertInto('envelope_assignments')
        .values(assignments.slice(at, at + 500))
        .execute();
    }
    for (let at = 0; at < moves.length; at += 500) {
      await trx
        .insertInto('envelope_moves')
        .values(moves.slice(at, at + 500))
        .execute();
    }
    // Written by hand rather than through the service: its years are computed once at the end.
    await rebuildEnvelopeYears(trx, bookId);
  });
}
