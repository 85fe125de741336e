import { isIsoDate } from '../core/calendar/date.ts';
import { fail } from '../core/errors.ts';

/**
 * Keyset-pagination cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). A cursor that does not decode to the expected shape is INVALID_CURSOR, never
 * a query with nonsense in it.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

type Part = 'date' | 'id';
type Decoded<T extends readonly Part[]> = { [K in keyof T]: T[K] extends 'date' ? string : number };

const VALID: Record<Part, (value: unknown) => boolean> = {
  date: (value) => typeof value === 'string' && isIsoDate(value),
  id: (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647,
};

export function decodeCursor<const T extends readonly Part[]>(cursor: string, shape: T): Decoded<T> {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, index) => VALID[shape[index]!](part));
  if (!valid) {
    fail('INVALID_CURSOR', 'The cursor is not one this endpoint gave out.', [
      { field: 'query:cursor', code: 'INVALID_CURSOR', message: 'Pass back a nextCursor unchanged.' },
    ]);
  }
  return key as Decoded<T>;
}
