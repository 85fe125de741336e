import type { ImportBatchJson } from '../../../contract/imports.ts';
import { fail } from '../../../core/errors.ts';
import { createImportKeyer } from '../../../core/import/import-key.ts';
import type {
  CsvMapping,
  ImportIssue,
  Statement,
  StatementFormat,
  StatementRow,
} from '../../../core/import/types.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { importBatch } from './batch-writer.ts';
import { loadPlanContext } from './context.ts';
import { importAccount, markDuplicates, type PreparedRow, planChunk } from './prepare.ts';
import { NO_CHOICES, willImport } from './preview-json.ts';
import { type ProfileChoice, rememberMapping } from './profiles.ts';
import { batchJson, type ClassifierSource } from './service.ts';

/** The statement of a streamed CSV file: nothing is known of it up front but its currency. */
export function csvStatement(currency: string | null): Omit<Statement, 'rows'> {
  return {
    accountId: null,
    accountType: null,
    accountName: null,
    currency,
    openingBalance: null,
    closingBalance: null,
    availableBalance: null,
  };
}

/** How far a streamed import has got, for a progress bar. */
export interface StreamProgress {
  rows: number;
  imported: number;
  skipped: number;
  /** What the imported rows add to the account, in its minor units. */
  change: bigint;
}

export interface StreamedImport {
  fileName: string;
  format: StatementFormat;
  accountId: number;
  /** The statement's facts known before the rows (currency); its rows come through `chunks`. */
  statement: Omit<Statement, 'rows'>;
  chunks: AsyncIterable<{ rows: StatementRow[]; issues: ImportIssue[] }>;
  /** A CSV mapping to remember for the account, as an API import does. */
  remember?: { mapping: CsvMapping; header: string[] | null; profile: ProfileChoice | null } | undefined;
  /** Called once the whole file has been read: its SHA-256. */
  sha256: () => string;
  dryRun: boolean;
  onProgress?: (progress: StreamProgress) => void;
}

/**
 * Imports a file that arrives in chunks of rows (a CSV of a million lines) in bounded memory: each
 * chunk is planned, then deduplicated and written in short transactions (`importBatch`), before the
 * next is read. The batch is still all or nothing: it becomes an import when its last chunk is in,
 * and a row with an error (or any failure) removes what was written. With `dryRun` nothing is
 * written; the counts say what would have happened.
 */
export async function importStream(
  db: Db,
  scope: BookScope,
  input: StreamedImport,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson & { dryRun: boolean; change: bigint }> {
  const account = await importAccount(db, scope, input.accountId, '/accountId');
  // Nothing shows a streamed row's suggestions: only rows left uncategorised need them.
  const classify = await classifiers(db, scope.bookId);
  const context = await loadPlanContext(db, scope.bookId, account, classify, false);
  const prepared = { index: 0, statement: { ...input.statement, rows: [] }, account, context };
  const keyer = createImportKeyer(account.id);
  const progress: StreamProgress = { rows: 0, imported: 0, skipped: 0, change: 0n };
  const readAll = async (write: (rows: PreparedRow[]) => Promise<PreparedRow[]>) => {
    for await (const chunk of input.chunks) {
      refuseFileErrors(chunk.issues);
      const rows = planChunk(prepared, chunk.rows, keyer, progress.rows);
      refuseErrors(rows);
      const imported = await write(rows);
      progress.rows += rows.length;
      progress.imported += imported.length;
      progress.skipped += rows.length - imported.length;
      for (const row of imported) progress.change += row.planned.amount!.minor;
      input.onProgress?.({ ...progress });
    }
  };
  const header = { accountId: account.id, format: input.format, fileName: input.fileName };

  if (input.dryRun) {
    await readAll(async (rows) => {
      await markDuplicates(db, scope.bookId, rows);
      return rows.filter((row) => willImport(row, NO_CHOICES));
    });
    // A dry run writes no batch (id 0): these are the counts of the one it would have written.
    return {
      id: 0,
      accountId: account.id,
      format: input.format,
      fileName: input.fileName,
      sha256: input.sha256(),
      transactionCount: progress.imported,
      skippedCount: progress.skipped,
      createdBy: scope.userId,
      createdAt: now,
      undoneAt: null,
      dryRun: true,
      change: progress.change,
    };
  }
  const batch = await importBatch(db, scope, header, now, async (batchRows) => {
    await readAll((rows) => batchRows.write(rows, [prepared], NO_CHOICES));
    const remember = input.remember;
    return {
      sha256: input.sha256(),
      finish: remember
        ? (trx) =>
            rememberMapping(
              trx,
              scope.bookId,
              account,
              remember.profile,
              undefined,
              remember.mapping,
              remember.header,
              now,
            )
        : undefined,
    };
  });
  return { ...batchJson(batch), dryRun: false, change: progress.change };
}

function refuseFileErrors(issues: readonly ImportIssue[]): void {
  const error = issues.find((issue) => issue.severity === 'error');
  if (error)
    fail(
      'UNREADABLE_FILE',
      error.line === null || /^Line \d/.test(error.message)
        ? error.message
        : `Line ${error.line}: ${error.message}`,
    );
}

function refuseErrors(rows: readonly PreparedRow[]): void {
  const broken = rows.find((row) => row.planned.issues.some((issue) => issue.severity === 'error'));
  if (!broken) return;
  const issue = broken.planned.issues.find((i) => i.severity === 'error')!;
  const message = `Line ${issue.line ?? broken.planned.row.line}: ${issue.message}`;
  fail('IMPORT_HAS_ERRORS', message, [
    { field: `/rows/${broken.index}`, code: 'IMPORT_HAS_ERRORS', message },
  ]);
}
