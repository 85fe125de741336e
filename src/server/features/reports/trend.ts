import { sql } from 'kysely';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { fail } from '../../../core/errors.ts';
import { periodsBetween } from '../../../core/reports/periods.ts';
import { divideMinor, ratio } from '../../../core/reports/ratio.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toFlag, toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { accountSums } from '../accounts/account-sums.ts';
import { matchesFilter, needsPostings, type ReportFilter } from './filters.ts';

/**
 * One category per calendar month over the range (its monthly roll-ups), with the total, the
 * average per month (half-even to the minor unit) and the last month against the one before.
 * Spending reads positive on expense categories, income on income categories.
 */
export async function categoryTrend(
  db: Db,
  bookId: number,
  categoryId: number,
  range: { from: IsoDate; to: IsoDate },
  filter: ReportFilter,
) {
  const category = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'type', 'currency', 'archived'])
    .where('book_id', '=', bookId)
    .where('id', '=', categoryId)
    .where('type', 'in', ['income', 'expense'])
    .executeTakeFirst();
  if (!category) fail('NOT_FOUND', `There is no category ${categoryId} in this book.`);
  const rows = await monthTotals(db, bookId, categoryId, range, filter);
  const sign = category.type === 'income' ? -1n : 1n;
  const totals = new Map(rows.map((row) => [row.month, sign * row.total]));
  const months = periodsBetween(range.from, range.to, 'month').map((p) => ({
    month: p.label,
    minor: totals.get(p.label) ?? 0n,
  }));
  const total = months.reduce((sum, m) => sum + m.minor, 0n);
  const current = months.at(-1)!;
  const previous = months.length > 1 ? months.at(-2)! : null;
  const money = (minor: bigint) => moneyJson(minor, category.currency);
  const change = previous ? current.minor - previous.minor : null;
  return {
    ...range,
    category: {
      categoryId: category.id,
      name: category.name,
      archived: toFlag(category.archived),
      kind: category.type as 'income' | 'expense',
      currency: category.currency,
    },
    months: months.map((m) => ({ month: m.month, amount: money(m.minor) })),
    total: money(total),
    average: money(divideMinor(total, BigInt(months.length))),
    current: { month: current.month, amount: money(current.minor) },
    previous: previous ? { month: previous.month, amount: money(previous.minor) } : null,
    change: change === null ? null : money(change),
    changeRate:
      change === null || previous!.minor === 0n
        ? null
        : ratio(change, previous!.minor < 0n ? -previous!.minor : previous!.minor),
  };
}

/** The category's Σ per month: from the roll-ups, or the postings when the filter needs them. */
async function monthTotals(
  db: Db,
  bookId: number,
  categoryId: number,
  range: { from: IsoDate; to: IsoDate },
  filter: ReportFilter,
): Promise<{ month: string; total: bigint }[]> {
  if (!needsPostings(filter)) {
    if (filter.categoryIds && !filter.categoryIds.includes(categoryId)) return [];
    const sums = await accountSums(db, bookId, range, { accountIds: [categoryId] }, { perMonth: true });
    return sums.map((row) => ({ month: row.month!, total: row.total }));
  }
  const month = sql<string>`substr(cast(postings.date as text), 1, 7)`;
  const rows = await db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select((eb) => [month.as('month'), sumMinor(eb.ref('postings.amount')).as('total')])
    .where('postings.book_id', '=', bookId)
    .where('postings.account_id', '=', categoryId)
    .where('postings.date', '>=', range.from)
    .where('postings.date', '<=', range.to)
    .where((eb) => matchesFilter(eb, filter))
    .groupBy(month)
    .execute();
  return rows.map((row) => ({ month: row.month, total: toMinor(row.total) }));
}
