import type { MoneyJson } from '../../../contract/common.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField, type FieldError, fail } from '../../../core/errors.ts';
import { balancePostings, type PostingDraft } from '../../../core/ledger/transaction.ts';
import { currency } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromMoneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { loadPostingAccounts } from '../accounts/queries.ts';
import { raiseBudgetAlerts } from '../budgets/alerts.ts';
import { existingPayeeIds, findOrCreatePayee } from '../payees/queries.ts';
import { existingTagIds } from '../tags/queries.ts';
import {
  deleteTransactions,
  insertTransaction,
  lockTransaction,
  replaceTransaction,
  type TransactionHeader,
} from './ledger-writes.ts';
import { getTransaction, type TransactionJson } from './queries.ts';

export interface PostingInput {
  accountId: number;
  amount?: MoneyJson | undefined;
  value?: MoneyJson | undefined;
  memo?: string | null | undefined;
}

export interface TransactionInput {
  date?: string | undefined;
  currency?: string | undefined;
  payeeId?: number | null | undefined;
  payeeName?: string | undefined;
  description?: string | undefined;
  notes?: string | null | undefined;
  status?: TransactionHeader['status'] | undefined;
  tagIds?: number[] | undefined;
  postings?: PostingInput[] | undefined;
}

function toDrafts(postings: readonly PostingInput[]): PostingDraft[] {
  return postings.map((posting, index) => ({
    accountId: posting.accountId,
    amount: posting.amount && fromMoneyJson(posting.amount, `/postings/${index}/amount`),
    value: posting.value && fromMoneyJson(posting.value, `/postings/${index}/value`),
    memo: posting.memo?.trim() || null,
  }));
}

/** The payee a transaction names: an existing id of the book, or a name found or created. */
async function resolvePayee(
  db: Db,
  scope: BookScope,
  input: TransactionInput,
  now: string,
): Promise<number | null | undefined> {
  if (input.payeeId !== undefined && input.payeeName !== undefined) {
    const message = 'Give payeeId or payeeName, not both.';
    fail('VALIDATION_FAILED', message, [{ field: '/payeeName', code: 'VALIDATION_FAILED', message }]);
  }
  if (input.payeeName !== undefined) return findOrCreatePayee(db, scope.bookId, input.payeeName, now);
  if (input.payeeId) {
    const found = await existingPayeeIds(db, scope.bookId, [input.payeeId]);
    if (!found.has(input.payeeId)) {
      const message = `There is no payee ${input.payeeId} in this book.`;
      fail('UNKNOWN_PAYEE', message, [{ field: '/payeeId', code: 'UNKNOWN_PAYEE', message }]);
    }
  }
  return input.payeeId;
}

async function checkTags(db: Db, scope: BookScope, tagIds: readonly number[]): Promise<void> {
  if (tagIds.length === 0) return;
  const found = await existingTagIds(db, scope.bookId, tagIds);
  const errors: FieldError[] = tagIds.flatMap((id, index) =>
    found.has(id)
      ? []
      : [
          {
            field: `/tagIds/${index}`,
            code: 'UNKNOWN_TAG' as const,
            message: `There is no tag ${id} in this book.`,
          },
        ],
  );
  if (errors.length > 0) fail('UNKNOWN_TAG', errors[0]!.message, errors);
}

/** Creates a balanced transaction in the book; nothing is written unless all of it is valid. */
export async function createTransaction(
  db: Db,
  scope: BookScope,
  input: TransactionInput,
  now: string,
): Promise<TransactionJson> {
  const date = atField('/date', () => isoDate(input.date ?? ''));
  const code =
    input.currency === undefined ? undefined : atField('/currency', () => currency(input.currency!));
  const drafts = toDrafts(input.postings ?? []);
  return inTransaction(db, async (trx) => {
    const accounts = await loadPostingAccounts(
      trx,
      scope.bookId,
      drafts.map((d) => d.accountId),
    );
    const balanced = balancePostings(drafts, accounts, { currency: code });
    await checkTags(trx, scope, input.tagIds ?? []);
    const payeeId = (await resolvePayee(trx, scope, input, now)) ?? null;
    const header: TransactionHeader = {
      date,
      payeeId,
      description: input.description?.trim() ?? '',
      notes: input.notes ?? null,
      status: input.status ?? 'pending',
    };
    const id = await insertTransaction(
      trx,
      scope.bookId,
      scope.userId,
      header,
      balanced,
      input.tagIds ?? [],
      now,
    );
    const created = (await getTransaction(trx, scope.bookId, id))!;
    await raiseBudgetAlerts(trx, scope.bookId, [created], now);
    return created;
  });
}

function missing(id: number): never {
  fail('NOT_FOUND', `There is no transaction ${id} in this book.`);
}

export async function requireTransaction(db: Db, bookId: number, id: number): Promise<TransactionJson> {
  return (await getTransaction(db, bookId, id)) ?? missing(id);
}

/**
 * Changes a transaction. Fields left out stay as they are; postings given replace all of them.
 * Accounts it already posted to may stay even if archived since.
 */
export async function updateTransaction(
  db: Db,
  scope: BookScope,
  id: number,
  patch: TransactionInput,
  now: string,
): Promise<TransactionJson> {
  const date = patch.date === undefined ? undefined : atField('/date', () => isoDate(patch.date!));
  const code =
    patch.currency === undefined ? undefined : atField('/currency', () => currency(patch.currency!));
  const drafts = patch.postings && toDrafts(patch.postings);
  return inTransaction(db, async (trx) => {
    if (!(await lockTransaction(trx, scope.bookId, id, now))) missing(id);
    const existing = await requireTransaction(trx, scope.bookId, id);
    const keptAccountIds = new Set(existing.postings.map((p) => p.accountId));
    const postings: PostingDraft[] =
      drafts ??
      existing.postings.map((p) => ({
        accountId: p.accountId,
        amount: fromMoneyJson(p.amount, ''),
        value: fromMoneyJson(p.value, ''),
        memo: p.memo,
      }));
    const accounts = await loadPostingAccounts(
      trx,
      scope.bookId,
      postings.map((d) => d.accountId),
    );
    const balanced = balancePostings(postings, accounts, {
      currency: code ?? (drafts ? undefined : currency(existing.currency)),
      keptAccountIds,
    });
    if (patch.tagIds) await checkTags(trx, scope, patch.tagIds);
    const payeeId = await resolvePayee(trx, scope, patch, now);
    const header: TransactionHeader = {
      date: date ?? existing.date,
      payeeId: payeeId === undefined ? (existing.payee?.id ?? null) : payeeId,
      description: patch.description?.trim() ?? existing.description,
      notes: patch.notes === undefined ? existing.notes : patch.notes,
      status: patch.status ?? existing.status,
    };
    const tagIds = patch.tagIds ?? existing.tags.map((tag) => tag.id);
    await replaceTransaction(trx, scope.bookId, scope.userId, id, header, balanced, tagIds, now);
    const updated = (await getTransaction(trx, scope.bookId, id))!;
    await raiseBudgetAlerts(trx, scope.bookId, [existing, updated], now);
    return updated;
  });
}

export async function removeTransaction(db: Db, scope: BookScope, id: number, now: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await lockTransaction(trx, scope.bookId, id, now))) missing(id);
    const deleted = await requireTransaction(trx, scope.bookId, id);
    await deleteTransactions(trx, scope.bookId, [id], now);
    await raiseBudgetAlerts(trx, scope.bookId, [deleted], now);
  });
}
