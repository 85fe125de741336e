import type { MoneyJson } from '../../../contract/common.ts';
import { atField, fail } from '../../../core/errors.ts';
import {
  type AccountSubtype,
  type AccountType,
  checkSubtype,
  defaultSubtype,
} from '../../../core/ledger/account.ts';
import { balancePostings } from '../../../core/ledger/transaction.ts';
import { currency, isZero, negate } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromFlag } from '../../../db/values.ts';
import { fromMoneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { movePartners, rebuildEnvelopeYears, touchEnvelopeYears } from '../envelope/years.ts';
import { deleteTransactions, insertTransaction } from '../transactions/ledger-writes.ts';
import { type AccountRow, getAccountRow, hasPostings, loadPostingAccounts, nameTaken } from './queries.ts';
import { systemAccount } from './system-accounts.ts';

export const BALANCE_SHEET_TYPES = ['asset', 'liability', 'equity'] as const;
export const CATEGORY_TYPES = ['income', 'expense'] as const;

/** Accounts and categories have separate name spaces: an account and a category may share a name. */
export function familyOf(type: AccountType): readonly AccountType[] {
  return type === 'income' || type === 'expense' ? CATEGORY_TYPES : BALANCE_SHEET_TYPES;
}

export async function requireAccount(db: Db, bookId: number, id: number): Promise<AccountRow> {
  const row = await getAccountRow(db, bookId, id);
  if (!row) fail('NOT_FOUND', `There is no account ${id} in this book.`);
  return row;
}

export async function checkName(
  db: Db,
  bookId: number,
  name: string,
  type: AccountType,
  exceptId: number | null,
) {
  if (await nameTaken(db, bookId, name, familyOf(type), exceptId)) {
    fail('NAME_TAKEN', `“${name}” is already used in this book.`, [
      { field: '/name', code: 'NAME_TAKEN', message: 'Already used.' },
    ]);
  }
}

/** A parent must be another account of the same type in the book, and not a descendant. */
async function checkParent(
  db: Db,
  bookId: number,
  type: AccountType,
  parentId: number,
  selfId: number | null,
) {
  function invalid(message: string): never {
    fail('INVALID_PARENT', message, [{ field: '/parentId', code: 'INVALID_PARENT', message }]);
  }
  let cursor: AccountRow | undefined = await getAccountRow(db, bookId, parentId);
  if (!cursor) invalid(`There is no account ${parentId} in this book.`);
  if (cursor.type !== type) invalid(`The parent must be an ${type} account too.`);
  for (let depth = 0; cursor; depth++) {
    if (cursor.id === selfId || depth > 50) invalid('An account cannot be its own ancestor.');
    cursor = cursor.parent_id === null ? undefined : await getAccountRow(db, bookId, cursor.parent_id);
  }
}

export interface NewAccountInput {
  name: string;
  type: AccountType;
  subtype?: AccountSubtype | undefined;
  currency?: string | undefined;
  parentId?: number | null | undefined;
  groupId?: number | null | undefined;
  notes?: string | null | undefined;
  openingBalance?: MoneyJson | undefined;
  openingDate?: string | undefined;
}

/** Inserts an account row after checking name, kind and parent; no opening balance. */
export async function insertAccount(
  db: Db,
  scope: BookScope,
  input: NewAccountInput,
  now: string,
): Promise<AccountRow> {
  const name = input.name.trim();
  const code = atField('/currency', () => currency(input.currency ?? scope.baseCurrency));
  const subtype = input.subtype ?? defaultSubtype(input.type);
  atField('/subtype', () => checkSubtype(input.type, subtype));
  await checkName(db, scope.bookId, name, input.type, null);
  if (input.parentId) await checkParent(db, scope.bookId, input.type, input.parentId, null);
  return db
    .insertInto('accounts')
    .values({
      book_id: scope.bookId,
      ...nameColumns(name),
      type: input.type,
      subtype,
      currency: code,
      parent_id: input.parentId ?? null,
      group_id: input.groupId ?? null,
      notes: input.notes ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Creates a balance-sheet account and posts its opening balance against equity. */
export async function createAccount(
  db: Db,
  scope: BookScope,
  input: NewAccountInput,
  now: string,
): Promise<AccountRow> {
  const openingBalance = input.openingBalance && fromMoneyJson(input.openingBalance, '/openingBalance');
  return inTransaction(db, async (trx) => {
    const account = await insertAccount(trx, scope, input, now);
    if (openingBalance && !isZero(openingBalance)) {
      if (openingBalance.currency !== account.currency) {
        const message = `The account holds ${account.currency}; give its opening balance in ${account.currency}.`;
        fail('CURRENCY_MISMATCH', message, [
          { field: '/openingBalance/currency', code: 'CURRENCY_MISMATCH', message },
        ]);
      }
      const equityId = await systemAccount(trx, scope, 'opening_balances', openingBalance.currency, now);
      const accounts = await loadPostingAccounts(trx, scope.bookId, [account.id, equityId]);
      const balanced = balancePostings(
        [
          { accountId: account.id, amount: openingBalance },
          { accountId: equityId, amount: negate(openingBalance) },
        ],
        accounts,
        // Opening balances post against the equity account even if someone archived it.
        { keptAccountIds: new Set([equityId]) },
      );
      const header = {
        date: input.openingDate ?? now.slice(0, 10),
        payeeId: null,
        description: 'Opening balance',
        notes: null,
        status: 'reconciled' as const,
      };
      await insertTransaction(trx, scope.bookId, scope.userId, header, balanced, [], now);
    }
    return (await getAccountRow(trx, scope.bookId, account.id))!;
  });
}

export interface AccountPatchInput {
  name?: string | undefined;
  subtype?: AccountSubtype | undefined;
  currency?: string | undefined;
  parentId?: number | null | undefined;
  groupId?: number | null | undefined;
  notes?: string | null | undefined;
  hidden?: boolean | undefined;
}

export async function updateAccount(
  db: Db,
  scope: BookScope,
  id: number,
  patch: AccountPatchInput,
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const account = await requireAccount(trx, scope.bookId, id);
    const type = account.type;
    if (patch.name !== undefined) await checkName(trx, scope.bookId, patch.name.trim(), type, id);
    if (patch.subtype !== undefined) atField('/subtype', () => checkSubtype(type, patch.subtype!));
    if (patch.parentId) await checkParent(trx, scope.bookId, type, patch.parentId, id);
    const code = patch.currency && atField('/currency', () => currency(patch.currency!));
    if (code && code !== account.currency && (await hasPostings(trx, id))) {
      fail('ACCOUNT_IN_USE', 'The account has postings; its currency cannot change.', [
        { field: '/currency', code: 'ACCOUNT_IN_USE', message: 'The account has postings.' },
      ]);
    }
    await trx
      .updateTable('accounts')
      .set({
        ...(patch.name !== undefined && nameColumns(patch.name)),
        ...(patch.subtype !== undefined && { subtype: patch.subtype }),
        ...(code && { currency: code }),
        ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
        ...(patch.groupId !== undefined && { group_id: patch.groupId }),
        ...(patch.notes !== undefined && { notes: patch.notes }),
        ...(patch.hidden !== undefined && { hidden: fromFlag(patch.hidden) }),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    // An envelope move counts when both its categories hold one currency.
    if (code && code !== account.currency && type === 'expense')
      await rebuildEnvelopeYears(trx, scope.bookId);
    return (await getAccountRow(trx, scope.bookId, id))!;
  });
}

export async function setArchived(db: Db, scope: BookScope, id: number, archived: boolean, now: string) {
  await requireAccount(db, scope.bookId, id);
  await db
    .updateTable('accounts')
    .set({ archived: fromFlag(archived), updated_at: now })
    .where('id', '=', id)
    .execute();
  return (await getAccountRow(db, scope.bookId, id))!;
}

/**
 * Deletes an account. One with postings is refused (archive it instead) unless
 * `deleteTransactions` is set: then every transaction touching it goes too.
 */
export async function deleteAccount(
  db: Db,
  scope: BookScope,
  id: number,
  withTransactions: boolean,
  now: string,
) {
  await inTransaction(db, async (trx) => {
    await requireAccount(trx, scope.bookId, id);
    if (await hasPostings(trx, id)) {
      if (!withTransactions) {
        fail(
          'ACCOUNT_IN_USE',
          'The account has transactions: archive it, or delete it with deleteTransactions=true.',
        );
      }
      const rows = await trx
        .selectFrom('postings')
        .select('transaction_id')
        .distinct()
        .where('account_id', '=', id)
        .execute();
      await deleteTransactions(
        trx,
        scope.bookId,
        rows.map((row) => row.transaction_id),
        now,
      );
    }
    const children = await trx
      .selectFrom('accounts')
      .select('id')
      .where('parent_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (children)
      fail('ACCOUNT_IN_USE', 'Other accounts are grouped under this one; move or delete them first.');
    await trx
      .updateTable('payees')
      .set({ default_category_id: null })
      .where('default_category_id', '=', id)
      .execute();
    // Its envelope moves go with it (foreign keys cascade): the other categories' years change.
    const partners = await movePartners(trx, id);
    await trx.deleteFrom('accounts').where('id', '=', id).execute();
    await touchEnvelopeYears(trx, scope.bookId, partners);
  });
}
