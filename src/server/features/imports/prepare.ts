import { createHash } from 'node:crypto';
import { type ErrorCode, fail, MonetaError } from '../../../core/errors.ts';
import { createImportKeyer } from '../../../core/import/import-key.ts';
import { findLikelyDuplicates } from '../../../core/import/likely-duplicates.ts';
import { type ImportQuestion, parseStatementFile } from '../../../core/import/parse-file.ts';
import { type PlannedRow, planRow, type RowClassifier } from '../../../core/import/plan.ts';
import { plannedPostings, type SystemAccountIds } from '../../../core/import/plan-postings.ts';
import type {
  CsvMapping,
  ImportIssue,
  ParsedFile,
  Statement,
  StatementRow,
} from '../../../core/import/types.ts';
import {
  type BalancedPostings,
  balancePostings,
  type PostingAccount,
} from '../../../core/ledger/transaction.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { type AccountRow, getAccountRow } from '../accounts/queries.ts';
import { type BookPlanContext, loadPlanContext } from './context.ts';
import { existingImportKeys, loadDuplicateCandidates } from './duplicates.ts';
import { chooseProfile, type ProfileChoice, requireProfile } from './profiles.ts';

/** What a caller sends: the file and how to read it. */
export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  accountId: number;
  statementAccounts?: ReadonlyArray<{ statement: number; accountId: number }> | undefined;
  format?: ParsedFile['format'] | undefined;
  mapping?: Partial<CsvMapping> | undefined;
  profileId?: number | undefined;
  qifDateOrder?: 'MDY' | 'DMY' | undefined;
}

/**
 * Why a row is not new: `exact`, the book already has it (same file id or content); `likely`, a
 * transaction of the account looks the same; `transfer`, it is the second half of a transfer
 * between two statements of this very file (a QIF file lists a transfer in both accounts).
 */
export type Duplicate =
  | { kind: 'exact'; transactionId: null }
  | { kind: 'likely'; transactionId: number }
  | { kind: 'transfer'; transactionId: null };

/** One row of the file with everything decided about it. */
export interface PreparedRow {
  index: number;
  statement: number;
  account: AccountRow;
  planned: PlannedRow;
  /**
   * The row's postings as balanced when it was planned, with `PREVIEW_SYSTEM` placeholders for the
   * system accounts (`withSystemAccounts` puts the real ids in): null when the row has an issue.
   */
  balanced: BalancedPostings | null;
  key: string;
  duplicate: Duplicate | null;
}

export interface PreparedStatement {
  index: number;
  statement: Statement;
  account: AccountRow;
  context: BookPlanContext;
}

/** A parsed, planned and deduplicated file: what the preview shows and the commit writes. */
export interface PreparedImport {
  parsed: ParsedFile;
  sha256: string;
  mapping: CsvMapping | null;
  header: string[] | null;
  questions: ImportQuestion[];
  profile: ProfileChoice | null;
  statements: PreparedStatement[];
  rows: PreparedRow[];
}

/** Placeholder ids for system accounts that may not exist yet: the preview balances against them. */
const PREVIEW_SYSTEM = { uncategorisedIncome: -1, uncategorisedExpense: -2, openingBalances: -3 };

/**
 * A row's balanced postings with the system accounts' real ids in place of the placeholders. The
 * placeholders stand for accounts of the statement's currency that are not archived, as the write
 * treats the real ones, so balancing again would give the same postings.
 */
export function withSystemAccounts(balanced: BalancedPostings, system: SystemAccountIds): BalancedPostings {
  if (!balanced.postings.some((posting) => posting.accountId < 0)) return balanced;
  return {
    ...balanced,
    postings: balanced.postings.map((posting) =>
      posting.accountId < 0 ? { ...posting, accountId: systemAccountId(posting.accountId, system) } : posting,
    ),
  };
}

function systemAccountId(placeholder: number, system: SystemAccountIds): number {
  if (placeholder === PREVIEW_SYSTEM.uncategorisedIncome) return system.uncategorisedIncome;
  if (placeholder === PREVIEW_SYSTEM.uncategorisedExpense) return system.uncategorisedExpense;
  return system.openingBalances;
}

function parse(request: ImportRequest, mapping: Partial<CsvMapping> | undefined, currency: string) {
  return parseStatementFile(request.bytes, {
    format: request.format,
    fileName: request.fileName,
    csv: mapping,
    qif: { dateOrder: request.qifDateOrder },
    currency,
  });
}

export interface PrepareOptions {
  /** A preview shows every row's suggestions; a commit only applies the confident ones. */
  suggestEveryRow?: boolean;
  /** A preview marks the duplicates; a commit looks them up as it writes (`importBatch`). */
  findDuplicates?: boolean;
}

/** Reads the file, applies the profile (CSV), plans every row and (unless told not to) finds the duplicates. */
export async function prepareImport(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  classifierFor: (db: Db, bookId: number) => Promise<RowClassifier | null>,
  { suggestEveryRow = true, findDuplicates = true }: PrepareOptions = {},
): Promise<PreparedImport> {
  const account = await importAccount(db, scope, request.accountId, '/accountId');
  if (request.profileId !== undefined)
    await requireProfile(db, scope.bookId, request.profileId, '/profileId');
  let parsed = parse(request, request.mapping, account.currency);
  let profile: ProfileChoice | null = null;
  if (parsed.format === 'csv') {
    profile = await chooseProfile(db, scope.bookId, account.id, request.profileId, parsed.header ?? null);
    if (profile) parsed = parse(request, { ...profile.mapping, ...request.mapping }, account.currency);
  }
  const classify = await classifierFor(db, scope.bookId);
  const statements: PreparedStatement[] = [];
  for (const [index, statement] of parsed.statements.entries()) {
    const position = request.statementAccounts?.findIndex((s) => s.statement === index) ?? -1;
    const target = position >= 0 ? request.statementAccounts![position] : undefined;
    const statementAccount = target
      ? await importAccount(db, scope, target.accountId, `/statementAccounts/${position}/accountId`)
      : account;
    statements.push({
      index,
      statement,
      account: statementAccount,
      context: await loadPlanContext(db, scope.bookId, statementAccount, classify, suggestEveryRow),
    });
  }
  const rows = planRows(statements);
  pairTransferHalves(rows);
  if (findDuplicates) await markDuplicates(db, scope.bookId, rows);
  return {
    parsed,
    sha256: createHash('sha256').update(request.bytes).digest('hex'),
    mapping: parsed.mapping ?? null,
    header: parsed.header ?? null,
    questions: parsed.questions ?? [],
    profile,
    statements,
    rows,
  };
}

export async function importAccount(
  db: Db,
  scope: BookScope,
  id: number,
  field: string,
): Promise<AccountRow> {
  const account = await getAccountRow(db, scope.bookId, id);
  const refuse = (code: ErrorCode, message: string): never => fail(code, message, [{ field, code, message }]);
  if (!account) return refuse('UNKNOWN_ACCOUNT', `There is no account ${id} in this book.`);
  if (account.type === 'income' || account.type === 'expense') {
    refuse('INVALID_ACCOUNT_KIND', `Account ${id} is a category: import into an account.`);
  }
  if (account.archived) refuse('ACCOUNT_ARCHIVED', `Account ${id} is archived.`);
  return account;
}

function planRows(statements: readonly PreparedStatement[]): PreparedRow[] {
  const rows: PreparedRow[] = [];
  const keyers = new Map<number, ImportKeyer>();
  for (const prepared of statements) {
    const keyer = keyers.get(prepared.account.id) ?? createImportKeyer(prepared.account.id);
    keyers.set(prepared.account.id, keyer);
    rows.push(...planChunk(prepared, prepared.statement.rows, keyer, rows.length));
  }
  return rows;
}

export type ImportKeyer = ReturnType<typeof createImportKeyer>;

/** Plans a run of one statement's rows, numbering them from `firstIndex` (a stream plans chunk by chunk). */
export function planChunk(
  prepared: PreparedStatement,
  rows: readonly StatementRow[],
  keyer: ImportKeyer,
  firstIndex: number,
): PreparedRow[] {
  const { index, statement, account, context } = prepared;
  const accounts = previewAccounts(context);
  return rows.map((row, offset) => {
    const planned = planRow(row, context, statement.currency);
    return {
      index: firstIndex + offset,
      statement: index,
      account,
      planned,
      balanced: checkBalances(planned, account.id, accounts),
      key: keyer(row),
      duplicate: null,
    };
  });
}

/** The book's accounts plus placeholders for system accounts that may not exist yet. */
function previewAccounts(context: BookPlanContext): Map<number, PostingAccount> {
  const accounts = new Map(context.postingAccounts);
  const currency = context.currency;
  for (const id of Object.values(PREVIEW_SYSTEM)) accounts.set(id, { id, currency, archived: false });
  return accounts;
}

/**
 * Balances the row's postings now, so a row that could not be written shows its problem in the
 * preview, and the write need not balance them again.
 */
function checkBalances(
  planned: PlannedRow,
  accountId: number,
  accounts: Map<number, PostingAccount>,
): BalancedPostings | null {
  if (planned.issues.length > 0) return null;
  try {
    return balancePostings(plannedPostings(planned, accountId, PREVIEW_SYSTEM), accounts);
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    planned.issues.push(issueOf(error, planned.row.line));
    return null;
  }
}

function issueOf(error: MonetaError, line: number): ImportIssue {
  const code =
    error.code === 'AMOUNT_OUT_OF_RANGE' || error.code === 'TOO_MANY_DECIMALS'
      ? 'INVALID_AMOUNT'
      : 'MALFORMED_RECORD';
  return { code, severity: 'error', message: error.fieldErrors[0]?.message ?? error.message, line };
}

/**
 * A transfer between two accounts of one file appears in both statements; the first half is
 * booked (both accounts move), the matching half (the other way, same day and amount) is skipped.
 */
function pairTransferHalves(rows: readonly PreparedRow[]): void {
  const waiting = new Map<string, number>();
  const key = (from: number, to: number, date: string, minor: bigint) => `${from}>${to}:${date}:${minor}`;
  for (const row of rows) {
    const { legs, amount, row: source } = row.planned;
    const leg = legs.length === 1 ? legs[0]!.target : null;
    if (!amount || leg?.kind !== 'transfer') continue;
    const mirror = key(leg.accountId, row.account.id, source.date, -amount.minor);
    const open = waiting.get(mirror) ?? 0;
    if (open > 0) {
      waiting.set(mirror, open - 1);
      row.duplicate = { kind: 'transfer', transactionId: null };
      continue;
    }
    const own = key(row.account.id, leg.accountId, source.date, amount.minor);
    waiting.set(own, (waiting.get(own) ?? 0) + 1);
  }
}

/** Exact duplicates by key; likely ones by amount, date and text among the account's other transactions. */
export async function markDuplicates(
  db: Db,
  bookId: number,
  rows: PreparedRow[],
  ownBatchId: number | null = null,
): Promise<void> {
  const exact = await existingImportKeys(
    db,
    bookId,
    rows.map((row) => row.key),
  );
  for (const row of rows) {
    if (!row.duplicate && exact.has(row.key)) row.duplicate = { kind: 'exact', transactionId: null };
  }
  const byAccount = new Map<number, PreparedRow[]>();
  for (const row of rows) {
    if (row.duplicate || !row.planned.amount) continue;
    const list = byAccount.get(row.account.id) ?? [];
    list.push(row);
    byAccount.set(row.account.id, list);
  }
  for (const [accountId, list] of byAccount) {
    let from = list[0]!.planned.row.date;
    let to = from;
    for (const row of list) {
      const { date } = row.planned.row;
      if (date < from) from = date;
      if (date > to) to = date;
    }
    const candidates = await loadDuplicateCandidates(db, bookId, accountId, from, to, exact, ownBatchId);
    if (candidates.length === 0) continue;
    const probes = list.map((row) => ({
      index: row.index,
      date: row.planned.row.date,
      amount: row.planned.amount!.minor,
      text: `${row.planned.row.payee ?? ''} ${row.planned.row.description}`,
    }));
    const byIndex = new Map(list.map((row) => [row.index, row]));
    for (const [index, transactionId] of findLikelyDuplicates(probes, candidates)) {
      byIndex.get(index)!.duplicate = { kind: 'likely', transactionId };
    }
  }
}
