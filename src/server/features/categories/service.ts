import type { MoneyJson } from '../../../contract/common.ts';
import { type FieldError, fail } from '../../../core/errors.ts';
import { isCategoryType } from '../../../core/ledger/account.ts';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { toFlag } from '../../../db/values.ts';
import type { BookScope } from '../../types.ts';
import { applyPostingDeltas } from '../accounts/ledger-totals.ts';
import { type AccountRow, getAccountRow, hasPostings, listAccounts } from '../accounts/queries.ts';
import { CATEGORY_TYPES, deleteAccount, insertAccount, updateAccount } from '../accounts/service.ts';
import { type CategoryKind, hiddenGroupIds } from '../category-groups/queries.ts';
import { requireGroupOfKind } from '../category-groups/service.ts';
import { reassignRuleCategories } from '../rules/queries.ts';
import { reassignPayeeDefaults, reassignPostings } from './queries.ts';
import { readTarget } from './target.ts';

/** A category is an income or expense account; its `type` is its kind. */
export type CategoryRow = AccountRow & { type: CategoryKind };

function isCategory(row: AccountRow | undefined): row is CategoryRow {
  return row !== undefined && isCategoryType(row.type);
}

export async function requireCategory(db: Db, bookId: number, id: number): Promise<CategoryRow> {
  const row = await getAccountRow(db, bookId, id);
  if (!isCategory(row)) fail('NOT_FOUND', `There is no category ${id} in this book.`);
  return row;
}

/** A category named by the input at `field`: UNKNOWN_ACCOUNT there unless it is one of this book. */
export async function requireCategoryAt(db: Db, bookId: number, id: number, field: string) {
  const row = await getAccountRow(db, bookId, id);
  if (!isCategory(row)) {
    const message = `There is no category ${id} in this book.`;
    fail('UNKNOWN_ACCOUNT', message, [{ field, code: 'UNKNOWN_ACCOUNT', message }]);
  }
  return row;
}

export interface CategoryFilter {
  kind?: CategoryKind | undefined;
  includeHidden: boolean;
  includeArchived: boolean;
}

export async function listCategories(db: Db, bookId: number, filter: CategoryFilter) {
  const rows = await listAccounts(db, bookId, {
    types: filter.kind ? [filter.kind] : CATEGORY_TYPES,
    includeArchived: filter.includeArchived,
  });
  if (filter.includeHidden) return rows;
  const hiddenGroups = await hiddenGroupIds(db, bookId);
  return rows.filter(
    (row) => !toFlag(row.hidden) && (row.group_id === null || !hiddenGroups.has(row.group_id)),
  );
}

export interface NewCategoryInput {
  name: string;
  kind: CategoryKind;
  groupId?: number | null | undefined;
  parentId?: number | null | undefined;
  currency?: string | undefined;
  notes?: string | null | undefined;
}

export async function createCategory(db: Db, scope: BookScope, input: NewCategoryInput, now: string) {
  return inTransaction(db, async (trx) => {
    if (input.groupId) await requireGroupOfKind(trx, scope.bookId, input.groupId, input.kind, '/groupId');
    return insertAccount(trx, scope, { ...input, type: input.kind }, now);
  });
}

export interface CategoryPatchInput {
  name?: string | undefined;
  groupId?: number | null | undefined;
  parentId?: number | null | undefined;
  hidden?: boolean | undefined;
  notes?: string | null | undefined;
  target?: MoneyJson | null | undefined;
}

/** Changes a category: the group and target are checked here, name and parent by `updateAccount`. */
export async function updateCategory(
  db: Db,
  scope: BookScope,
  id: number,
  patch: CategoryPatchInput,
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const category = await requireCategory(trx, scope.bookId, id);
    if (patch.groupId) await requireGroupOfKind(trx, scope.bookId, patch.groupId, category.type, '/groupId');
    const { target, ...rest } = patch;
    if (target !== undefined) {
      const minor = readTarget(scope, category, target);
      await trx.updateTable('accounts').set({ target: minor }).where('id', '=', id).execute();
    }
    return updateAccount(trx, scope, id, rest, now);
  });
}

/** Deletes a category that has no postings (ACCOUNT_IN_USE otherwise: merge it, or archive it). */
export async function deleteCategory(db: Db, scope: BookScope, id: number, now: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const category = await requireCategory(trx, scope.bookId, id);
    if (await hasPostings(trx, id)) {
      fail(
        'ACCOUNT_IN_USE',
        `${category.name} has transactions: merge it into another category (moveTo) or hide it.`,
      );
    }
    await deleteAccount(trx, scope, id, false, now);
  });
}

/**
 * Merges a category into another of the same currency, given at `field`: its postings and the
 * payees that default to it move over, its cached balance with them, and it is deleted.
 */
export async function mergeCategory(
  db: Db,
  scope: BookScope,
  id: number,
  intoId: number,
  field: string,
  now: string,
): Promise<CategoryRow> {
  return inTransaction(db, async (trx) => {
    const source = await requireCategory(trx, scope.bookId, id);
    const target = await requireCategoryAt(trx, scope.bookId, intoId, field);
    const refuse = (code: FieldError['code'], message: string): never =>
      fail(code, message, [{ field, code, message }]);
    if (target.id === source.id) refuse('VALIDATION_FAILED', 'A category cannot be merged into itself.');
    if (target.type !== source.type) {
      refuse(
        'INVALID_ACCOUNT_KIND',
        `${source.name} is an ${source.type} category; merge it into another ${source.type} category.`,
      );
    }
    if (toFlag(target.archived))
      refuse('ACCOUNT_ARCHIVED', `${target.name} is archived; unarchive it first.`);
    if (target.currency !== source.currency) {
      refuse(
        'CURRENCY_MISMATCH',
        `${source.name} holds ${source.currency}, ${target.name} ${target.currency}.`,
      );
    }
    await applyPostingDeltas(trx, scope.bookId, await reassignPostings(trx, id, intoId), now);
    await reassignPayeeDefaults(trx, id, intoId, now);
    await reassignRuleCategories(trx, scope.bookId, id, intoId, now);
    await deleteAccount(trx, scope, id, false, now);
    return requireCategory(trx, scope.bookId, intoId);
  });
}
