import type { Static } from 'typebox';
import type { Recurrence as RecurrenceSchema } from '../../../contract/budgets.ts';
import type { MoneyJson } from '../../../contract/common.ts';
import { checkRecurrence, type Recurrence, type RolloverMode } from '../../../core/budget/index.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField, type ErrorCode, type FieldError, fail, MonetaError } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromMoneyJson, moneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import { getAccountRow } from '../accounts/queries.ts';
import { requireGroupOfKind } from '../category-groups/service.ts';
import { type LoadedBudget, loadBudgets, loadExpenseCategories } from './queries.ts';

export interface BudgetInput {
  name?: string | undefined;
  categoryId?: number | undefined;
  groupId?: number | undefined;
  recurrence?: Static<typeof RecurrenceSchema> | undefined;
  rollover?: RolloverMode | undefined;
  amounts?: { from: string; amount: MoneyJson }[] | undefined;
}

export function budgetJson(budget: LoadedBudget) {
  const { row } = budget;
  return {
    id: row.id,
    name: row.name,
    categoryId: row.category_id,
    groupId: row.group_id,
    recurrence: budget.recurrence,
    rollover: row.rollover,
    currency: row.currency,
    amounts: budget.amounts.map(({ from, amount }) => ({ from, amount: moneyJson(amount, row.currency) })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function requireBudget(db: Db, bookId: number, id: number): Promise<LoadedBudget> {
  const [budget] = await loadBudgets(db, bookId, id);
  if (!budget) fail('NOT_FOUND', `There is no budget ${id} in this book.`);
  return budget;
}

function refuse(code: ErrorCode, field: string, message: string): never {
  fail(code, message, [{ field, code, message }]);
}

/** The core's recurrence checks, with their fields placed under /recurrence. */
function checkedRecurrence(input: Static<typeof RecurrenceSchema>): Recurrence {
  const recurrence = input as Recurrence;
  try {
    for (const key of ['anchor', 'start', 'end'] as const) {
      const value = (recurrence as Record<string, unknown>)[key];
      if (typeof value === 'string') atField(`/recurrence/${key}`, () => isoDate(value));
    }
    return checkRecurrence(recurrence);
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    const errors = error.fieldErrors.map((e) => ({
      ...e,
      field: e.field.startsWith('/recurrence') ? e.field : `/recurrence${e.field}`,
    }));
    throw new MonetaError(error.code, error.message, errors);
  }
}

/**
 * The currencies a target's budget may be in: a category's own; for a group the book's base
 * currency or one of its categories'. Checks that the target is an expense category or group of the book.
 */
async function targetCurrencies(
  db: Db,
  scope: BookScope,
  categoryId: number | undefined,
  groupId: number | undefined,
) {
  if ((categoryId === undefined) === (groupId === undefined)) {
    refuse('VALIDATION_FAILED', '/categoryId', 'Give exactly one of categoryId and groupId.');
  }
  if (categoryId !== undefined) {
    const row = await getAccountRow(db, scope.bookId, categoryId);
    if (!row || (row.type !== 'expense' && row.type !== 'income')) {
      refuse('UNKNOWN_ACCOUNT', '/categoryId', `There is no category ${categoryId} in this book.`);
    }
    if (row.type !== 'expense')
      refuse(
        'INVALID_ACCOUNT_KIND',
        '/categoryId',
        `${row.name} is an income category; budgets limit spending.`,
      );
    return [row.currency];
  }
  await requireGroupOfKind(db, scope.bookId, groupId!, 'expense', '/groupId');
  const categories = await loadExpenseCategories(db, scope.bookId);
  return [scope.baseCurrency, ...categories.filter((c) => c.groupId === groupId).map((c) => c.currency)];
}

function parseAmount(input: { from: string; amount: MoneyJson }, at: string, currencies: readonly string[]) {
  const from = atField(`${at}/from`, () => isoDate(input.from));
  const amount = fromMoneyJson(input.amount, `${at}/amount`);
  if (!currencies.includes(amount.currency)) {
    refuse(
      'CURRENCY_MISMATCH',
      `${at}/amount/currency`,
      `The budget is in ${currencies.join(' or ')}, not ${amount.currency}.`,
    );
  }
  if (amount.minor < 0n) refuse('INVALID_AMOUNT', `${at}/amount/amount`, 'A limit cannot be negative.');
  return { from, amount };
}

export async function createBudget(db: Db, scope: BookScope, input: BudgetInput, now: string) {
  const recurrence = checkedRecurrence(input.recurrence!);
  return inTransaction(db, async (trx) => {
    const currencies = await targetCurrencies(trx, scope, input.categoryId, input.groupId);
    const amounts = (input.amounts ?? []).map((a, i) => parseAmount(a, `/amounts/${i}`, currencies));
    const currency = amounts[0]!.amount.currency;
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    amounts.forEach(({ from, amount }, i) => {
      if (amount.currency !== currency)
        errors.push({
          field: `/amounts/${i}/amount/currency`,
          code: 'CURRENCY_MISMATCH',
          message: `All amounts must be in ${currency}.`,
        });
      if (seen.has(from))
        errors.push({
          field: `/amounts/${i}/from`,
          code: 'VALIDATION_FAILED',
          message: `Two amounts start on ${from}.`,
        });
      seen.add(from);
    });
    if (errors.length > 0) fail(errors[0]!.code, errors[0]!.message, errors);
    const { id } = await trx
      .insertInto('budgets')
      .values({
        book_id: scope.bookId,
        name: input.name!.trim(),
        category_id: input.categoryId ?? null,
        group_id: input.groupId ?? null,
        recurrence: JSON.stringify(recurrence),
        rollover: input.rollover ?? 'none',
        currency,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('budget_amounts')
      .values(amounts.map(({ from, amount }) => ({ budget_id: id, from_date: from, amount: amount.minor })))
      .execute();
    return requireBudget(trx, scope.bookId, id);
  });
}

export async function updateBudget(db: Db, scope: BookScope, id: number, patch: BudgetInput, now: string) {
  const recurrence = patch.recurrence && checkedRecurrence(patch.recurrence);
  return inTransaction(db, async (trx) => {
    const budget = await requireBudget(trx, scope.bookId, id);
    const retarget = patch.categoryId !== undefined || patch.groupId !== undefined;
    if (retarget) {
      const currencies = await targetCurrencies(trx, scope, patch.categoryId, patch.groupId);
      if (!currencies.includes(budget.row.currency)) {
        const field = patch.categoryId !== undefined ? '/categoryId' : '/groupId';
        refuse('CURRENCY_MISMATCH', field, `The budget is in ${budget.row.currency}; that target is not.`);
      }
    }
    await trx
      .updateTable('budgets')
      .set({
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(retarget && { category_id: patch.categoryId ?? null, group_id: patch.groupId ?? null }),
        ...(recurrence && { recurrence: JSON.stringify(recurrence) }),
        ...(patch.rollover !== undefined && { rollover: patch.rollover }),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('book_id', '=', scope.bookId)
      .execute();
    return requireBudget(trx, scope.bookId, id);
  });
}

/** Sets the limit from `from` on; an amount already starting on that date is replaced. */
export async function setBudgetAmount(
  db: Db,
  scope: BookScope,
  id: number,
  input: { from: string; amount: MoneyJson },
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const budget = await requireBudget(trx, scope.bookId, id);
    const { from, amount } = parseAmount(input, '', [budget.row.currency]);
    await trx
      .insertInto('budget_amounts')
      .values({ budget_id: id, from_date: from, amount: amount.minor })
      .onConflict((oc) => oc.columns(['budget_id', 'from_date']).doUpdateSet({ amount: amount.minor }))
      .execute();
    await trx.updateTable('budgets').set({ updated_at: now }).where('id', '=', id).execute();
    return requireBudget(trx, scope.bookId, id);
  });
}

export async function deleteBudget(db: Db, scope: BookScope, id: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await requireBudget(trx, scope.bookId, id);
    await trx.deleteFrom('notifications').where('budget_id', '=', id).execute();
    await trx.deleteFrom('budget_amounts').where('budget_id', '=', id).execute();
    await trx.deleteFrom('budgets').where('id', '=', id).where('book_id', '=', scope.bookId).execute();
  });
}
