/**
 * Reading values back from either database: SQLite returns BIGINT as a number, pg as a string;
 * both become an exact bigint here. Sums are read as text (see `sumMinor`) so that they stay
 * exact whatever their size.
 */
import { type Expression, type RawBuilder, sql } from 'kysely';

export function toMinor(value: number | string | bigint | null | undefined): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new Error(`A money column held ${value}, which is not an exact integer.`);
  }
  return BigInt(value);
}

export function toFlag(value: number | boolean): boolean {
  return value === true || value === 1;
}

export function fromFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** `CAST(COALESCE(SUM(expr), 0) AS TEXT)`: an exact sum on both databases. */
export function sumMinor(expression: Expression<unknown>): RawBuilder<string> {
  return sql<string>`cast(coalesce(sum(${expression}), 0) as text)`;
}

/** A COUNT(*) as a JS number on both databases (pg returns bigint counts as strings). */
export function toCount(value: number | string | bigint): number {
  return Number(value);
}
