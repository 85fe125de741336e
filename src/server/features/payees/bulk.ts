import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';

const CHUNK = 500;
/** Longest payee name kept; longer file text is cut (the full text stays in the description). */
export const PAYEE_NAME_MAX = 200;

/**
 * The ids of the book's payees of these names (compared folded), creating the missing ones with
 * multi-row INSERTs. Returns foldText(name) → id: `known` when given (a streamed import passes the
 * same map for each of its chunks, within its one database transaction), whose names are not
 * looked up again.
 */
export async function payeeIdsByName(
  db: Db,
  bookId: number,
  names: Iterable<string>,
  now: string,
  known: Map<string, number> = new Map(),
): Promise<Map<string, number>> {
  const wanted = new Map<string, string>();
  // An import names the same few payees over and over: each name is folded once.
  for (const name of new Set(names)) {
    const key = payeeKey(name);
    if (key && !known.has(key) && !wanted.has(key))
      wanted.set(key, name.trim().slice(0, PAYEE_NAME_MAX).trim());
  }
  const ids = known;
  const keys = [...wanted.keys()];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const rows = await db
      .selectFrom('payees')
      .select(['id', 'name_key'])
      .where('book_id', '=', bookId)
      .where('name_key', 'in', keys.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) ids.set(row.name_key, row.id);
  }
  const missing = keys.filter((key) => !ids.has(key));
  for (let start = 0; start < missing.length; start += CHUNK) {
    const rows = await db
      .insertInto('payees')
      .values(
        missing.slice(start, start + CHUNK).map((key) => ({
          book_id: bookId,
          ...nameColumns(wanted.get(key)!),
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'name_key'])
      .execute();
    for (const row of rows) ids.set(row.name_key, row.id);
  }
  return ids;
}

/** The key `payeeIdsByName` files a name under. */
export function payeeKey(name: string): string {
  return foldText(name.trim().slice(0, PAYEE_NAME_MAX).trim());
}
