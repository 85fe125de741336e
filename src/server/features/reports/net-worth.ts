import { sql } from 'kysely';
import { addDays, type IsoDate } from '../../../core/calendar/date.ts';
import { fail } from '../../../core/errors.ts';
import { countPeriods, periodsBetween } from '../../../core/reports/periods.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toFlag, toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { accountSums } from '../accounts/account-sums.ts';

/** The most points one net-worth request may ask for (10 years of days). */
export const MAX_POINTS = 3_700;

/**
 * Net worth at the end of each day or month of [from, to]: each asset and liability account's
 * balance before the range, plus its Σ per month (roll-ups) or per day (postings) inside it,
 * folded into running totals. Archived accounts keep their history and count. Only base-currency
 * accounts add up into assets, liabilities and net worth; the others are summed per currency
 * beside them (`otherCurrencies`), so no total leaves an account out without saying so.
 */
export async function netWorth(
  db: Db,
  bookId: number,
  base: string,
  range: { from: IsoDate; to: IsoDate },
  interval: 'day' | 'month',
  accountIds: number[] | undefined,
) {
  if (countPeriods(range.from, range.to, interval) > MAX_POINTS) {
    fail(
      'VALIDATION_FAILED',
      `At most ${MAX_POINTS} points per request; ask for months or a shorter range.`,
      [{ field: 'query:to', code: 'VALIDATION_FAILED', message: 'The range has too many points.' }],
    );
  }
  let accountsQuery = db
    .selectFrom('accounts')
    .select(['id', 'name', 'type', 'currency', 'archived'])
    .where('book_id', '=', bookId)
    .where('type', 'in', ['asset', 'liability'])
    .orderBy('type')
    .orderBy('name')
    .orderBy('id');
  if (accountIds) accountsQuery = accountsQuery.where('id', 'in', accountIds);
  const accounts = await accountsQuery.execute();
  const ids = accounts.map((a) => a.id);
  const scope = { accountIds: ids.length > 0 ? ids : [0] };
  const [opening, moves] = await Promise.all([
    accountSums(db, bookId, { from: null, to: addDays(range.from, -1) }, scope, { perMonth: false }),
    interval === 'month'
      ? accountSums(db, bookId, range, scope, { perMonth: true }).then((rows) =>
          rows.map((row) => ({ id: row.accountId, bucket: row.month!, total: row.total })),
        )
      : dailyMoves(db, bookId, range, scope.accountIds),
  ]);
  const index = new Map(ids.map((id, i) => [id, i]));
  const balances = accounts.map(() => 0n);
  for (const row of opening) balances[index.get(row.accountId)!] = row.total;
  const byBucket = new Map<string, { id: number; total: bigint }[]>();
  for (const row of moves) {
    const list = byBucket.get(row.bucket) ?? [];
    list.push(row);
    byBucket.set(row.bucket, list);
  }
  const points = periodsBetween(range.from, range.to, interval).map((period) => {
    for (const row of byBucket.get(period.label) ?? []) balances[index.get(row.id)!]! += row.total;
    const sums = new Map<string, { assets: bigint; liabilities: bigint }>();
    accounts.forEach((account, i) => {
      const sum = sums.get(account.currency) ?? { assets: 0n, liabilities: 0n };
      if (account.type === 'asset') sum.assets += balances[i]!;
      else sum.liabilities -= balances[i]!;
      sums.set(account.currency, sum);
    });
    const { assets, liabilities } = sums.get(base) ?? { assets: 0n, liabilities: 0n };
    const plain = (minor: bigint, currency: string) => moneyJson(minor, currency).amount;
    return {
      date: period.end,
      assets: moneyJson(assets, base),
      liabilities: moneyJson(liabilities, base),
      netWorth: moneyJson(assets - liabilities, base),
      otherCurrencies: [...sums]
        .filter(([currency]) => currency !== base)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, sum]) => ({
          currency,
          assets: plain(sum.assets, currency),
          liabilities: plain(sum.liabilities, currency),
          netWorth: plain(sum.assets - sum.liabilities, currency),
        })),
      balances: accounts.map((account, i) => moneyJson(balances[i]!, account.currency).amount),
    };
  });
  return {
    ...range,
    interval,
    currency: base,
    accounts: accounts.map((a) => ({
      accountId: a.id,
      name: a.name,
      type: a.type as 'asset' | 'liability',
      currency: a.currency,
      archived: toFlag(a.archived),
    })),
    points,
  };
}

async function dailyMoves(
  db: Db,
  bookId: number,
  range: { from: IsoDate; to: IsoDate },
  accountIds: number[],
): Promise<{ id: number; bucket: string; total: bigint }[]> {
  const day = sql<string>`cast(postings.date as text)`;
  const rows = await db
    .selectFrom('postings')
    .select((eb) => [
      'postings.account_id as id',
      day.as('bucket'),
      sumMinor(eb.ref('postings.amount')).as('total'),
    ])
    .where('postings.book_id', '=', bookId)
    .where('postings.account_id', 'in', accountIds)
    .where('postings.date', '>=', range.from)
    .where('postings.date', '<=', range.to)
    .groupBy(['postings.account_id', day])
    .execute();
  return rows.map((row) => ({ ...row, total: toMinor(row.total) }));
}
