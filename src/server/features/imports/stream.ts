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
import { inTransaction } from '../../../db/transaction.ts';
import type { BookScope } from '../../types.ts';
import { loadPlanContext } from './context.ts';
import { importAccount, markDuplicates, type PreparedRow, planChunk } from './prepare.ts';
import { NO_CHOICES, willImport } from './preview-json.ts';
import { type ProfileChoice, rememberMapping } from './profiles.ts';
import { batchJson, type ClassifierSource, writeRows } from './service.ts';

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
 * chunk is planned, deduplicated and written before the next is read, all inside ONE database
 * transaction, so the import is still all or nothing. A row with an error stops it (nothing written).
 * With `dryRun` the transaction is rolled back at the end and the counts say what would have happened.
 */
export async function importStream(
  db: Db,
  scope: BookScope,
  input: StreamedImport,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson & { dryRun: boolean }> {
  const rollback = new Error('dry run');
  let result: (ImportBatchJson & { dryRun: boolean }) | undefined;
  try {
    await inTransaction(db, async (trx) => {
      const account = await importAccount(trx, scope, input.accountId, '/accountId');
      // Nothing shows a streamed row's suggestions: only rows left uncategorised need them.
      const classify = await classifiers(trx, scope.bookId);
      const context = await loadPlanContext(trx, scope.bookId, account, classify, false);
      const prepared = { index: 0, statement: { ...input.statement, rows: [] }, account, context };
      const batch = await trx
        .insertInto('import_batches')
        .values({
          book_id: scope.bookId,
          account_id: account.id,
          format: input.format,
          file_name: input.fileName,
          file_sha256: '',
          transaction_count: 0,
          skipped_count: 0,
          created_by: scope.userId,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const keyer = createImportKeyer(account.id);
      const progress: StreamProgress = { rows: 0, imported: 0, skipped: 0 };
      const payees = new Map<string, number>();
      for await (const chunk of input.chunks) {
        refuseFileErrors(chunk.issues);
        const rows = planChunk(prepared, chunk.rows, keyer, progress.rows);
        refuseErrors(rows);
        await markDuplicates(trx, scope.bookId, rows, batch.id);
        const chosen = rows.filter((row) => willImport(row, NO_CHOICES));
        await writeRows(trx, scope, batch.id, chosen, [prepared], NO_CHOICES, now, payees);
        progress.rows += rows.length;
        progress.imported += chosen.length;
        progress.skipped += rows.length - chosen.length;
        input.onProgress?.({ ...progress });
      }
      const row = await trx
        .updateTable('import_batches')
        .set({
          file_sha256: input.sha256(),
          transaction_count: progress.imported,
          skipped_count: progress.skipped,
        })
        .where('id', '=', batch.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.remember) {
        const { mapping, header, profile } = input.remember;
        await rememberMapping(trx, scope.bookId, account, profile, undefined, mapping, header, now);
      }
      result = { ...batchJson(row), dryRun: input.dryRun };
      if (input.dryRun) throw rollback;
    });
  } catch (error) {
    if (error !== rollback) throw error;
  }
  return result!;
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
