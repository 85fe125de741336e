import { createHash } from 'node:crypto';
import { csvRowChunks, readCsvLayout } from '../../../core/import/csv/parse.ts';
import { detectFormat } from '../../../core/import/detect.ts';
import { createImportKeyer } from '../../../core/import/import-key.ts';
import { planRow } from '../../../core/import/plan.ts';
import type { CsvMapping, ImportIssue, StatementRow } from '../../../core/import/types.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { ROWS_PER_COMMIT } from './batch-writer.ts';
import { loadPlanContext } from './context.ts';
import {
  type ImportRequest,
  importAccount,
  type PreparedImport,
  type PreparedRow,
  type PreparedStatement,
  planChunk,
} from './prepare.ts';
import { chooseProfile, requireProfile } from './profiles.ts';
import type { ClassifierSource } from './service.ts';
import { csvStatement } from './stream.ts';

/** Rows planned at once: a chunk of the batch writer, so a preview's chunks are the commit's. */
export const ROWS_PER_CHUNK = ROWS_PER_COMMIT;

/**
 * A kept CSV file read as a stream (issue 12): its layout is read up front, exactly as `parseCsv`
 * reads it, and its rows are planned a chunk at a time, so that memory holds a chunk, not the file.
 * `prepared` has no rows; its issues, balances and footer are filled in once every chunk was read.
 */
export interface CsvPlanStream {
  prepared: PreparedImport;
  /**
   * The planned rows in chunks of `ROWS_PER_CHUNK` (not yet deduplicated), from the chunk holding
   * row `from` on: earlier rows are only read and keyed (a key counts the same row seen before).
   */
  chunks(from?: number): Generator<PreparedRow[], void, undefined>;
  /**
   * Gives rows that are shown (a page) every suggestion, as a whole preview's plan has them: the
   * chunks are planned as a commit plans them, which scores only the rows nothing else categorised
   * and so decides the same categories.
   */
  withSuggestions(rows: readonly PreparedRow[]): void;
}

/**
 * Opens a kept request as a stream when it is a CSV file with no open date question (no rows then)
 * going to the import's account. Anything else is null: plan the whole file.
 */
export async function openCsvStream(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  classifiers: ClassifierSource,
): Promise<CsvPlanStream | null> {
  const format = request.format ?? detectFormat(request.bytes, request.fileName);
  if (format !== 'csv' || (request.statementAccounts?.length ?? 0) > 0) return null;
  const account = await importAccount(db, scope, request.accountId, '/accountId');
  if (request.profileId !== undefined)
    await requireProfile(db, scope.bookId, request.profileId, '/profileId');
  let given: Partial<CsvMapping> = request.mapping ?? {};
  let layout = readCsvLayout(request.bytes, given);
  const header = layout.detection.header;
  const profile = await chooseProfile(db, scope.bookId, account.id, request.profileId, header);
  if (profile) {
    given = { ...profile.mapping, ...request.mapping };
    layout = readCsvLayout(request.bytes, given);
  }
  if (layout.questions.length > 0) return null;

  const classify = await classifiers(db, scope.bookId);
  const context = await loadPlanContext(db, scope.bookId, account, classify, false);
  const shown = { ...context, suggestEveryRow: true };
  // A row that states no currency is planned in this one, as `parseCsv` would; the statement shows
  // the one every row states, once every row has been read.
  const planningCurrency = layout.mapping.currency ?? account.currency;
  const statement = { ...csvStatement(planningCurrency), rows: [] };
  const issues: ImportIssue[] = [];
  const prepared: PreparedImport = {
    parsed: { format: 'csv', variant: layout.variant, statements: [statement], issues },
    sha256: createHash('sha256').update(request.bytes).digest('hex'),
    mapping: layout.mapping,
    header: layout.detection.header,
    questions: [],
    profile,
    statements: [{ index: 0, statement, account, context } satisfies PreparedStatement],
    rows: [],
  };

  function* chunks(from = 0): Generator<PreparedRow[], void, undefined> {
    const firstPlanned = from - (from % ROWS_PER_CHUNK);
    const keyer = createImportKeyer(account.id);
    const rows = csvRowChunks(layout.text, layout.mapping, layout.detection.columns);
    issues.length = 0;
    let pending: StatementRow[] = [];
    let read = 0;
    let shared: string | null | undefined;
    const plan = (): PreparedRow[] => {
      const chunk = pending;
      pending = [];
      const firstIndex = read;
      read += chunk.length;
      if (read <= firstPlanned) {
        for (const row of chunk) keyer(row);
        return [];
      }
      return planChunk(prepared.statements[0]!, chunk, keyer, firstIndex);
    };
    for (let next = rows.next(); ; next = rows.next()) {
      if (next.done) {
        if (pending.length > 0) yield plan();
        statement.currency = layout.mapping.currency ?? shared ?? account.currency;
        statement.openingBalance = next.value.balances.openingBalance;
        statement.closingBalance = next.value.balances.closingBalance;
        if (given.footerLines === undefined)
          prepared.mapping = { ...layout.mapping, footerLines: next.value.footerLines };
        return;
      }
      for (const issue of next.value.issues) issues.push(issue);
      for (const row of next.value.rows) {
        shared = shared === undefined || row.currency === shared ? row.currency : null;
        pending.push(row);
        if (pending.length < ROWS_PER_CHUNK) continue;
        const planned = plan();
        if (planned.length > 0) yield planned;
      }
    }
  }
  const withSuggestions = (rows: readonly PreparedRow[]) => {
    for (const row of rows) {
      row.planned.suggestions = planRow(row.planned.row, shown, planningCurrency).suggestions;
    }
  };
  return { prepared, chunks, withSuggestions };
}
