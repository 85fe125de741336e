import { type ErrorCode, type FieldError, fail } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';

type Table = 'accounts' | 'payees' | 'tags';

/** The query parameters that filter by ids: what they name, and how an unknown one is reported. */
const FILTERS: Readonly<Record<string, { table: Table; code: ErrorCode; noun: string }>> = {
  accountId: { table: 'accounts', code: 'UNKNOWN_ACCOUNT', noun: 'account' },
  accountIds: { table: 'accounts', code: 'UNKNOWN_ACCOUNT', noun: 'account' },
  categoryId: { table: 'accounts', code: 'UNKNOWN_ACCOUNT', noun: 'category' },
  categoryIds: { table: 'accounts', code: 'UNKNOWN_ACCOUNT', noun: 'category' },
  payeeId: { table: 'payees', code: 'UNKNOWN_PAYEE', noun: 'payee' },
  payeeIds: { table: 'payees', code: 'UNKNOWN_PAYEE', noun: 'payee' },
  tagId: { table: 'tags', code: 'UNKNOWN_TAG', noun: 'tag' },
  tagIds: { table: 'tags', code: 'UNKNOWN_TAG', noun: 'tag' },
};

/** The largest key (32-bit on PostgreSQL); a larger id is the schema's to refuse, not a lookup's. */
const MAX_ID = 2_147_483_647;

/** An id filter's ids: one number, or a comma-separated list (`accountIds=3,5`). */
const idsOf = (value: unknown): number[] =>
  (typeof value === 'number'
    ? [value]
    : typeof value === 'string'
      ? value.split(',').map(Number)
      : []
  ).filter((id) => Number.isInteger(id) && id >= 1 && id <= MAX_ID);

/**
 * Fails when an id filter of the query (`accountId`, `categoryIds`, `payeeId`, `tagIds`, …) names
 * an item that is not in the book: UNKNOWN_ACCOUNT, UNKNOWN_PAYEE or UNKNOWN_TAG at
 * `query:<name>`, as an unknown id in a body. Another book's item, or a deleted one, is a mistake
 * to be told, not an empty list. Costs nothing when the query filters by no id.
 */
export async function requireFilterIds(db: Db, bookId: number, query: object): Promise<void> {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(query)) {
    const filter = FILTERS[name];
    const ids = filter ? [...new Set(idsOf(value))] : [];
    if (!filter || ids.length === 0) continue;
    const rows = await db
      .selectFrom(filter.table)
      .select('id')
      .where('book_id', '=', bookId)
      .where('id', 'in', ids)
      .execute();
    const known = new Set(rows.map((row) => row.id));
    for (const id of ids.filter((id) => !known.has(id))) {
      errors.push({
        field: `query:${name}`,
        code: filter.code,
        message: `There is no ${filter.noun} ${id} in this book.`,
      });
    }
  }
  if (errors.length > 0) fail(errors[0]!.code, errors[0]!.message, errors);
}
