/** Writing a backup's rows in bulk, and turning its old ids into the new ones. */
import type { Generated, Insertable } from 'kysely';
import { currency, parseMoney } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { Schema } from '../../../db/schema.ts';

/** Rows per INSERT: SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535. */
const ROWS = 1000;

/**
 * Inserts rows in chunks and returns their new ids in input order. Both databases number the rows
 * of one multi-row INSERT in VALUES order (an identity sequence on PostgreSQL, rowid on SQLite),
 * but neither promises RETURNING in that order: the returned ids are sorted to line them up.
 */
export async function insertAll<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<{ id: number }[]>,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += ROWS) {
    const inserted = await write(rows.slice(start, start + ROWS));
    ids.push(...inserted.map((row) => row.id).sort((a, b) => a - b));
  }
  return ids;
}

/** Tables whose rows the database numbers. */
type NumberedTable = {
  [T in keyof Schema]: Schema[T] extends { id: Generated<number> } ? T : never;
}[keyof Schema];

/** Inserts a row into `table` for each of `rows` and returns old id → new id. */
export async function insertNumbered<Row extends { id: number }, T extends NumberedTable>(
  trx: Db,
  table: T,
  rows: readonly Row[],
  columns: (row: Row) => Insertable<Schema[T]>,
): Promise<Map<number, number>> {
  const ids = await insertAll(rows, (chunk) =>
    trx.insertInto(table).values(chunk.map(columns)).returning('id').execute(),
  );
  return idMap(rows, ids);
}

/** Inserts the rows into `table`, in chunks. */
export async function insertRows<T extends keyof Schema>(
  trx: Db,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + ROWS))
      .execute();
  }
}

/** old id → new id, from the rows in backup order and their new ids in the same order. */
function idMap(rows: readonly { id: number }[], ids: readonly number[]): Map<number, number> {
  return new Map(rows.map((row, index) => [row.id, ids[index]!]));
}

export function mapped(map: ReadonlyMap<number, number>, id: number | null): number | null {
  return id === null ? null : map.get(id)!;
}

export function minor(text: string, code: string): bigint {
  return parseMoney(text, currency(code)).minor;
}
