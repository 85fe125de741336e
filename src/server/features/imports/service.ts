import type { Selectable } from 'kysely';
import type { ImportBatchJson } from '../../../contract/imports.ts';
import { type FieldError, fail } from '../../../core/errors.ts';
import type { RowClassifier } from '../../../core/import/plan.ts';
import type { ImportIssue } from '../../../core/import/types.ts';
import type { Db } from '../../../db/connect.ts';
import type { ImportBatchTable } from '../../../db/schema-import.ts';
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { deleteTransactions } from '../transactions/ledger-writes.ts';
import { type BatchRows, importBatch } from './batch-writer.ts';
import { type ImportRequest, type PreparedImport, type PreparedRow, prepareImport } from './prepare.ts';
import { NO_CHOICES, previewJson, type RowChoices } from './preview-json.ts';
import { pageOfRows } from './preview-rows.ts';
import { rememberMapping } from './profiles.ts';

export type ClassifierSource = (db: Db, bookId: number) => Promise<RowClassifier | null>;

export async function previewImport(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  classifiers: ClassifierSource,
) {
  const prepared = await prepareImport(db, scope, request, classifiers);
  return previewJson(
    prepared,
    request.fileName,
    NO_CHOICES,
    pageOfRows(prepared.rows, 'all', undefined).rows,
  );
}

export interface CommitOptions {
  choices: RowChoices;
  profileName?: string | undefined;
}

/**
 * Writes the rows the preview would import as one batch: all of it or nothing. The batch is written
 * in short transactions (`importBatch`), so that a large file does not hold other writers up; it
 * counts as an import only once complete, and is removed if it cannot be. Refused while a date
 * question is open or a row that is not excluded has an error.
 */
export async function commitImport(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  options: CommitOptions,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson> {
  // Duplicates are looked up as each chunk is written, inside its transaction.
  const prepared = await prepareImport(db, scope, request, classifiers, COMMIT_PREPARATION);
  return commitPrepared(db, scope, prepared, request, options, now);
}

/** What a commit needs of a file: no suggestions to show, no duplicates yet (the writer finds them). */
export const COMMIT_PREPARATION = { suggestEveryRow: false, findDuplicates: false };

/** Writes a file already prepared (by a commit, or kept from its preview) as one batch. */
export async function commitPrepared(
  db: Db,
  scope: BookScope,
  prepared: PreparedImport,
  request: Pick<ImportRequest, 'fileName' | 'accountId'>,
  options: CommitOptions,
  now: string,
): Promise<ImportBatchJson> {
  refuseUnready(prepared, options.choices);
  return writePrepared(db, scope, prepared, request, options, now, (rows) =>
    rows.write(prepared.rows, prepared.statements, options.choices),
  );
}

/**
 * Writes `prepared`'s batch, its rows handed to the writer by `fill` (all at once, or chunk by
 * chunk as a streamed file is read); a CSV mapping is remembered as the batch completes, as
 * `prepared` has it by then.
 */
export async function writePrepared(
  db: Db,
  scope: BookScope,
  prepared: PreparedImport,
  request: Pick<ImportRequest, 'fileName' | 'accountId'>,
  options: CommitOptions,
  now: string,
  fill: (rows: BatchRows) => Promise<unknown>,
): Promise<ImportBatchJson> {
  const first = prepared.statements[0]?.account ?? null;
  const header = {
    accountId: first?.id ?? request.accountId,
    format: prepared.parsed.format,
    fileName: request.fileName,
  };
  const batch = await importBatch(db, scope, header, now, async (rows) => {
    await fill(rows);
    const remember = prepared.parsed.format === 'csv' && prepared.mapping !== null && first !== null;
    return {
      sha256: prepared.sha256,
      finish: remember
        ? (trx) =>
            rememberMapping(
              trx,
              scope.bookId,
              first,
              prepared.profile,
              options.profileName,
              prepared.mapping!,
              prepared.header,
              now,
            )
        : undefined,
    };
  });
  return batchJson(batch);
}

function refuseUnready(prepared: PreparedImport, choices: RowChoices): void {
  const question = prepared.questions[0];
  if (question) {
    const field = prepared.parsed.format === 'qif' ? '/qifDateOrder' : '/mapping/dateFormat';
    fail('AMBIGUOUS_DATE_FORMAT', `${question.message} Choose one of: ${question.options.join(', ')}.`, [
      { field, code: 'AMBIGUOUS_DATE_FORMAT', message: question.message },
    ]);
  }
  refuseFileErrors(prepared.parsed.issues);
  refuseRowErrors(rowErrors(prepared.rows, choices));
  refuseChoices(prepared.rows.length, choices, (index, categoryId) =>
    prepared.statements[prepared.rows[index]!.statement]!.context.categoryNames.has(categoryId),
  );
}

/** Records the parser could not turn into rows cannot be excluded: the file must be fixed or remapped. */
export function refuseFileErrors(issues: readonly ImportIssue[]): void {
  const fileErrors = issues.filter((issue) => issue.severity === 'error');
  if (fileErrors.length > 0) {
    fail(
      'UNREADABLE_FILE',
      fileErrors.length === 1
        ? fileErrors[0]!.message
        : `${fileErrors.length} problems, the first: ${fileErrors[0]!.message}`,
      fileErrors.slice(0, 100).map((issue, index) => ({
        field: `/issues/${index}`,
        code: 'UNREADABLE_FILE' as const,
        message:
          issue.line === null || /^Line \d/.test(issue.message)
            ? issue.message
            : `Line ${issue.line}: ${issue.message}`,
      })),
    );
  }
}

/** The errors of rows that are neither excluded nor left out by `skipErrors`. */
export function rowErrors(rows: readonly PreparedRow[], choices: RowChoices): FieldError[] {
  return rows
    .filter((row) => !choices.skipErrors && !choices.exclude.has(row.index))
    .flatMap((row) =>
      row.planned.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => ({
          field: `/rows/${row.index}`,
          code: 'IMPORT_HAS_ERRORS' as const,
          message: `Line ${issue.line ?? row.planned.row.line}: ${issue.message}`,
        })),
    );
}

/** Refuses `errors` (the first 100 are listed); `count` when only those were kept of more. */
export function refuseRowErrors(errors: readonly FieldError[], count = errors.length): void {
  if (count > 0) {
    fail(
      'IMPORT_HAS_ERRORS',
      `${count} row${count === 1 ? '' : 's'} cannot be imported; fix the mapping or exclude them.`,
      errors.slice(0, 100),
    );
  }
}

/** Row numbers the file has, and chosen categories that are categories of the book. */
export function refuseChoices(
  rowCount: number,
  choices: RowChoices,
  isCategory: (index: number, categoryId: number) => boolean,
): void {
  const lists: Array<[string, Iterable<number>]> = [
    ['/exclude', choices.exclude],
    ['/include', choices.include],
    ['/categories', choices.categories.keys()],
  ];
  for (const [field, indexes] of lists) {
    for (const index of indexes) {
      if (index >= rowCount) {
        const message = `The file has no row ${index}.`;
        fail('VALIDATION_FAILED', message, [{ field, code: 'VALIDATION_FAILED', message }]);
      }
    }
  }
  [...choices.categories].forEach(([index, categoryId], position) => {
    if (categoryId !== null && !isCategory(index, categoryId)) {
      const message = `There is no category ${categoryId} in this book.`;
      fail('UNKNOWN_ACCOUNT', message, [
        { field: `/categories/${position}/categoryId`, code: 'UNKNOWN_ACCOUNT', message },
      ]);
    }
  });
}

export function batchJson(row: Selectable<ImportBatchTable>): ImportBatchJson {
  return {
    id: row.id,
    accountId: row.account_id,
    format: row.format,
    fileName: row.file_name,
    sha256: row.file_sha256,
    transactionCount: row.transaction_count,
    skippedCount: row.skipped_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
  };
}

export async function listBatches(db: Db, bookId: number): Promise<ImportBatchJson[]> {
  const rows = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('status', '=', 'complete')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map(batchJson);
}

/** A complete import of the book: one still being written is not an import yet. */
export async function requireBatch(db: Db, bookId: number, id: number): Promise<ImportBatchJson> {
  const row = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
    .where('status', '=', 'complete')
    .executeTakeFirst();
  if (!row) fail('NOT_FOUND', `There is no import ${id} in this book.`);
  return batchJson(row);
}

/** Deletes every transaction of a batch, in one database transaction; a batch is undone once. */
export async function undoImport(
  db: Db,
  scope: BookScope,
  id: number,
  now: string,
): Promise<ImportBatchJson> {
  return inTransaction(db, async (trx) => {
    const marked = await trx
      .updateTable('import_batches')
      .set({ undone_at: now, undone_by: scope.userId })
      .where('book_id', '=', scope.bookId)
      .where('id', '=', id)
      .where('status', '=', 'complete')
      .where('undone_at', 'is', null)
      .executeTakeFirst();
    if (marked.numUpdatedRows === 0n) {
      await requireBatch(trx, scope.bookId, id);
      fail('IMPORT_UNDONE', `Import ${id} was already undone.`);
    }
    const transactions = await trx
      .selectFrom('transactions')
      .select('id')
      .where('book_id', '=', scope.bookId)
      .where('import_batch_id', '=', id)
      .execute();
    await deleteTransactions(
      trx,
      scope.bookId,
      transactions.map((t) => t.id),
      now,
    );
    return requireBatch(trx, scope.bookId, id);
  });
}
