import { currency, formatMoney, parseMoney } from '../../../core/money/index.ts';
import type { AccountJson, CategoryTotalsJson, MoneyJson } from '../../api/types.ts';

/**
 * The dashboard's arithmetic on the report rows the server aggregated: pure and exact (bigint
 * minor units). Only amounts in the book's base currency are added up; converting the others
 * needs exchange rates, which come with multi-currency reports.
 */
type Row = CategoryTotalsJson['rows'][number];

const minorOf = (money: MoneyJson) => parseMoney(money.amount, currency(money.currency)).minor;
const money = (minor: bigint, code: string): MoneyJson => ({
  amount: formatMoney({ minor, currency: currency(code) }),
  currency: code,
});

export interface CategorySpending {
  categoryId: number;
  name: string;
  spent: MoneyJson;
}

/** Expense categories with what they took in the range, largest first; refunds can make one negative. */
export function spendingByCategory(
  rows: readonly Row[],
  categories: readonly AccountJson[],
  base: string,
): CategorySpending[] {
  const byId = new Map(categories.map((category) => [category.id, category]));
  return rows
    .filter((row) => byId.get(row.categoryId)?.type === 'expense' && row.total.currency === base)
    .map((row) => ({ categoryId: row.categoryId, name: byId.get(row.categoryId)!.name, spent: row.total }))
    .filter((entry) => minorOf(entry.spent) !== 0n)
    .sort((a, b) => {
      const difference = minorOf(b.spent) - minorOf(a.spent);
      return difference > 0n ? 1 : difference < 0n ? -1 : a.name.localeCompare(b.name);
    });
}

export interface MonthFlow {
  month: string;
  income: MoneyJson;
  expense: MoneyJson;
  net: MoneyJson;
}

/** Income (as a positive amount), expense and their difference for each month, oldest first. */
export function incomeVsExpense(
  rows: readonly Row[],
  categories: readonly AccountJson[],
  base: string,
  months: readonly string[],
): MonthFlow[] {
  const types = new Map(categories.map((category) => [category.id, category.type]));
  const totals = new Map(months.map((month) => [month, { income: 0n, expense: 0n }]));
  for (const row of rows) {
    const month = totals.get(row.period ?? '');
    if (!month || row.total.currency !== base) continue;
    const type = types.get(row.categoryId);
    if (type === 'income') month.income -= minorOf(row.total);
    else if (type === 'expense') month.expense += minorOf(row.total);
  }
  return months.map((month) => {
    const { income, expense } = totals.get(month)!;
    return {
      month,
      income: money(income, base),
      expense: money(expense, base),
      net: money(income - expense, base),
    };
  });
}

/**
 * What the sums above leave out: the rows of `type` categories in other currencies, Σ per currency
 * (income as a positive amount), to be stated beside the chart until exchange rates exist.
 */
export function leftOut(
  rows: readonly Row[],
  categories: readonly AccountJson[],
  base: string,
  type: 'income' | 'expense',
): MoneyJson[] {
  const types = new Map(categories.map((category) => [category.id, category.type]));
  const totals = new Map<string, bigint>();
  for (const row of rows) {
    if (row.total.currency === base || types.get(row.categoryId) !== type) continue;
    const minor = type === 'income' ? -minorOf(row.total) : minorOf(row.total);
    totals.set(row.total.currency, (totals.get(row.total.currency) ?? 0n) + minor);
  }
  return [...totals].filter(([, minor]) => minor !== 0n).map(([code, minor]) => money(minor, code));
}

/** The `count` calendar months ending with the month of `today` (`YYYY-MM`), oldest first. */
export function lastMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return Array.from({ length: count }, (_, index) => {
    const offset = month - 1 - (count - 1 - index);
    const y = year + Math.floor(offset / 12);
    const m = ((offset % 12) + 12) % 12;
    return `${y}-${String(m + 1).padStart(2, '0')}`;
  });
}
