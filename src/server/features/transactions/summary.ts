import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { type TransactionFilter, type TransactionQuery, whereFilter } from './queries.ts';

/** Per currency: how many transactions, and their sum as text (exact on both databases). */
interface Group {
  currency: string;
  count: number | string | bigint;
  total: string | null;
}

/**
 * The count and total of every transaction matching the filter (all pages), in one aggregate:
 * no row goes to JS. Seen from the filter's account (or else its category), the total is the Σ of
 * that account's postings as its register signs them — money in positive; a category's postings
 * are turned round, so spending shows negative as it does from the account that paid. Without
 * one, it is the Σ of each transaction's `total`: what moved, never negative.
 */
export async function summariseTransactions(db: Db, bookId: number, filter: TransactionFilter) {
  const base = db
    .selectFrom('transactions')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .where('transactions.book_id', '=', bookId) as unknown as TransactionQuery;
  const filtered = await whereFilter(db, bookId, base, filter);
  const seenFrom = filter.accountId ?? filter.categoryId;
  let groups: Group[];
  if (seenFrom === undefined) {
    groups = await filtered
      .select([
        'transactions.currency as currency',
        sql<number>`count(*)`.as('count'),
        sql<string>`cast(sum(transactions.total) as text)`.as('total'),
      ])
      .groupBy('transactions.currency')
      .execute();
  } else {
    const sign = filter.accountId === undefined ? sql.raw('-') : sql.raw('');
    groups = await filtered
      .innerJoin('postings', (join) =>
        join
          .onRef('postings.transaction_id', '=', 'transactions.id')
          .on('postings.account_id', '=', seenFrom),
      )
      .innerJoin('accounts', 'accounts.id', 'postings.account_id')
      .select([
        'accounts.currency as currency',
        sql<number>`count(distinct transactions.id)`.as('count'),
        sql<string>`cast(${sign}sum(postings.amount) as text)`.as('total'),
      ])
      .groupBy('accounts.currency')
      .execute();
  }
  return {
    count: groups.reduce((count, group) => count + Number(group.count), 0),
    totals: groups
      .map((group) => moneyJson(toMinor(group.total ?? '0'), group.currency))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
