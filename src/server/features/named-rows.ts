import { fail } from '../../core/errors.ts';
import { foldText } from '../../core/text/fold.ts';
import type { Db } from '../../db/connect.ts';

/** Tables of a book's named items: each name is unique in its book, ignoring letter case. */
type NamedTable = 'category_groups' | 'payees' | 'tags';

/**
 * Fails with NAME_TAKEN (at `/name`) when another row of `table` in the book has this name,
 * ignoring case. `kind` narrows the name space of category groups to one kind.
 */
export async function checkNameFree(
  db: Db,
  table: NamedTable,
  bookId: number,
  name: string,
  exceptId: number | null,
  kind?: 'income' | 'expense',
): Promise<void> {
  let query = db
    .selectFrom(table)
    .select('id')
    .where('book_id', '=', bookId)
    .where('name_key', '=', foldText(name.trim()));
  if (kind) query = query.where('kind', '=', kind);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  if (await query.limit(1).executeTakeFirst()) {
    fail('NAME_TAKEN', `“${name}” is already used in this book.`, [
      { field: '/name', code: 'NAME_TAKEN', message: 'Already used.' },
    ]);
  }
}

/** Which of `ids` are rows of `table` in this book. */
export async function existingIds(
  db: Db,
  table: NamedTable,
  bookId: number,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('book_id', '=', bookId)
    .where('id', 'in', unique)
    .execute();
  return new Set(rows.map((row) => row.id));
}
