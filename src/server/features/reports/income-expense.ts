import { sql } from 'kysely';
import { type IsoDate, isoDate } from '../../../core/calendar/date.ts';
import { bucketOf, periodsBetween } from '../../../core/reports/periods.ts';
import { savingsRate } from '../../../core/reports/ratio.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { typeSums } from '../accounts/account-sums.ts';
import { matchesFilter, needsPostings, type ReportFilter } from './filters.ts';

type Interval = 'week' | 'month' | 'quarter' | 'year';

interface Flow {
  income: bigint;
  expense: bigint;
}

function flowJson(flow: Flow, currency: string) {
  const net = flow.income - flow.expense;
  return {
    income: moneyJson(flow.income, currency),
    expense: moneyJson(flow.expense, currency),
    net: moneyJson(net, currency),
    savingsRate: savingsRate(flow.income, net),
  };
}

/**
 * Income and expense per week, month, quarter or year. SQL sums per (day or month, type,
 * currency) — see `flowRows` — and JS folds those few rows into the calendar periods. Income is −Σ income postings, expense Σ expense postings (refunds lower it).
 */
export async function incomeExpense(
  db: Db,
  bookId: number,
  base: string,
  range: { from: IsoDate; to: IsoDate },
  interval: Interval,
  filter: ReportFilter,
) {
  const rows = await flowRows(db, bookId, range, interval, filter);
  const periods = periodsBetween(range.from, range.to, interval);
  const flows = new Map(periods.map((p) => [p.label, { income: 0n, expense: 0n }]));
  const total: Flow = { income: 0n, expense: 0n };
  const other = new Map<string, Flow>();
  for (const row of rows) {
    const day = row.bucket.length === 7 ? `${row.bucket}-01` : row.bucket;
    const label = bucketOf(isoDate(day), interval).label;
    const amount = row.total;
    const targets =
      row.currency === base
        ? [flows.get(label)!, total]
        : [other.get(row.currency) ?? { income: 0n, expense: 0n }];
    if (row.currency !== base) other.set(row.currency, targets[0]!);
    for (const flow of targets) {
      if (row.type === 'income') flow.income -= amount;
      else flow.expense += amount;
    }
  }
  return {
    ...range,
    interval,
    currency: base,
    periods: periods.map((p) => ({
      period: p.label,
      start: p.start,
      end: p.end,
      ...flowJson(flows.get(p.label)!, base),
    })),
    total: flowJson(total, base),
    otherCurrencies: [...other.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([c, flow]) => flowJson(flow, c)),
  };
}

interface FlowRow {
  /** 'YYYY-MM-DD' for weeks, 'YYYY-MM' otherwise. */
  bucket: string;
  type: string;
  currency: string;
  total: bigint;
}

/**
 * Σ per (day or month, account type, currency): months from the roll-ups; days — only weeks
 * need them, as they cut across months — and filters that need each transaction from the postings.
 */
async function flowRows(
  db: Db,
  bookId: number,
  range: { from: IsoDate; to: IsoDate },
  interval: Interval,
  filter: ReportFilter,
): Promise<FlowRow[]> {
  if (interval !== 'week' && !needsPostings(filter)) {
    const sums = await typeSums(
      db,
      bookId,
      range,
      { types: ['income', 'expense'], accountIds: filter.categoryIds },
      { perMonth: true },
    );
    return sums.map((row) => ({
      bucket: row.month!,
      type: row.type,
      currency: row.currency,
      total: row.total,
    }));
  }
  const bucket =
    interval === 'week'
      ? sql<string>`cast(postings.date as text)`
      : sql<string>`substr(cast(postings.date as text), 1, 7)`;
  const rows = await db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select((eb) => [
      bucket.as('bucket'),
      'accounts.type',
      'accounts.currency',
      sumMinor(eb.ref('postings.amount')).as('total'),
    ])
    .where('postings.book_id', '=', bookId)
    .where('accounts.type', 'in', ['income', 'expense'])
    .where('postings.date', '>=', range.from)
    .where('postings.date', '<=', range.to)
    .where((eb) => matchesFilter(eb, filter))
    .groupBy([bucket, 'accounts.type', 'accounts.currency'])
    .execute();
  return rows.map((row) => ({ ...row, total: toMinor(row.total) }));
}
