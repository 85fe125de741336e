import type { ImportBatchJson, ImportPreviewJson, ImportPreviewPageJson } from '../../../contract/imports.ts';
import type { FieldError } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { type ImportRequest, markDuplicates, type PreparedImport, prepareImport } from './prepare.ts';
import { NO_CHOICES, previewJson, type RowChoices, rowJson } from './preview-json.ts';
import { pageCollector, pageOfRows } from './preview-rows.ts';
import { dropPreview, forgetPlan, keepPlan, keptPlan, loadPreview, savePreview } from './preview-store.ts';
import { type CsvPlanStream, openCsvStream } from './preview-stream.ts';
import { countRows, emptyTally } from './preview-tally.ts';
import {
  type ClassifierSource,
  COMMIT_PREPARATION,
  type CommitOptions,
  commitPrepared,
  refuseChoices,
  refuseFileErrors,
  refuseRowErrors,
  rowErrors,
  writePrepared,
} from './service.ts';

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
  const stream = await openCsvStream(db, scope, request, classifiers);
  if (stream) {
    // Only the counts and the first page are kept of the rows: a page reads the file again.
    const tally = emptyTally();
    const collector = pageCollector('all', undefined);
    for (const rows of stream.chunks()) {
      await markDuplicates(db, scope.bookId, rows);
      countRows(tally, rows, NO_CHOICES);
      for (const row of rows) collector.offer(row);
    }
    const previewId = await savePreview(db, scope, request, stream.prepared.sha256, now);
    const page = collector.page();
    stream.withSuggestions(page.rows);
    return {
      previewId,
      nextCursor: page.nextCursor,
      ...previewJson(stream.prepared, request.fileName, NO_CHOICES, page.rows, tally),
    };
  }
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
  const stream = prepared ? null : await openCsvStream(db, scope, request, classifiers);
  if (stream) {
    // The file is read again up to the page's end; chunks before the cursor's are only keyed.
    const collector = pageCollector(query.filter, query.cursor, query.limit);
    for (const rows of stream.chunks(collector.from)) {
      await markDuplicates(db, scope.bookId, rows);
      if (rows.some((row) => collector.offer(row))) break;
    }
    const page = collector.page();
    stream.withSuggestions(page.rows);
    return {
      rows: page.rows.map((row) => rowJson(row, stream.prepared, NO_CHOICES)),
      nextCursor: page.nextCursor,
    };
  }
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
  await refuseForeignCategories(db, scope.bookId, options.choices);
  const request = await loadPreview(db, scope, previewId, now);
  const kept = keptPlan(previewId);
  const stream = kept ? null : await openCsvStream(db, scope, request, classifiers);
  if (stream) {
    const batch = await commitStream(db, scope, stream, request, options, now);
    await dropPreview(db, scope, previewId);
    return batch;
  }
  const prepared: PreparedImport =
    kept ?? (await prepareImport(db, scope, request, classifiers, COMMIT_PREPARATION));
  // The writer marks duplicates on the plan's rows: a plan that failed to commit is planned again.
  forgetPlan(previewId);
  const batch = await commitPrepared(db, scope, prepared, request, options, now);
  await dropPreview(db, scope, previewId);
  return batch;
}

/**
 * Writes a streamed file chunk by chunk through the batch writer. What the whole plan refuses up
 * front is found as the file is read: the batch then stops writing, and is removed when refused.
 */
async function commitStream(
  db: Db,
  scope: BookScope,
  stream: CsvPlanStream,
  request: ImportRequest,
  options: CommitOptions,
  now: string,
): Promise<ImportBatchJson> {
  const { prepared } = stream;
  const { choices } = options;
  const { context } = prepared.statements[0]!;
  refuseChoices(Number.POSITIVE_INFINITY, choices, (_, categoryId) => context.categoryNames.has(categoryId));
  return writePrepared(db, scope, prepared, request, options, now, async (batchRows) => {
    const errors: FieldError[] = [];
    let errorCount = 0;
    let rowCount = 0;
    for (const rows of stream.chunks()) {
      rowCount += rows.length;
      const found = rowErrors(rows, choices);
      errorCount += found.length;
      for (const error of found.slice(0, 100 - errors.length)) errors.push(error);
      const refused = errorCount > 0 || prepared.parsed.issues.some((issue) => issue.severity === 'error');
      if (!refused) await batchRows.write(rows, prepared.statements, choices);
    }
    refuseFileErrors(prepared.parsed.issues);
    refuseRowErrors(errors, errorCount);
    refuseChoices(rowCount, choices, () => true);
  });
}

/** Chosen categories must be the book's, whoever's preview it is (checked again against the plan). */
async function refuseForeignCategories(db: Db, bookId: number, choices: RowChoices): Promise<void> {
  const wanted = [...new Set([...choices.categories.values()].filter((id): id is number => id !== null))];
  if (wanted.length === 0) return;
  const found = await db
    .selectFrom('accounts')
    .select('id')
    .where('book_id', '=', bookId)
    .where('id', 'in', wanted)
    .where('type', 'in', ['income', 'expense'])
    .execute();
  const known = new Set(found.map((row) => row.id));
  refuseChoices(Number.POSITIVE_INFINITY, choices, (_, categoryId) => known.has(categoryId));
}
