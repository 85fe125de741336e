import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import { pastKey } from '../../../db/keyset.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { moneyJson } from '../../money-json.ts';
import { type AccountRow, balanceAt } from './queries.ts';

/** Register order, walked newest first: date, then transaction, then posting. */
const ORDER = ['postings.date', 'postings.transaction_id', 'postings.id'] as const;

/**
 * The account's balance just after the posting at `key`, as a bounded sum, never over the
 * account's history: at the top of the register (the usual first page) the cached balance less
 * the few postings after it; deeper (a cursor, or `to`), the balance at the end of its day from the
 * monthly roll-ups less what was posted after it that day. So page n costs what the first did.
 */
async function balanceAfter(
  db: Db,
  account: AccountRow,
  key: readonly [date: string, transactionId: number, postingId: number],
  atTop: boolean,
): Promise<bigint> {
  let later = db
    .selectFrom('postings')
    .select((eb) => sumMinor(eb.ref('postings.amount')).as('total'))
    .where('postings.account_id', '=', account.id)
    .where(pastKey(ORDER, key, 'asc'));
  if (atTop) return toMinor(account.balance) - toMinor((await later.executeTakeFirstOrThrow()).total);
  later = later.where('postings.date', '=', key[0]);
  const [endOfDay, sameDayAfter] = await Promise.all([
    balanceAt(db, account.book_id, account.id, key[0] as IsoDate),
    later.executeTakeFirstOrThrow(),
  ]);
  return endOfDay - toMinor(sameDayAfter.total);
}

export interface RegisterOptions {
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * An account's postings, newest first, each with the account's balance after it: the first row's
 * from `balanceAfter`, each next one walked back by the row's amount.
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
  const atTop = !options.cursor && !options.to;
  const firstBalance = await balanceAfter(
    db,
    account,
    [first.date, first.transactionId, first.postingId],
    atTop,
  );

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

  let balance = firstBalance;
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
