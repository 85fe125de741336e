import { atField } from '../../../core/errors.ts';
import { currency } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { type BookRecord, getBook } from './queries.ts';

export interface NewBook {
  name: string;
  baseCurrency: string;
}

/**
 * Creates a book owned by its creator, made `now` unless it keeps the timestamps it had elsewhere
 * (a restored backup); the membership is always new.
 */
export async function createBook(
  db: Db,
  userId: number,
  input: NewBook,
  now: string,
  kept?: { createdAt: string; updatedAt: string },
): Promise<BookRecord> {
  const baseCurrency = atField('/baseCurrency', () => currency(input.baseCurrency));
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto('books')
      .values({
        name: input.name.trim(),
        base_currency: baseCurrency,
        created_at: kept?.createdAt ?? now,
        updated_at: kept?.updatedAt ?? now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('book_members')
      .values({ book_id: id, user_id: userId, role: 'owner', created_at: now })
      .execute();
    return (await getBook(trx, userId, id))!;
  });
}

export async function updateBook(
  db: Db,
  scope: BookScope,
  patch: { name?: string | undefined; baseCurrency?: string | undefined },
  now: string,
): Promise<BookRecord> {
  const baseCurrency = patch.baseCurrency && atField('/baseCurrency', () => currency(patch.baseCurrency!));
  await db
    .updateTable('books')
    .set({
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(baseCurrency && { base_currency: baseCurrency }),
      updated_at: now,
    })
    .where('id', '=', scope.bookId)
    .execute();
  return (await getBook(db, scope.userId, scope.bookId))!;
}

/** Deletes a book and everything in it. */
export async function deleteBook(db: Db, scope: BookScope): Promise<void> {
  await db.deleteFrom('books').where('id', '=', scope.bookId).execute();
}
