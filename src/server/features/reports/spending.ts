import type { MoneyJson } from '../../../contract/common.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { moneyJson } from '../../money-json.ts';
import { categorySums } from './category-sums.ts';
import type { ReportFilter } from './filters.ts';

interface Line {
  categoryId: number;
  name: string;
  archived: boolean;
  total: MoneyJson;
}

/**
 * Spending (or income) by category, grouped by category group with subtotals. Spending is
 * Σ expense postings (refunds lower it); income is −Σ income postings, so both read positive.
 */
export async function spendingByCategory(
  db: Db,
  bookId: number,
  base: string,
  range: { from: IsoDate; to: IsoDate },
  kind: 'expense' | 'income',
  filter: ReportFilter,
) {
  const sums = await categorySums(db, bookId, range, filter, [kind]);
  const groups: { groupId: number | null; name: string; total: bigint; categories: Line[] }[] = [];
  const otherCurrencies: Line[] = [];
  let total = 0n;
  for (const row of sums) {
    const amount = kind === 'income' ? -row.total : row.total;
    const line = {
      categoryId: row.categoryId,
      name: row.name,
      archived: row.archived,
      total: moneyJson(amount, row.currency),
    };
    if (row.currency !== base) {
      otherCurrencies.push(line);
      continue;
    }
    let group = groups.at(-1);
    if (!group || group.groupId !== row.groupId) {
      group = { groupId: row.groupId, name: row.groupName, total: 0n, categories: [] };
      groups.push(group);
    }
    group.total += amount;
    group.categories.push(line);
    total += amount;
  }
  return {
    ...range,
    kind,
    currency: base,
    groups: groups.map((g) => ({ ...g, total: moneyJson(g.total, base) })),
    total: moneyJson(total, base),
    otherCurrencies,
  };
}
