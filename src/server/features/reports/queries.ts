import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';

/**
 * Σ of postings into each income and expense category over a date range, optionally per month,
 * aggregated in SQL (GROUP BY on the postings' (account, date) index). Transfers between the
 * book's own accounts never touch a category, so they never count as income or expense.
 */
export async function categoryTotals(
  db: Db,
  bookId: number,
  from: string,
  to: string,
  interval: 'none' | 'month',
) {
  const month = sql<string>`substr(cast(postings.date as text), 1, 7)`;
  let query = db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select((eb) => [
      'postings.account_id as categoryId',
      'accounts.currency',
      sumMinor(eb.ref('postings.amount')).as('total'),
    ])
    .where('postings.book_id', '=', bookId)
    .where('accounts.type', 'in', ['income', 'expense'])
    .where('postings.date', '>=', from)
    .where('postings.date', '<=', to)
    .groupBy(['postings.account_id', 'accounts.currency']);
  if (interval === 'month') query = query.select(month.as('period')).groupBy(month);
  const rows = await query.execute();
  return rows
    .map((row) => ({
      period: interval === 'month' ? (row as { period?: string }).period! : null,
      categoryId: row.categoryId,
      total: moneyJson(toMinor(row.total), row.currency),
    }))
    .sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || a.categoryId - b.categoryId);
}
