import type { Db } from '../../../db/connect.ts';
import { pastKey } from '../../../db/keyset.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { moneyJson } from '../../money-json.ts';
import type { AccountRow } from './queries.ts';

/** Register order, walked newest first: date, then transaction, then posting. */
const ORDER = ['postings.date', 'postings.transaction_id', 'postings.id'] as const;

export interface RegisterOptions {
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * An account's postings, newest first, each with the account's balance after it. The balance
 * of the page's first row is the cached account balance less what was posted after that row, so
 * the first page (the usual one) costs no sum at all.
 */
export async function readRegister(db: Db, account: AccountRow, options: RegisterOptions) {
  let query = db
    .selectFrom('postings')
    .innerJoin('transactions', 'transactions.id', 'postings.transaction_id')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select([
      'postings.id as postingId',
      'postings.transaction_id as transactionId',
      'postings.date',
      'postings.amount',
      'postings.memo',
      'transactions.status',
      'transactions.description',
      'payees.id as payeeId',
      'payees.name as payeeName',
    ])
    .where('postings.account_id', '=', account.id);
  if (options.from) query = query.where('postings.date', '>=', options.from);
  if (options.to) query = query.where('postings.date', '<=', options.to);
  if (options.cursor) {
    query = query.where(pastKey(ORDER, decodeCursor(options.cursor, ['date', 'id', 'id']), 'desc'));
  }
  const rows = await query
    .orderBy('postings.date', 'desc')
    .orderBy('postings.transaction_id', 'desc')
    .orderBy('postings.id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  if (page.length === 0) return { items: [], nextCursor: null };

  const first = page[0]!;
  const postedAfter = await db
    .selectFrom('postings')
    .select((eb) => sumMinor(eb.ref('postings.amount')).as('total'))
    .where('postings.account_id', '=', account.id)
    .where(pastKey(ORDER, [first.date, first.transactionId, first.postingId], 'asc'))
    .executeTakeFirstOrThrow();

  const others = await db
    .selectFrom('postings')
    .select(['transaction_id', 'account_id'])
    .where('transaction_id', 'in', [...new Set(page.map((row) => row.transactionId))])
    .where('account_id', '!=', account.id)
    .orderBy('position')
    .execute();
  const otherIds = new Map<number, number[]>();
  for (const row of others) {
    const list = otherIds.get(row.transaction_id) ?? [];
    if (!list.includes(row.account_id)) list.push(row.account_id);
    otherIds.set(row.transaction_id, list);
  }

  let balance = toMinor(account.balance) - toMinor(postedAfter.total);
  const items = page.map((row) => {
    const amount = toMinor(row.amount);
    const item = {
      transactionId: row.transactionId,
      postingId: row.postingId,
      date: row.date,
      status: row.status,
      payee: row.payeeId === null ? null : { id: row.payeeId, name: row.payeeName! },
      description: row.description,
      memo: row.memo,
      amount: moneyJson(amount, account.currency),
      balance: moneyJson(balance, account.currency),
      otherAccountIds: otherIds.get(row.transactionId) ?? [],
    };
    balance -= amount;
    return item;
  });
  const last = page.at(-1)!;
  const nextCursor =
    rows.length > options.limit ? encodeCursor([last.date, last.transactionId, last.postingId]) : null;
  return { items, nextCursor };
}
