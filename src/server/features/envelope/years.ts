/**
 * Keeps `envelope_years` exact in a write's own transaction: a write names the categories and
 * months it touched, and the blocks of those categories over those years are computed again from
 * the roll-ups, assignments and moves (`refreshEnvelopeYears`). Accounts that are not expense
 * categories are left out by the computation itself.
 */
import type { Db } from '../../../db/connect.ts';
import { refreshEnvelopeYears } from '../../../db/envelope-years.ts';

export interface TouchedMonth {
  categoryId: number;
  /** 'YYYY-MM' */
  month: string;
}

export async function touchEnvelopeYears(db: Db, bookId: number, touched: readonly TouchedMonth[]) {
  if (touched.length === 0) return;
  const years = touched.map((t) => Number(t.month.slice(0, 4)));
  await refreshEnvelopeYears(db, {
    bookId,
    categoryIds: [...new Set(touched.map((t) => t.categoryId))],
    years: { from: Math.min(...years), to: Math.max(...years) },
  });
}

/** Every block of one book (or of every book), from scratch: `moneta check --rebuild` and a restore. */
export async function rebuildEnvelopeYears(db: Db, bookId: number | undefined) {
  await refreshEnvelopeYears(db, { bookId });
}

/**
 * The moves that deleting `categoryId` will take with it (their foreign keys cascade), as the
 * months they touched on their other category: what to refresh once the category is gone.
 */
export async function movePartners(db: Db, categoryId: number): Promise<TouchedMonth[]> {
  const rows = await db
    .selectFrom('envelope_moves')
    .select(['from_category_id', 'to_category_id', 'month'])
    .where((eb) => eb.or([eb('from_category_id', '=', categoryId), eb('to_category_id', '=', categoryId)]))
    .execute();
  return rows.map((row) => ({
    categoryId: row.from_category_id === categoryId ? row.to_category_id : row.from_category_id,
    month: row.month,
  }));
}
