import { recreation } from '../../../contract/recreation.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField, type FieldError, fail, underField } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { getAccountRow } from '../accounts/queries.ts';
import { raiseBudgetAlerts } from '../budgets/alerts.ts';
import { existingPayeeIds } from '../payees/queries.ts';
import { existingTagIds } from '../tags/queries.ts';
import { deleteTransactions, lockTransaction } from './ledger-writes.ts';
import { getTransaction, type TransactionJson } from './queries.ts';
import { createTransaction, type TransactionInput, updateTransaction } from './service.ts';

/** What a bulk update changes in every transaction it names. */
export interface BulkChange {
  categoryId?: number | undefined;
  payeeId?: number | null | undefined;
  payeeName?: string | undefined;
  status?: TransactionInput['status'];
  date?: string | undefined;
  addTagIds?: number[] | undefined;
  removeTagIds?: number[] | undefined;
}

/** A transaction as it was, in the shape a restore writes back (the API's `RestoredTransaction`). */
export type Restorable = TransactionInput & {
  id: number;
  date: string;
  postings: NonNullable<TransactionInput['postings']>;
};

export interface BulkResult {
  transactions: TransactionJson[];
  previous: Restorable[];
}

/** The request that writes `transaction` back exactly as it is now, over its own id. */
export function restorable(transaction: TransactionJson): Restorable {
  return { id: transaction.id, ...recreation(transaction) };
}

/**
 * Applies one change to many transactions in one database transaction, each through the same
 * update as a single edit (balances, roll-ups and budgets follow). Everything is checked before
 * anything is written: a transaction that is not the book's, or that has no single category to
 * change, refuses the whole request, each problem at its index in `ids`.
 */
export async function updateTransactions(
  db: Db,
  scope: BookScope,
  ids: readonly number[],
  change: BulkChange,
  now: string,
): Promise<BulkResult> {
  if (change.date !== undefined) atField('/set/date', () => isoDate(change.date!));
  return inTransaction(db, async (trx) => {
    await checkChange(trx, scope, change);
    const before = await lockAll(trx, scope, ids, now);
    const categories =
      change.categoryId === undefined ? null : await categoryPostings(trx, scope, before, change.categoryId);
    const transactions: TransactionJson[] = [];
    for (const [index, existing] of before.entries()) {
      const tags = new Set(existing.tags.map((tag) => tag.id));
      for (const id of change.addTagIds ?? []) tags.add(id);
      for (const id of change.removeTagIds ?? []) tags.delete(id);
      const patch: TransactionInput = {
        date: change.date,
        payeeId: change.payeeId,
        payeeName: change.payeeName,
        status: change.status,
        ...((change.addTagIds || change.removeTagIds) && { tagIds: [...tags] }),
        ...(categories && {
          postings: restorable(existing).postings.map((posting, p) =>
            p === categories[index] ? { ...posting, accountId: change.categoryId! } : posting,
          ),
        }),
      };
      transactions.push(
        await underField(`/ids/${index}`, () => updateTransaction(trx, scope, existing.id, patch, now)),
      );
    }
    return { transactions, previous: before.map(restorable) };
  });
}

/** Deletes many transactions in one database transaction; `previous` writes them back. */
export async function deleteManyTransactions(
  db: Db,
  scope: BookScope,
  ids: readonly number[],
  now: string,
): Promise<BulkResult> {
  return inTransaction(db, async (trx) => {
    const before = await lockAll(trx, scope, ids, now);
    await deleteTransactions(trx, scope.bookId, [...ids], now);
    await raiseBudgetAlerts(trx, scope.bookId, before, now);
    return { transactions: [], previous: before.map(restorable) };
  });
}

/**
 * Writes transactions back as they were (the `previous` of a bulk change): over the one with the same
 * id where it still exists, as a new transaction where it was deleted. `previous` holds those that existed.
 */
export async function restoreTransactions(
  db: Db,
  scope: BookScope,
  items: readonly Restorable[],
  now: string,
): Promise<BulkResult> {
  return inTransaction(db, async (trx) => {
    const result: BulkResult = { transactions: [], previous: [] };
    for (const [index, { id, ...fields }] of items.entries()) {
      const existing = (await lockTransaction(trx, scope.bookId, id, now))
        ? await getTransaction(trx, scope.bookId, id)
        : undefined;
      if (existing) {
        result.previous.push(restorable(existing));
        // What the item leaves out, it has not: no payee, notes or tags, an empty description.
        const cleared = {
          notes: null,
          tagIds: [],
          description: '',
          ...(fields.payeeName === undefined && { payeeId: null }),
        };
        const patch = { ...cleared, ...fields };
        const at = `/transactions/${index}`;
        result.transactions.push(await underField(at, () => updateTransaction(trx, scope, id, patch, now)));
      } else {
        const at = `/transactions/${index}`;
        result.transactions.push(await underField(at, () => createTransaction(trx, scope, fields, now)));
      }
    }
    return result;
  });
}

/** The payee and tags a change names must be the book's: refused at their place in `set`. */
async function checkChange(trx: Db, scope: BookScope, change: BulkChange): Promise<void> {
  const errors: FieldError[] = [];
  if (change.payeeId) {
    if (!(await existingPayeeIds(trx, scope.bookId, [change.payeeId])).has(change.payeeId)) {
      const message = `There is no payee ${change.payeeId} in this book.`;
      errors.push({ field: '/set/payeeId', code: 'UNKNOWN_PAYEE', message });
    }
  }
  for (const name of ['addTagIds', 'removeTagIds'] as const) {
    const ids = change[name] ?? [];
    const found = ids.length > 0 ? await existingTagIds(trx, scope.bookId, ids) : new Set<number>();
    for (const [index, id] of ids.entries()) {
      if (!found.has(id))
        errors.push({
          field: `/set/${name}/${index}`,
          code: 'UNKNOWN_TAG',
          message: `There is no tag ${id} in this book.`,
        });
    }
  }
  if (errors.length > 0) {
    const codes = new Set(errors.map((error) => error.code));
    fail(codes.size === 1 ? errors[0]!.code : 'VALIDATION_FAILED', errors[0]!.message, errors);
  }
}

/** Locks and reads every transaction of `ids` in the book, or refuses the ones it lacks by index. */
async function lockAll(
  trx: Db,
  scope: BookScope,
  ids: readonly number[],
  now: string,
): Promise<TransactionJson[]> {
  const found: TransactionJson[] = [];
  const errors: FieldError[] = [];
  for (const [index, id] of ids.entries()) {
    const transaction = (await lockTransaction(trx, scope.bookId, id, now))
      ? await getTransaction(trx, scope.bookId, id)
      : undefined;
    if (transaction) found.push(transaction);
    else {
      const message = `There is no transaction ${id} in this book.`;
      errors.push({ field: `/ids/${index}`, code: 'NOT_FOUND', message });
    }
  }
  if (errors.length > 0) fail('NOT_FOUND', errors[0]!.message, errors.slice(0, 100));
  return found;
}

/**
 * For each transaction, the index of its one category posting, which a bulk category change moves
 * to `categoryId`; a transaction with none (a transfer) or several (a split), or whose category is in
 * another currency than the new one, refuses the request.
 */
async function categoryPostings(
  trx: Db,
  scope: BookScope,
  transactions: readonly TransactionJson[],
  categoryId: number,
): Promise<number[]> {
  const target = await getAccountRow(trx, scope.bookId, categoryId);
  if (!target || (target.type !== 'income' && target.type !== 'expense')) {
    const message = `There is no category ${categoryId} in this book.`;
    fail('UNKNOWN_ACCOUNT', message, [{ field: '/set/categoryId', code: 'UNKNOWN_ACCOUNT', message }]);
  }
  if (target.archived) {
    const message = `${target.name} is archived; unarchive it to post to it.`;
    fail('ACCOUNT_ARCHIVED', message, [{ field: '/set/categoryId', code: 'ACCOUNT_ARCHIVED', message }]);
  }
  const kinds = new Map<number, string>();
  const errors: FieldError[] = [];
  const indexes: number[] = [];
  for (const [index, transaction] of transactions.entries()) {
    const found: number[] = [];
    for (const [p, posting] of transaction.postings.entries()) {
      if (!kinds.has(posting.accountId))
        kinds.set(posting.accountId, (await getAccountRow(trx, scope.bookId, posting.accountId))!.type);
      const kind = kinds.get(posting.accountId);
      if (kind === 'income' || kind === 'expense') found.push(p);
    }
    const field = `/ids/${index}`;
    if (found.length !== 1) {
      const message = `Transaction ${transaction.id} ${found.length === 0 ? 'has no category (a transfer)' : 'is split'}: change it on its own.`;
      errors.push({ field, code: 'VALIDATION_FAILED', message });
    } else if (transaction.postings[found[0]!]!.amount.currency !== target.currency) {
      const message = `Transaction ${transaction.id} is in ${transaction.postings[found[0]!]!.amount.currency}; ${target.name} holds ${target.currency}.`;
      errors.push({ field, code: 'CURRENCY_MISMATCH', message });
    }
    indexes.push(found[0] ?? -1);
  }
  if (errors.length > 0) {
    const codes = new Set(errors.map((error) => error.code));
    fail(codes.size === 1 ? errors[0]!.code : 'VALIDATION_FAILED', errors[0]!.message, errors.slice(0, 100));
  }
  return indexes;
}
