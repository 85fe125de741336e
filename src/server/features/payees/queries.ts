import type { Selectable } from 'kysely';
import { fail } from '../../../core/errors.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import type { PayeeTable } from '../../../db/schema.ts';
import { containsFolded } from '../../../db/text-search.ts';
import { existingIds } from '../named-rows.ts';

export type PayeeRow = Selectable<PayeeTable>;

/** A payee as the API shows it. */
export function payeeJson(row: PayeeRow) {
  return {
    id: row.id,
    name: row.name,
    defaultCategoryId: row.default_category_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listPayees(
  db: Db,
  bookId: number,
  filter: { q?: string | undefined; limit: number },
): Promise<PayeeRow[]> {
  let query = db.selectFrom('payees').selectAll().where('book_id', '=', bookId);
  if (filter.q) query = query.where(containsFolded('name_key', filter.q));
  return query.orderBy('name_key').orderBy('name').orderBy('id').limit(filter.limit).execute();
}

export function getPayee(db: Db, bookId: number, id: number): Promise<PayeeRow | undefined> {
  return db
    .selectFrom('payees')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

async function findPayeeId(db: Db, bookId: number, name: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('payees')
    .select('id')
    .where('book_id', '=', bookId)
    .where('name_key', '=', foldText(name.trim()))
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/**
 * The id of the book's payee of this name (trimmed, ignoring case), created when there is none.
 * A concurrent creation of the same name is absorbed by the unique index.
 */
export async function findOrCreatePayee(db: Db, bookId: number, name: string, now: string): Promise<number> {
  const trimmed = name.trim();
  if (trimmed === '') fail('VALIDATION_FAILED', 'A payee name cannot be blank.');
  const found = await findPayeeId(db, bookId, trimmed);
  if (found !== undefined) return found;
  const inserted = await db
    .insertInto('payees')
    .values({ book_id: bookId, ...nameColumns(trimmed), created_at: now, updated_at: now })
    .onConflict((conflict) => conflict.columns(['book_id', 'name_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? (await findPayeeId(db, bookId, trimmed))!;
}

/** Which of `ids` are payees of this book. */
export async function existingPayeeIds(db: Db, bookId: number, ids: readonly number[]): Promise<Set<number>> {
  return existingIds(db, 'payees', bookId, ids);
}

/** Every transaction of one payee goes to another. */
export async function reassignTransactions(db: Db, bookId: number, fromId: number, toId: number) {
  await db
    .updateTable('transactions')
    .set({ payee_id: toId })
    .where('book_id', '=', bookId)
    .where('payee_id', '=', fromId)
    .execute();
}
