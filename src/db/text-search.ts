import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { foldText } from '../core/text/fold.ts';
import { type Db, isPostgres } from './connect.ts';

/**
 * `column LIKE '%text%'` on a column holding folded text (`name_key`, `search_text`), the text
 * folded the same way and its own `%`, `_` and `\` taken literally. Case-insensitive for every
 * alphabet, and the same on SQLite and PostgreSQL, because the folding happens here, not in SQL.
 * On PostgreSQL, pg_trgm's index on `transactions.search_text` serves it (migration 0007).
 */
export function containsFolded(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${foldText(text).replace(/[\\%_]/g, '\\$&')}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * The ids of transactions (of every book: the caller scopes them) whose folded text contains
 * `text`, from SQLite's trigram index (migration 0007), when there are at most `cap` of them. Null
 * when the index cannot narrow the search better than a scan would: on PostgreSQL (where the
 * trigram index serves `containsFolded` itself), for fewer than three characters (no trigram),
 * and when more than `cap` match — then a scan newest first finds a page of them at once.
 */
export async function transactionIdsContaining(db: Db, text: string, cap: number): Promise<number[] | null> {
  if (isPostgres(db)) return null;
  const folded = foldText(text);
  if ([...folded].length < 3) return null;
  // A phrase of the trigram tokenizer matches exactly the texts that contain it.
  const phrase = `"${folded.replace(/"/g, '""')}"`;
  const { rows } = await sql<{ id: number }>`select rowid as id from transactions_search
    where transactions_search match ${phrase} limit ${cap + 1}`.execute(db);
  return rows.length > cap ? null : rows.map((row) => row.id);
}
