import { randomUUID } from 'node:crypto';
import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import type { ImportRequest, PreparedImport } from './prepare.ts';

/**
 * Kept previews (issue 12): the file and how to read it, in `import_previews` (shared by every
 * instance), for an hour; the plan made of it, in this process's memory, for the few most recent.
 * A preview is its user's, in its book: anyone else is told there is none.
 */
export const PREVIEW_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Rows of plans kept in memory, the latest first: a plan of 100,000 rows holds ~160 MB of heap, so
 * the newest plan is always kept and older ones only while all of them stay under this many rows.
 */
const KEPT_ROWS = 150_000;
const plans = new Map<string, PreparedImport>();

type RequestOptions = Omit<ImportRequest, 'fileName' | 'bytes'>;

/** Keeps the file and its options; first deletes every expired preview (an indexed range delete). */
export async function savePreview(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  sha256: string,
  now: string,
): Promise<string> {
  await db.deleteFrom('import_previews').where('expires_at', '<', now).execute();
  const { fileName, bytes, ...options } = request;
  const id = randomUUID();
  await db
    .insertInto('import_previews')
    .values({
      id,
      book_id: scope.bookId,
      user_id: scope.userId,
      account_id: request.accountId,
      file_name: fileName,
      options: JSON.stringify(options satisfies RequestOptions),
      content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      sha256,
      created_at: now,
      expires_at: new Date(Date.parse(now) + PREVIEW_LIFETIME_MS).toISOString(),
    })
    .execute();
  return id;
}

/** The kept request of a preview of this user in this book: 404 when there is none, 410 when expired. */
export async function loadPreview(db: Db, scope: BookScope, id: string, now: string): Promise<ImportRequest> {
  const row = await db
    .selectFrom('import_previews')
    .selectAll()
    .where('id', '=', id)
    .where('book_id', '=', scope.bookId)
    .where('user_id', '=', scope.userId)
    .executeTakeFirst();
  if (!row) fail('NOT_FOUND', `There is no import preview ${id} in this book.`);
  if (new Date(row.expires_at).getTime() <= Date.parse(now)) {
    await dropPreview(db, scope, id);
    fail('PREVIEW_EXPIRED', 'The preview has expired: preview the file again.');
  }
  const options = JSON.parse(row.options) as RequestOptions;
  return { ...options, fileName: row.file_name, bytes: row.content };
}

/** Forgets a preview: its row and its plan. */
export async function dropPreview(db: Db, scope: BookScope, id: string): Promise<void> {
  plans.delete(id);
  await db
    .deleteFrom('import_previews')
    .where('id', '=', id)
    .where('book_id', '=', scope.bookId)
    .where('user_id', '=', scope.userId)
    .execute();
}

export function keepPlan(id: string, prepared: PreparedImport): void {
  plans.delete(id);
  plans.set(id, prepared);
  let rows = 0;
  for (const plan of plans.values()) rows += plan.rows.length;
  for (const [oldest, plan] of plans) {
    if (rows <= KEPT_ROWS || oldest === id) break;
    plans.delete(oldest);
    rows -= plan.rows.length;
  }
}

/** The plan kept for a preview in this process, if any (another instance re-plans from the file). */
export function keptPlan(id: string): PreparedImport | undefined {
  return plans.get(id);
}

export function forgetPlan(id: string): void {
  plans.delete(id);
}
