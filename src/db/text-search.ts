import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * `lower(column) LIKE '%text%'`, with the text's own `%`, `_` and `\` taken literally: the same
 * case-insensitive substring match on SQLite and PostgreSQL (SQLite folds ASCII letters only).
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
