import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { checkNameFree } from '../named-rows.ts';
import { getTag, type TagRow } from './queries.ts';

export async function requireTag(db: Db, bookId: number, id: number): Promise<TagRow> {
  const row = await getTag(db, bookId, id);
  if (!row) fail('NOT_FOUND', `There is no tag ${id} in this book.`);
  return row;
}

export interface TagInput {
  name?: string | undefined;
  color?: string | null | undefined;
}

export async function createTag(db: Db, scope: BookScope, input: TagInput & { name: string }, now: string) {
  const name = input.name.trim();
  return inTransaction(db, async (trx) => {
    await checkNameFree(trx, 'tags', scope.bookId, name, null);
    return trx
      .insertInto('tags')
      .values({
        book_id: scope.bookId,
        ...nameColumns(name),
        color: input.color?.toLowerCase() ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function updateTag(db: Db, scope: BookScope, id: number, patch: TagInput, now: string) {
  const name = patch.name?.trim();
  return inTransaction(db, async (trx) => {
    await requireTag(trx, scope.bookId, id);
    if (name !== undefined) await checkNameFree(trx, 'tags', scope.bookId, name, id);
    return trx
      .updateTable('tags')
      .set({
        ...(name !== undefined && nameColumns(name)),
        ...(patch.color !== undefined && { color: patch.color?.toLowerCase() ?? null }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Deletes a tag; its transactions lose it (the foreign key cascades) and stay otherwise unchanged. */
export async function deleteTag(db: Db, scope: BookScope, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireTag(trx, scope.bookId, id);
    await trx.deleteFrom('tags').where('id', '=', id).execute();
  });
}
