import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { requireCategoryAt } from '../categories/service.ts';
import { checkNameFree } from '../named-rows.ts';
import { getPayee, type PayeeRow, reassignTransactions } from './queries.ts';

export async function requirePayee(db: Db, bookId: number, id: number): Promise<PayeeRow> {
  const row = await getPayee(db, bookId, id);
  if (!row) fail('NOT_FOUND', `There is no payee ${id} in this book.`);
  return row;
}

export interface PayeeInput {
  name?: string | undefined;
  defaultCategoryId?: number | null | undefined;
}

/** Checks a new or changed payee's name and default category; returns the trimmed name. */
async function checkPayee(db: Db, bookId: number, input: PayeeInput, exceptId: number | null) {
  const name = input.name?.trim();
  if (name !== undefined) await checkNameFree(db, 'payees', bookId, name, exceptId);
  if (input.defaultCategoryId) {
    await requireCategoryAt(db, bookId, input.defaultCategoryId, '/defaultCategoryId');
  }
  return name;
}

export async function createPayee(
  db: Db,
  scope: BookScope,
  input: PayeeInput & { name: string },
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const name = (await checkPayee(trx, scope.bookId, input, null))!;
    return trx
      .insertInto('payees')
      .values({
        book_id: scope.bookId,
        ...nameColumns(name),
        default_category_id: input.defaultCategoryId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export async function updatePayee(db: Db, scope: BookScope, id: number, patch: PayeeInput, now: string) {
  return inTransaction(db, async (trx) => {
    await requirePayee(trx, scope.bookId, id);
    const name = await checkPayee(trx, scope.bookId, patch, id);
    return trx
      .updateTable('payees')
      .set({
        ...(name !== undefined && nameColumns(name)),
        ...(patch.defaultCategoryId !== undefined && { default_category_id: patch.defaultCategoryId }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/** Deletes a payee; its transactions stay, without a payee (the foreign key sets it null). */
export async function deletePayee(db: Db, scope: BookScope, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requirePayee(trx, scope.bookId, id);
    await trx.deleteFrom('payees').where('id', '=', id).execute();
  });
}

/**
 * Merges a payee into another: its transactions move over, the target adopts its default
 * category when it has none, and the merged payee is deleted. Answers the target.
 */
export async function mergePayee(db: Db, scope: BookScope, id: number, intoId: number, now: string) {
  return inTransaction(db, async (trx) => {
    const source = await requirePayee(trx, scope.bookId, id);
    const target = await getPayee(trx, scope.bookId, intoId);
    const refuse = (code: 'UNKNOWN_PAYEE' | 'VALIDATION_FAILED', message: string): never =>
      fail(code, message, [{ field: '/into', code, message }]);
    if (!target) refuse('UNKNOWN_PAYEE', `There is no payee ${intoId} in this book.`);
    if (intoId === id) refuse('VALIDATION_FAILED', 'A payee cannot be merged into itself.');
    await reassignTransactions(trx, scope.bookId, id, intoId);
    await trx.deleteFrom('payees').where('id', '=', id).execute();
    return trx
      .updateTable('payees')
      .set({
        default_category_id: target!.default_category_id ?? source.default_category_id,
        updated_at: now,
      })
      .where('id', '=', intoId)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
