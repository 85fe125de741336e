import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toFlag, toMinor } from '../../../db/values.ts';
import { accountSums } from '../accounts/account-sums.ts';
import { matchesFilter, needsPostings, type ReportFilter } from './filters.ts';

export interface CategorySum {
  categoryId: number;
  name: string;
  type: 'income' | 'expense';
  currency: string;
  archived: boolean;
  groupId: number | null;
  groupName: string;
  groupPosition: number;
  /** Σ of the postings' amounts, double-entry signs (income negative, spending positive). */
  total: bigint;
}

/**
 * Σ per income/expense category over [from, to] — from the monthly roll-ups, or for a filter
 * that needs each transaction, in one GROUP BY on the postings — then the names of the
 * categories that had postings. Transfers between own accounts touch no category.
 */
export async function categorySums(
  db: Db,
  bookId: number,
  range: { from: IsoDate; to: IsoDate },
  filter: ReportFilter,
  types: readonly ('income' | 'expense')[],
): Promise<CategorySum[]> {
  const sums = needsPostings(filter)
    ? await filteredSums(db, bookId, range, filter, types)
    : (
        await accountSums(db, bookId, range, { types, accountIds: filter.categoryIds }, { perMonth: false })
      ).map((row) => ({
        id: row.accountId,
        total: row.total,
      }));
  if (sums.length === 0) return [];
  const names = await db
    .selectFrom('accounts')
    .leftJoin('category_groups', 'category_groups.id', 'accounts.group_id')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.type',
      'accounts.currency',
      'accounts.archived',
      'accounts.group_id',
      'category_groups.name as group_name',
      'category_groups.position as group_position',
    ])
    .where('accounts.book_id', '=', bookId)
    .where(
      'accounts.id',
      'in',
      sums.map((row) => row.id),
    )
    .execute();
  const byId = new Map(names.map((row) => [row.id, row]));
  return sums
    .map((row) => {
      const account = byId.get(row.id)!;
      return {
        categoryId: row.id,
        name: account.name,
        type: account.type as 'income' | 'expense',
        currency: account.currency,
        archived: toFlag(account.archived),
        groupId: account.group_id,
        groupName: account.group_name ?? 'Ungrouped',
        groupPosition: account.group_position ?? Number.MAX_SAFE_INTEGER,
        total: row.total,
      };
    })
    .sort(
      (a, b) =>
        a.groupPosition - b.groupPosition ||
        a.groupName.localeCompare(b.groupName) ||
        a.name.localeCompare(b.name) ||
        a.categoryId - b.categoryId,
    );
}

async function filteredSums(
  db: Db,
  bookId: number,
  range: { from: string; to: string },
  filter: ReportFilter,
  types: readonly ('income' | 'expense')[],
): Promise<{ id: number; total: bigint }[]> {
  const rows = await db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select((eb) => ['postings.account_id as id', sumMinor(eb.ref('postings.amount')).as('total')])
    .where('postings.book_id', '=', bookId)
    .where('accounts.type', 'in', [...types])
    .where('postings.date', '>=', range.from)
    .where('postings.date', '<=', range.to)
    .where((eb) => matchesFilter(eb, filter))
    .groupBy('postings.account_id')
    .execute();
  return rows.map((row) => ({ id: row.id, total: toMinor(row.total) }));
}
