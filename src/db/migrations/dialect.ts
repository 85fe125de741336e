import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { isPostgres } from '../connect.ts';

/**
 * The few places where the two databases' DDL differs, so that migrations stay one file each.
 * Queries never need these: only column declarations do.
 */
export function columnTypes(db: Kysely<unknown>) {
  const postgres = isPostgres(db);
  return {
    postgres,
    /** An auto-numbered integer primary key. */
    id: (column: ColumnDefinitionBuilder) =>
      postgres ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement(),
    /** 'YYYY-MM-DD'. */
    date: postgres ? ('date' as const) : ('text' as const),
    /** ISO-8601 instant. */
    instant: postgres ? ('timestamptz' as const) : ('text' as const),
  };
}
