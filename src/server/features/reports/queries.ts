import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { moneyJson } from '../../money-json.ts';
import { accountSums } from '../accounts/account-sums.ts';

/**
 * Σ of postings into each income and expense category over a date range, optionally per month,
 * from the monthly roll-ups (see `accountSums`). Transfers between the book's own accounts never
 * touch a category, so they never count as income or expense.
 */
export async function categoryTotals(
  db: Db,
  bookId: number,
  from: IsoDate,
  to: IsoDate,
  interval: 'none' | 'month',
) {
  const rows = await accountSums(
    db,
    bookId,
    { from, to },
    { types: ['income', 'expense'] },
    { perMonth: interval === 'month' },
  );
  return rows
    .map((row) => ({
      period: row.month,
      categoryId: row.accountId,
      total: moneyJson(row.total, row.currency),
    }))
    .sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || a.categoryId - b.categoryId);
}
