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

export interface AccountSum {
  accountId: number;
  type: AccountTable['type'];
  currency: string;
  /** 'YYYY-MM' when summed per month; null otherwise. */
  month: string | null;
  total: bigint;
}

/**
 * Σ of the postings' amounts per account (and per month) over [from, to] — `from: null` for
 * everything up to `to`. Whole months are read from the monthly roll-ups (a few hundred rows for
 * twenty years), and only the partial months at the range's ends from the postings, so a report
 * over a million postings reads a few thousand rows. Exact: the roll-ups move in the same
 * database transaction as the postings and `moneta check` verifies them.
 */
export async function accountSums(
  db: Db,
  bookId: number,
  range: { from: IsoDate | null; to: IsoDate },
  scope: SumScope,
  perMonth: boolean,
): Promise<AccountSum[]> {
  const split = splitByMonths(range.from, range.to);
  const parts = await Promise.all([
    split.months ? fromRollUps(db, bookId, split.months, scope, perMonth) : [],
    ...split.days.map((days) => fromPostings(db, bookId, days, scope, perMonth)),
  ]);
  const sums = new Map<string, AccountSum>();
  for (const row of parts.flat()) {
    const month = perMonth ? row.month : null;
    const key = `${row.accountId}:${month}`;
    const sum = sums.get(key) ?? {
      accountId: row.accountId,
      type: row.type,
      currency: row.currency,
      month,
      total: 0n,
    };
    sum.total += toMinor(row.total);
    sums.set(key, sum);
  }
  return [...sums.values()];
}

interface Row {
  accountId: number;
  type: AccountTable['type'];
  currency: string;
  month: string | null;
  total: string;
}

async function fromRollUps(
  db: Db,
  bookId: number,
  months: { from: string | null; to: string },
  scope: SumScope,
  perMonth: boolean,
): Promise<Row[]> {
  let query = db
    .selectFrom('account_months')
    .innerJoin('accounts', 'accounts.id', 'account_months.account_id')
    .select((eb) => [
      'account_months.account_id as accountId',
      'accounts.type',
      'accounts.currency',
      (perMonth ? sql<string | null>`account_months.month` : sql<string | null>`null`).as('month'),
      sumMinor(eb.ref('account_months.amount')).as('total'),
    ])
    .where('account_months.book_id', '=', bookId)
    .where('account_months.month', '<=', months.to)
    .groupBy(['account_months.account_id', 'accounts.type', 'accounts.currency']);
  if (perMonth) query = query.groupBy('account_months.month');
  if (months.from !== null) query = query.where('account_months.month', '>=', months.from);
  if (scope.types) query = query.where('accounts.type', 'in', [...scope.types]);
  if (scope.accountIds) query = query.where('account_months.account_id', 'in', [...scope.accountIds]);
  return query.execute();
}

async function fromPostings(
  db: Db,
  bookId: number,
  days: { from: IsoDate | null; to: IsoDate },
  scope: SumScope,
  perMonth: boolean,
): Promise<Row[]> {
  const month = sql<string | null>`substr(cast(postings.date as text), 1, 7)`;
  let query = db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .select((eb) => [
      'postings.account_id as accountId',
      'accounts.type',
      'accounts.currency',
      (perMonth ? month : sql<string | null>`null`).as('month'),
      sumMinor(eb.ref('postings.amount')).as('total'),
    ])
    .where('postings.book_id', '=', bookId)
    .where('postings.date', '<=', days.to)
    .groupBy(['postings.account_id', 'accounts.type', 'accounts.currency']);
  if (perMonth) query = query.groupBy(month);
  if (days.from !== null) query = query.where('postings.date', '>=', days.from);
  if (scope.types) query = query.where('accounts.type', 'in', [...scope.types]);
  if (scope.accountIds) query = query.where('postings.account_id', 'in', [...scope.accountIds]);
  return query.execute();
}
