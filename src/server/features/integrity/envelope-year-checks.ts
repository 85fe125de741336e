/**
 * The kept envelope year blocks against the same figures computed from scratch from the monthly
 * roll-ups, assignments and moves, compared as exact bigints. A row that should not exist, one
 * that is missing and one with other figures are all problems.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { computedEnvelopeYears } from '../../../db/envelope-years.ts';
import { toMinor } from '../../../db/values.ts';
import { accountCurrencies } from './month-checks.ts';
import { formatAmount, type IntegrityProblem } from './problems.ts';

interface YearFigure {
  bookId: number;
  categoryId: number;
  year: number;
  figures: string;
}

export async function envelopeYearProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  let keptQuery = db
    .selectFrom('envelope_years')
    .select([
      'book_id',
      'category_id',
      'year',
      sql<string>`cast(assigned as text)`.as('assigned'),
      sql<string>`cast(spent as text)`.as('spent'),
      sql<string>`cast(low as text)`.as('low'),
    ]);
  if (bookId !== undefined) keptQuery = keptQuery.where('book_id', '=', bookId);
  const [computedRows, keptRows, currencies] = await Promise.all([
    computedEnvelopeYears({ bookId }).execute(db),
    keptQuery.execute(),
    accountCurrencies(db, bookId),
  ]);
  const figure = (row: (typeof keptRows)[number] | (typeof computedRows.rows)[number]): YearFigure => {
    const say = (value: string | number | bigint) =>
      formatAmount(toMinor(value), currencies.get(Number(row.category_id)) ?? '???');
    return {
      bookId: Number(row.book_id),
      categoryId: Number(row.category_id),
      year: Number(row.year),
      figures: `assigned ${say(row.assigned)}, spent ${say(row.spent)}, lowest running sum ${say(row.low)}`,
    };
  };
  const key = (f: YearFigure) => `${String(f.categoryId).padStart(12, '0')}:${f.year}`;
  const kept = new Map(keptRows.map(figure).map((f) => [key(f), f]));
  const problems: (IntegrityProblem & { order: string })[] = [];
  const report = (f: YearFigure, wanted: YearFigure | undefined, found: YearFigure | undefined) =>
    problems.push({
      kind: 'cached-envelope-year',
      message: `Category ${f.categoryId} (book ${f.bookId}) in ${f.year}: the envelope year holds ${found?.figures ?? 'no row'}; its months say ${wanted?.figures ?? 'no row'}.`,
      ids: { bookId: f.bookId, accountId: f.categoryId },
      order: key(f),
    });
  for (const row of computedRows.rows) {
    const wanted = figure(row);
    const found = kept.get(key(wanted));
    kept.delete(key(wanted));
    if (found?.figures !== wanted.figures) report(wanted, wanted, found);
  }
  for (const stale of kept.values()) report(stale, undefined, stale);
  return problems.sort((a, b) => a.order.localeCompare(b.order)).map(({ order: _, ...problem }) => problem);
}
