import type { Selectable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { CategoryGroupTable } from '../../../db/schema.ts';
import { toFlag } from '../../../db/values.ts';

export type CategoryGroupRow = Selectable<CategoryGroupTable>;
export type CategoryKind = CategoryGroupTable['kind'];

/** A category group as the API shows it. */
export function groupJson(row: CategoryGroupRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    position: row.position,
    hidden: toFlag(row.hidden),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listGroups(db: Db, bookId: number): Promise<CategoryGroupRow[]> {
  return db
    .selectFrom('category_groups')
    .selectAll()
    .where('book_id', '=', bookId)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('name_key')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function getGroup(db: Db, bookId: number, id: number): Promise<CategoryGroupRow | undefined> {
  return db
    .selectFrom('category_groups')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The position after the last group of the kind, so a new group goes last. */
export async function nextPosition(db: Db, bookId: number, kind: CategoryKind): Promise<number> {
  const row = await db
    .selectFrom('category_groups')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('book_id', '=', bookId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function hasCategories(db: Db, groupId: number): Promise<boolean> {
  const row = await db
    .selectFrom('accounts')
    .select('id')
    .where('group_id', '=', groupId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Moves every category of one group into another. */
export async function moveCategories(db: Db, fromGroupId: number, toGroupId: number, now: string) {
  await db
    .updateTable('accounts')
    .set({ group_id: toGroupId, updated_at: now })
    .where('group_id', '=', fromGroupId)
    .execute();
}

/** The groups of a book that are hidden: their categories count as hidden too. */
export async function hiddenGroupIds(db: Db, bookId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('category_groups')
    .select('id')
    .where('book_id', '=', bookId)
    .where('hidden', '=', 1)
    .execute();
  return new Set(rows.map((row) => row.id));
}
