import { sql } from 'kysely';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { splitByMonths } from '../../../core/reports/month-split.ts';
import type { Db } from '../../../db/connect.ts';
import type { AccountTable } from '../../../db/schema.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';

/** Which accounts to sum: of these types, and/or these ids. */
export interface SumScope {
  types?: readonly AccountTable['type'][] | undefined;
  accountIds?: readonly number[] | undefined;
}

/** Per calendar month, or over the whole range. */
export interface SumGrouping {
  perMonth: boolean;
}

export interface TypeSum {
  type: AccountTable['type'];
  currency: string;
  /** 'YYYY-MM' when summed per month; null otherwise. */
  month: string | null;
  total: bigint;
}

export interface AccountSum extends TypeSum {
  accountId: number;
}

/**
 * Σ of the postings' amounts per account (or per type and currency), per month or not, over
 * [from, to] — `from: null` for everything up to `to`. Whole months are read from the monthly
 * roll-ups (a few hundred rows per account for twenty years), and only the partial months at the
 * range's ends from the postings, so a report over a million postings reads a few thousand rows.
 * Exact: the roll-ups move in the same database transaction as the postings, and `moneta check`
 * verifies them.
 */
export function accountSums(
  db: Db,
  bookId: number,
  range: { from: IsoDate | null; to: IsoDate },
  scope: SumScope,
  grouping: SumGrouping,
): Promise<AccountSum[]> {
  return sums(db, bookId, range, scope, grouping, true) as Promise<AccountSum[]>;
}

/** The same Σ per account type and currency: fewer rows where a report needs no more. */
export function typeSums(
  db: Db,
  bookId: number,
  range: { from: IsoDate | null; to: IsoDate },
  scope: SumScope,
  grouping: SumGrouping,
): Promise<TypeSum[]> {
  return sums(db, bookId, range, scope, grouping, false);
}

async function sums(
  db: Db,
  bookId: number,
  range: { from: IsoDate | null; to: IsoDate },
  scope: SumScope,
  grouping: SumGrouping,
  byAccount: boolean,
): Promise<(TypeSum & { accountId: number | null })[]> {
  const split = splitByMonths(range.from, range.to);
  const parts = await Promise.all([
    split.months ? sumsOf(db, bookId, 'rollUps', split.months, scope, grouping, byAccount) : [],
    ...split.days.map((days) => sumsOf(db, bookId, 'postings', days, scope, grouping, byAccount)),
  ]);
  if (parts.length === 1) return parts[0]!.map((row) => ({ ...row, total: toMinor(row.total) }));
  const merged = new Map<string, TypeSum & { accountId: number | null }>();
  for (const row of parts.flat()) {
    const key = `${row.accountId}:${row.type}:${row.currency}:${row.month}`;
    const sum = merged.get(key) ?? { ...row, total: 0n };
    sum.total += toMinor(row.total);
    merged.set(key, sum);
  }
  return [...merged.values()];
}

interface Row {
  accountId: number | null;
  type: AccountTable['type'];
  currency: string;
  month: string | null;
  total: string;
}

const SOURCES = {
  rollUps: { table: sql`account_months`, when: sql`s.month`, month: sql`s.month` },
  postings: { table: sql`postings`, when: sql`s.date`, month: sql`substr(cast(s.date as text), 1, 7)` },
};

/**
 * One GROUP BY over the roll-ups (bounds are months) or the postings (bounds are days), driven
 * from the book's accounts — their (book_id, type) index — so that each account's rows are one
 * range of the source's (account_id, month | date) key.
 */
async function sumsOf(
  db: Db,
  bookId: number,
  source: keyof typeof SOURCES,
  bounds: { from: string | null; to: string },
  scope: SumScope,
  grouping: SumGrouping,
  byAccount: boolean,
): Promise<Row[]> {
  const { table, when, month } = SOURCES[source];
  const keys = [sql`a.type`, sql`a.currency`];
  if (byAccount) keys.push(sql`a.id`);
  if (grouping.perMonth) keys.push(month);
  const conditions = [sql`a.book_id = ${bookId}`, sql`${when} <= ${bounds.to}`];
  if (bounds.from !== null) conditions.push(sql`${when} >= ${bounds.from}`);
  if (scope.types) conditions.push(sql`a.type in (${sql.join([...scope.types])})`);
  if (scope.accountIds) conditions.push(sql`a.id in (${sql.join([...scope.accountIds])})`);
  const result = await sql<Row>`select
      ${byAccount ? sql`a.id` : sql`null`} as ${sql.id('accountId')},
      a.type, a.currency,
      ${grouping.perMonth ? month : sql`null`} as ${sql.id('month')},
      ${sumMinor(sql`s.amount`)} as ${sql.id('total')}
    from accounts a join ${table} s on s.account_id = a.id
    where ${sql.join(conditions, sql` and `)}
    group by ${sql.join(keys)}`.execute(db);
  return result.rows;
}
