/** Writing a backup's rows in bulk, and turning its old ids into the new ones. */
import { currency, parseMoney } from '../../../core/money/index.ts';

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

export async function insertChunks<T>(
  rows: readonly T[],
  write: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS) await write(rows.slice(start, start + ROWS));
}

/** old id → new id, from the rows in backup order and their new ids in the same order. */
export function idMap(rows: readonly { id: number }[], ids: readonly number[]): Map<number, number> {
  return new Map(rows.map((row, index) => [row.id, ids[index]!]));
}

export function mapped(map: ReadonlyMap<number, number>, id: number | null): number | null {
  return id === null ? null : map.get(id)!;
}

export function minor(text: string, code: string): bigint {
  return parseMoney(text, currency(code)).minor;
}
