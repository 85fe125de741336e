import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { touchEnvelopeYears } from './years.ts';

/** Rows per multi-row statement: 5 values each, well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 2000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface CategoryFacts {
  id: number;
  type: string;
  currency: string;
  /** The monthly target in minor units; null: none. */
  target: bigint | null;
}

/** Kind, currency and target of each of these ids that is an account of the book. */
export async function categoryFacts(
  db: Db,
  bookId: number,
  ids: readonly number[],
): Promise<CategoryFacts[]> {
  const found: CategoryFacts[] = [];
  for (const part of chunks(ids, 1000)) {
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'type', 'currency', 'target'])
      .where('book_id', '=', bookId)
      .where('id', 'in', part)
      .execute();
    found.push(...rows.map((row) => ({ ...row, target: row.target === null ? null : toMinor(row.target) })));
  }
  return found;
}

export interface AssignmentRow {
  month: string;
  categoryId: number;
  amount: bigint;
}

/**
 * Sets every cell in multi-row upserts (one statement per 2,000 cells), then drops the cells set
 * to zero: an assignment of zero is no row, as the single-cell write keeps it.
 */
export async function upsertAssignments(
  db: Db,
  bookId: number,
  cells: readonly AssignmentRow[],
  now: string,
) {
  for (const part of chunks(cells)) {
    await db
      .insertInto('envelope_assignments')
      .values(
        part.map((cell) => ({
          book_id: bookId,
          month: cell.month,
          category_id: cell.categoryId,
          amount: cell.amount,
          updated_at: now,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['book_id', 'month', 'category_id']).doUpdateSet((eb) => ({
          amount: eb.ref('excluded.amount'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  if (cells.some((cell) => cell.amount === 0n)) {
    await db
      .deleteFrom('envelope_assignments')
      .where('book_id', '=', bookId)
      .where('amount', '=', 0)
      .execute();
  }
  await touchEnvelopeYears(db, bookId, cells);
}
