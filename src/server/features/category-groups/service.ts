import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { nameColumns } from '../../../db/named.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { fromFlag } from '../../../db/values.ts';
import type { BookScope } from '../../types.ts';
import { checkNameFree } from '../named-rows.ts';
import {
  type CategoryGroupRow,
  type CategoryKind,
  getGroup,
  hasCategories,
  moveCategories,
  nextPosition,
} from './queries.ts';

export async function requireGroup(db: Db, bookId: number, id: number): Promise<CategoryGroupRow> {
  const row = await getGroup(db, bookId, id);
  if (!row) fail('NOT_FOUND', `There is no category group ${id} in this book.`);
  return row;
}

/** A group a category (or other categories) may go into: one of this book, of `kind`. */
export async function requireGroupOfKind(
  db: Db,
  bookId: number,
  id: number,
  kind: CategoryKind,
  field: string,
): Promise<CategoryGroupRow> {
  const row = await getGroup(db, bookId, id);
  const problem = !row
    ? `There is no category group ${id} in this book.`
    : row.kind !== kind
      ? `Group ${id} holds ${row.kind} categories, not ${kind} ones.`
      : null;
  if (problem)
    fail('UNKNOWN_CATEGORY_GROUP', problem, [{ field, code: 'UNKNOWN_CATEGORY_GROUP', message: problem }]);
  return row!;
}

export interface NewGroupInput {
  name: string;
  kind: CategoryKind;
  position?: number | undefined;
  hidden?: boolean | undefined;
}

export async function createGroup(db: Db, scope: BookScope, input: NewGroupInput, now: string) {
  const name = input.name.trim();
  return inTransaction(db, async (trx) => {
    await checkNameFree(trx, 'category_groups', scope.bookId, name, null, input.kind);
    return trx
      .insertInto('category_groups')
      .values({
        book_id: scope.bookId,
        ...nameColumns(name),
        kind: input.kind,
        position: input.position ?? (await nextPosition(trx, scope.bookId, input.kind)),
        hidden: fromFlag(input.hidden ?? false),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface GroupPatchInput {
  name?: string | undefined;
  position?: number | undefined;
  hidden?: boolean | undefined;
}

export async function updateGroup(db: Db, scope: BookScope, id: number, patch: GroupPatchInput, now: string) {
  const name = patch.name?.trim();
  return inTransaction(db, async (trx) => {
    const group = await requireGroup(trx, scope.bookId, id);
    if (name !== undefined) await checkNameFree(trx, 'category_groups', scope.bookId, name, id, group.kind);
    return trx
      .updateTable('category_groups')
      .set({
        ...(name !== undefined && nameColumns(name)),
        ...(patch.position !== undefined && { position: patch.position }),
        ...(patch.hidden !== undefined && { hidden: fromFlag(patch.hidden) }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

/**
 * Deletes a group. One that still holds categories is refused unless `moveTo` names another
 * group of the same kind: its categories move there first.
 */
export async function deleteGroup(
  db: Db,
  scope: BookScope,
  id: number,
  moveTo: number | undefined,
  now: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const group = await requireGroup(trx, scope.bookId, id);
    if (moveTo !== undefined) {
      if (moveTo === id) {
        const message = 'Name another group to move the categories to.';
        fail('VALIDATION_FAILED', message, [{ field: 'query:moveTo', code: 'VALIDATION_FAILED', message }]);
      }
      await requireGroupOfKind(trx, scope.bookId, moveTo, group.kind, 'query:moveTo');
      await moveCategories(trx, id, moveTo, now);
    } else if (await hasCategories(trx, id)) {
      fail(
        'CATEGORY_GROUP_IN_USE',
        'The group still holds categories: move them, or delete it with moveTo=<another group>.',
      );
    }
    await trx.deleteFrom('category_groups').where('id', '=', id).execute();
  });
}
