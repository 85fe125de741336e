/**
 * The monthly roll-ups against the postings: both grouped by (account, month) and compared as
 * exact bigints. A roll-up row that should not exist, one that is missing and one with another
 * sum or count are all problems.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toCount, toMinor } from '../../../db/values.ts';
import { formatAmount, type IntegrityProblem } from './problems.ts';

interface MonthFigure {
  bookId: number;
  accountId: number;
  month: string;
  amount: bigint;
  postings: number;
}

export async function monthProblems(db: Db, bookId: number | undefined): Promise<IntegrityProblem[]> {
  const month = sql<string>`substr(cast(postings.date as text), 1, 7)`;
  let computedQuery = db
    .selectFrom('postings')
    .select((eb) => [
      'postings.book_id',
      'postings.account_id',
      month.as('month'),
      sumMinor(eb.ref('postings.amount')).as('amount'),
      eb.fn.countAll<number | string>().as('postings'),
    ])
    .groupBy(['postings.book_id', 'postings.account_id', month]);
  if (bookId !== undefined) computedQuery = computedQuery.where('postings.book_id', '=', bookId);
  let cachedQuery = db
    .selectFrom('account_months')
    .select(['book_id', 'account_id', 'month', sql<string>`cast(amount as text)`.as('amount'), 'postings']);
  if (bookId !== undefined) cachedQuery = cachedQuery.where('book_id', '=', bookId);
  const [computedRows, cachedRows] = await Promise.all([computedQuery.execute(), cachedQuery.execute()]);

  const figure = (row: (typeof cachedRows)[number]): MonthFigure => ({
    bookId: row.book_id,
    accountId: row.account_id,
    month: row.month,
    amount: toMinor(row.amount),
    postings: toCount(row.postings),
  });
  const key = (f: MonthFigure) => `${f.accountId}:${f.month}`;
  const cached = new Map(cachedRows.map((row) => [key(figure(row)), figure(row)]));
  const currencies = await accountCurrencies(db, bookId);

  const problems: (IntegrityProblem & { order: string })[] = [];
  const report = (f: MonthFigure, wanted: MonthFigure | undefined, found: MonthFigure | undefined) => {
    const currency = currencies.get(f.accountId) ?? '???';
    const say = (g: MonthFigure | undefined) =>
      g
        ? `${formatAmount(g.amount, currency)} in ${g.postings} posting${g.postings === 1 ? '' : 's'}`
        : 'no row';
    problems.push({
      kind: 'cached-month',
      message: `Account ${f.accountId} (book ${f.bookId}) in ${f.month}: the monthly roll-up holds ${say(found)}; its postings say ${say(wanted)}.`,
      ids: { bookId: f.bookId, accountId: f.accountId },
      order: `${String(f.accountId).padStart(12, '0')}:${f.month}`,
    });
  };
  for (const row of computedRows) {
    const wanted = figure(row);
    const found = cached.get(key(wanted));
    cached.delete(key(wanted));
    if (!found || found.amount !== wanted.amount || found.postings !== wanted.postings) {
      report(wanted, wanted, found);
    }
  }
  for (const stale of cached.values()) report(stale, undefined, stale);
  return problems.sort((a, b) => a.order.localeCompare(b.order)).map(({ order: _, ...problem }) => problem);
}

export async function accountCurrencies(db: Db, bookId: number | undefined): Promise<Map<number, string>> {
  let query = db.selectFrom('accounts').select(['id', 'currency']);
  if (bookId !== undefined) query = query.where('book_id', '=', bookId);
  return new Map((await query.execute()).map((row) => [row.id, row.currency]));
}
