import { type Selectable, type SqlBool, sql } from 'kysely';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { fail } from '../../../core/errors.ts';
import type { AccountSubtype } from '../../../core/ledger/account.ts';
import type { PostingAccount } from '../../../core/ledger/transaction.ts';
import { type CurrencyCode, MAX_MINOR } from '../../../core/money/index.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import type { AccountTable } from '../../../db/schema.ts';
import { toFlag, toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';
import { accountSums } from './account-sums.ts';

export type AccountRow = Selectable<AccountTable>;

/** An account as the API shows it. */
export function accountJson(row: AccountRow) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    subtype: row.subtype as AccountSubtype | null,
    currency: row.currency,
    parentId: row.parent_id,
    groupId: row.group_id,
    role: row.role,
    notes: row.notes,
    archived: toFlag(row.archived),
    hidden: toFlag(row.hidden),
    balance: moneyJson(toMinor(row.balance), row.currency),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listAccounts(
  db: Db,
  bookId: number,
  filter: { types: readonly AccountTable['type'][]; includeArchived: boolean },
): Promise<AccountRow[]> {
  let query = db
    .selectFrom('accounts')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('type', 'in', filter.types);
  if (!filter.includeArchived) query = query.where('archived', '=', 0);
  return query.orderBy('type').orderBy('name').orderBy('id').execute();
}

export function getAccountRow(db: Db, bookId: number, id: number): Promise<AccountRow | undefined> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The accounts of `ids` in this book, as the ledger core needs them; others are simply absent. */
export async function loadPostingAccounts(
  db: Db,
  bookId: number,
  ids: readonly number[],
): Promise<Map<number, PostingAccount>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'currency', 'archived'])
    .where('book_id', '=', bookId)
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, currency: row.currency as CurrencyCode, archived: toFlag(row.archived) },
    ]),
  );
}

/** Σ amount of an account's postings up to and including `date`: its monthly roll-ups and the month so far. */
export async function balanceAt(db: Db, bookId: number, accountId: number, date: IsoDate): Promise<bigint> {
  const sums = await accountSums(
    db,
    bookId,
    { from: null, to: date },
    { accountIds: [accountId] },
    { perMonth: false },
  );
  return sums[0]?.total ?? 0n;
}

export async function hasPostings(db: Db, accountId: number): Promise<boolean> {
  const row = await db
    .selectFrom('postings')
    .select('id')
    .where('account_id', '=', accountId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds each delta to its account's cached balance (same database transaction as the postings).
 * A balance may not pass MAX_MINOR either, so it always reads back exactly, even as a JS number.
 */
export async function adjustBalances(
  db: Db,
  deltas: ReadonlyMap<number, bigint>,
  now: string,
): Promise<void> {
  for (const [accountId, delta] of deltas) {
    if (delta === 0n) continue;
    const result = await db
      .updateTable('accounts')
      .set({ balance: sql`balance + ${delta}`, updated_at: now })
      .where('id', '=', accountId)
      .where(sql<SqlBool>`abs(balance + ${delta}) <= ${MAX_MINOR}`)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      fail(
        'AMOUNT_OUT_OF_RANGE',
        `Account ${accountId}'s balance would grow beyond ${MAX_MINOR} minor units.`,
      );
    }
  }
}

/** Whether another account of the same family (balance sheet, or categories) already has this name. */
export async function nameTaken(
  db: Db,
  bookId: number,
  name: string,
  types: readonly AccountTable['type'][],
  exceptId: number | null,
): Promise<boolean> {
  let query = db
    .selectFrom('accounts')
    .select('id')
    .where('book_id', '=', bookId)
    .where('type', 'in', types)
    .where('name_key', '=', foldText(name.trim()));
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
