import type { Selectable } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { TagTable } from '../../../db/schema.ts';
import { existingIds } from '../named-rows.ts';

export type TagRow = Selectable<TagTable>;

/** A tag as the API shows it. */
export function tagJson(row: TagRow) {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listTags(db: Db, bookId: number): Promise<TagRow[]> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('book_id', '=', bookId)
    .orderBy('name_key')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function getTag(db: Db, bookId: number, id: number): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Which of `ids` are tags of this book. */
export async function existingTagIds(db: Db, bookId: number, ids: readonly number[]): Promise<Set<number>> {
  return existingIds(db, 'tags', bookId, ids);
}
