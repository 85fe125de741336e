import type { ImportBatchJson, ImportPreviewJson, ImportPreviewPageJson } from '../../../contract/imports.ts';
import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { type ImportRequest, type PreparedImport, prepareImport } from './prepare.ts';
import { NO_CHOICES, previewJson, rowJson } from './preview-json.ts';
import { pageOfRows } from './preview-rows.ts';
import { dropPreview, forgetPlan, keepPlan, keptPlan, loadPreview, savePreview } from './preview-store.ts';
import { type ClassifierSource, COMMIT_PREPARATION, type CommitOptions, commitPrepared } from './service.ts';

/**
 * The import as users run it (issue 12): a preview is kept, by id, for its user; it answers the
 * counts and the first page of rows, the rest is paged; the commit writes the kept preview.
 */
export async function startPreview(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportPreviewJson> {
  const prepared = await prepareImport(db, scope, request, classifiers);
  const previewId = await savePreview(db, scope, request, prepared.sha256, now);
  keepPlan(previewId, prepared);
  const page = pageOfRows(prepared.rows, 'all', undefined);
  return {
    previewId,
    nextCursor: page.nextCursor,
    ...previewJson(prepared, request.fileName, NO_CHOICES, page.rows),
  };
}

/** A page of a kept preview's rows; planned again from the kept file when this process has no plan. */
export async function previewPage(
  db: Db,
  scope: BookScope,
  previewId: string,
  query: { filter?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportPreviewPageJson> {
  const request = await loadPreview(db, scope, previewId, now);
  let prepared = keptPlan(previewId);
  if (!prepared) {
    prepared = await prepareImport(db, scope, request, classifiers);
    keepPlan(previewId, prepared);
  }
  const page = pageOfRows(prepared.rows, query.filter, query.cursor, query.limit);
  return { rows: page.rows.map((row) => rowJson(row, prepared, NO_CHOICES)), nextCursor: page.nextCursor };
}

/** Writes a kept preview as one batch, without the file being sent again; the preview is then gone. */
export async function commitPreview(
  db: Db,
  scope: BookScope,
  previewId: string,
  options: CommitOptions,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson> {
  await refuseForeignCategories(db, scope.bookId, options.choices.categories);
  const request = await loadPreview(db, scope, previewId, now);
  const prepared: PreparedImport =
    keptPlan(previewId) ?? (await prepareImport(db, scope, request, classifiers, COMMIT_PREPARATION));
  // The writer marks duplicates on the plan's rows: a plan that failed to commit is planned again.
  forgetPlan(previewId);
  const batch = await commitPrepared(db, scope, prepared, request, options, now);
  await dropPreview(db, scope, previewId);
  return batch;
}

/** Chosen categories must be the book's, whoever's preview it is (checked again against the plan). */
async function refuseForeignCategories(
  db: Db,
  bookId: number,
  categories: ReadonlyMap<number, number | null>,
): Promise<void> {
  const wanted = [...new Set([...categories.values()].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return;
  const found = await db
    .selectFrom('accounts')
    .select('id')
    .where('book_id', '=', bookId)
    .where('id', 'in', wanted)
    .where('type', 'in', ['income', 'expense'])
    .execute();
  const known = new Set(found.map((row) => row.id));
  [...categories.values()].forEach((categoryId, position) => {
    if (categoryId !== null && !known.has(categoryId)) {
      const message = `There is no category ${categoryId} in this book.`;
      fail('UNKNOWN_ACCOUNT', message, [
        { field: `/categories/${position}/categoryId`, code: 'UNKNOWN_ACCOUNT', message },
      ]);
    }
  });
}
