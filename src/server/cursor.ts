import { fail } from '../core/errors.ts';

/**
 * Keyset-pagination cursors: the sort key of the last row of a page, opaque to clients
 * (base64url JSON). A cursor that does not decode to the expected shape is INVALID_CURSOR.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor<T extends readonly ('string' | 'number')[]>(
  cursor: string,
  shape: T,
): { [K in keyof T]: T[K] extends 'string' ? string : number } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid =
    Array.isArray(key) &&
    key.length === shape.length &&
    key.every((part, index) =>
      shape[index] === 'number' ? Number.isSafeInteger(part) : typeof part === 'string' && part.length <= 100,
    );
  if (!valid) {
    fail('INVALID_CURSOR', 'The cursor is not one this endpoint gave out.', [
      { field: 'query:cursor', code: 'INVALID_CURSOR', message: 'Pass back a nextCursor unchanged.' },
    ]);
  }
  return key as never;
}
