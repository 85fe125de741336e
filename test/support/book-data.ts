/**
 * Writing a book's data directly, beneath the API, for tests that need a ledger or a membership
 * the API under test does not make:
 *
 *   const txId = await postTransaction(db, bookId, { postings: [[checkingId, -1250n], [groceriesId, 1250n]] });
 *   expect(await balanceDrift(db, bookId)).toEqual([]);
 */
import type { Db } from '../../src/db/connect.ts';
import { sumMinor, toMinor } from '../../src/db/values.ts';
import type { App, Role } from '../../src/server/types.ts';
import { type Client, signUp } from './api.ts';

const NOW = '2026-11-21T10:00:00.000Z';

export interface TransactionRows {
  date?: string;
  payeeId?: number | null;
  /** [accountId, amount in minor units]; they must sum to zero, in one currency. */
  postings: readonly (readonly [number, bigint])[];
}

/** The book's "Uncategorised" expense category, which the import creates when a row needs it. */
export async function addUncategorisedExpense(db: Db, bookId: number, at = NOW): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      book_id: bookId,
      name: 'Uncategorised',
      name_key: 'uncategorised',
      type: 'expense',
      currency: 'EUR',
      role: 'uncategorised_expense',
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts a transaction with its postings and moves the cached balances, as the ledger does. */
export async function postTransaction(db: Db, bookId: number, rows: TransactionRows): Promise<number> {
  const date = rows.date ?? '2026-11-01';
  const first = await db
    .selectFrom('accounts')
    .select('currency')
    .where('id', '=', rows.postings[0]![0])
    .executeTakeFirstOrThrow();
  const total = rows.postings.reduce((sum, [, amount]) => (amount > 0n ? sum + amount : sum), 0n);
  const { id } = await db
    .insertInto('transactions')
    .values({
      book_id: bookId,
      date,
      currency: first.currency,
      total,
      payee_id: rows.payeeId ?? null,
      description: 'test',
      status: 'cleared',
      created_at: NOW,
      updated_at: NOW,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('postings')
    .values(
      rows.postings.map(([accountId, amount], position) => ({
        book_id: bookId,
        transaction_id: id,
        account_id: accountId,
        date,
        amount,
        value: amount,
        position,
      })),
    )
    .execute();
  for (const [accountId, amount] of rows.postings) {
    const account = await db
      .selectFrom('accounts')
      .select('balance')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('accounts')
      .set({ balance: toMinor(account.balance) + amount })
      .where('id', '=', accountId)
      .execute();
  }
  return id;
}

/** Accounts of the book whose cached balance differs from the sum of their postings: none, if all is well. */
export async function balanceDrift(db: Db, bookId: number) {
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('postings', 'postings.account_id', 'accounts.id')
    .select((eb) => ['accounts.id', 'accounts.balance', sumMinor(eb.ref('postings.amount')).as('summed')])
    .where('accounts.book_id', '=', bookId)
    .groupBy(['accounts.id', 'accounts.balance'])
    .execute();
  return rows
    .filter((row) => toMinor(row.balance) !== toMinor(row.summed))
    .map((row) => ({ accountId: row.id, cached: toMinor(row.balance), summed: toMinor(row.summed) }));
}

/** A new user, logged in, with `role` in the book. */
export async function memberWithRole(app: App, db: Db, bookId: number, role: Role): Promise<Client> {
  const client = await signUp(app, `A ${role}`);
  await db
    .insertInto('book_members')
    .values({ book_id: bookId, user_id: client.user!.id, role, created_at: NOW })
    .execute();
  return client;
}
