import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { foldText } from '../core/text/fold.ts';

/**
 * `column LIKE '%text%'` on a column holding folded text (`name_key`, `search_text`), the text
 * folded the same way and its own `%`, `_` and `\` taken literally. Case-insensitive for every
 * alphabet, and the same on SQLite and PostgreSQL, because the folding happens here, not in SQL.
 */
export function containsFolded(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${foldText(text).replace(/[\\%_]/g, '\\$&')}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
