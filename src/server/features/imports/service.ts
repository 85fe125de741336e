import type { Selectable } from 'kysely';
import type { ImportBatchJson } from '../../../contract/imports.ts';
import { type FieldError, fail, MonetaError } from '../../../core/errors.ts';
import type { RowClassifier } from '../../../core/import/plan.ts';
import { plannedPostings, type SystemAccountIds } from '../../../core/import/plan-postings.ts';
import { balancePostings } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { ImportBatchTable } from '../../../db/schema-import.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { isUniqueViolation } from '../../../db/unique-violation.ts';
import type { BookScope } from '../../types.ts';
import { systemAccount } from '../accounts/system-accounts.ts';
import { raiseBudgetAlerts } from '../budgets/alerts.ts';
import { payeeIdsByName, payeeKey } from '../payees/bulk.ts';
import { type BulkTransaction, insertTransactionsInBulk } from '../transactions/bulk-writes.ts';
import { deleteTransactions } from '../transactions/ledger-writes.ts';
import {
  type ImportRequest,
  type PreparedImport,
  type PreparedRow,
  prepareImport,
  withSystemAccounts,
} from './prepare.ts';
import { NO_CHOICES, previewJson, type RowChoices, willImport } from './preview-json.ts';
import { rememberMapping } from './profiles.ts';

export type ClassifierSource = (db: Db, bookId: number) => Promise<RowClassifier | null>;

export async function previewImport(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  classifiers: ClassifierSource,
) {
  const prepared = await prepareImport(db, scope, request, classifiers);
  return previewJson(prepared, request.fileName, NO_CHOICES);
}

export interface CommitOptions {
  choices: RowChoices;
  profileName?: string | undefined;
}

/**
 * Writes the rows the preview would import as one batch, in one database transaction: all of it
 * or nothing. Refused while a date question is open or a row that is not excluded has an error.
 */
export async function commitImport(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  options: CommitOptions,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson> {
  try {
    return await commitOnce(db, scope, request, options, classifiers, now);
  } catch (error) {
    // A concurrent import committed the same rows, payees or system accounts first: read the book
    // again; its rows are duplicates now and the names exist.
    if (!isUniqueViolation(error)) throw error;
    return commitOnce(db, scope, request, options, classifiers, now);
  }
}

function commitOnce(
  db: Db,
  scope: BookScope,
  request: ImportRequest,
  options: CommitOptions,
  classifiers: ClassifierSource,
  now: string,
): Promise<ImportBatchJson> {
  return inTransaction(db, async (trx) => {
    const prepared = await prepareImport(trx, scope, request, classifiers, false);
    refuseUnready(prepared, options.choices);
    const chosen = prepared.rows.filter((row) => willImport(row, options.choices));
    const first = prepared.statements[0]?.account ?? null;
    const batch = await trx
      .insertInto('import_batches')
      .values({
        book_id: scope.bookId,
        account_id: first?.id ?? request.accountId,
        format: prepared.parsed.format,
        file_name: request.fileName,
        file_sha256: prepared.sha256,
        transaction_count: chosen.length,
        skipped_count: prepared.rows.length - chosen.length,
        created_by: scope.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeRows(trx, scope, batch.id, chosen, prepared.statements, options.choices, now);
    if (prepared.parsed.format === 'csv' && prepared.mapping && first) {
      await rememberMapping(
        trx,
        scope.bookId,
        first,
        prepared.profile,
        options.profileName,
        prepared.mapping,
        prepared.header,
        now,
      );
    }
    return batchJson(batch);
  });
}

function refuseUnready(prepared: PreparedImport, choices: RowChoices): void {
  const question = prepared.questions[0];
  if (question) {
    const field = prepared.parsed.format === 'qif' ? '/qifDateOrder' : '/mapping/dateFormat';
    fail('AMBIGUOUS_DATE_FORMAT', `${question.message} Choose one of: ${question.options.join(', ')}.`, [
      { field, code: 'AMBIGUOUS_DATE_FORMAT', message: question.message },
    ]);
  }
  // Records the parser could not turn into rows cannot be excluded: the file must be fixed or remapped.
  const fileErrors = prepared.parsed.issues.filter((issue) => issue.severity === 'error');
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
  const errors: FieldError[] = prepared.rows
    .filter((row) => !choices.exclude.has(row.index))
    .flatMap((row) =>
      row.planned.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => ({
          field: `/rows/${row.index}`,
          code: 'IMPORT_HAS_ERRORS' as const,
          message: `Line ${issue.line ?? row.planned.row.line}: ${issue.message}`,
        })),
    );
  if (errors.length > 0) {
    fail(
      'IMPORT_HAS_ERRORS',
      `${errors.length} row${errors.length === 1 ? '' : 's'} cannot be imported; fix the mapping or exclude them.`,
      errors.slice(0, 100),
    );
  }
  refuseChoices(prepared, choices);
}

/** Row numbers the file has, and chosen categories that are categories of the book. */
function refuseChoices(prepared: PreparedImport, choices: RowChoices): void {
  const lists: Array<[string, Iterable<number>]> = [
    ['/exclude', choices.exclude],
    ['/include', choices.include],
    ['/categories', choices.categories.keys()],
  ];
  for (const [field, indexes] of lists) {
    for (const index of indexes) {
      if (index >= prepared.rows.length) {
        const message = `The file has no row ${index}.`;
        fail('VALIDATION_FAILED', message, [{ field, code: 'VALIDATION_FAILED', message }]);
      }
    }
  }
  [...choices.categories].forEach(([index, categoryId], position) => {
    const { context } = prepared.statements[prepared.rows[index]!.statement]!;
    if (categoryId !== null && !context.categoryNames.has(categoryId)) {
      const message = `There is no category ${categoryId} in this book.`;
      fail('UNKNOWN_ACCOUNT', message, [
        { field: `/categories/${position}/categoryId`, code: 'UNKNOWN_ACCOUNT', message },
      ]);
    }
  });
}

async function systemIds(
  db: Db,
  scope: BookScope,
  currency: CurrencyCode,
  now: string,
): Promise<SystemAccountIds> {
  return {
    uncategorisedIncome: await systemAccount(db, scope, 'uncategorised_income', currency, now),
    uncategorisedExpense: await systemAccount(db, scope, 'uncategorised_expense', currency, now),
    openingBalances: await systemAccount(db, scope, 'opening_balances', currency, now),
  };
}

/**
 * Writes planned rows of a batch with the bulk writer; the system accounts are made on first need.
 * A streamed import passes the same `knownPayees` (folded name → id) for each of its chunks.
 */
export async function writeRows(
  db: Db,
  scope: BookScope,
  batchId: number,
  rows: readonly PreparedRow[],
  statements: PreparedImport['statements'],
  choices: RowChoices,
  now: string,
  knownPayees: Map<string, number> = new Map(),
): Promise<void> {
  if (rows.length === 0) return;
  const names: string[] = [];
  for (const row of rows) if (row.planned.payee) names.push(row.planned.payee);
  const payees = await payeeIdsByName(db, scope.bookId, names, now, knownPayees);
  const payeeIds = new Map<string, number | null>();
  const payeeId = (name: string) => {
    let id = payeeIds.get(name);
    if (id === undefined) {
      id = payees.get(payeeKey(name)) ?? null;
      payeeIds.set(name, id);
    }
    return id;
  };
  const systems = new Map<string, SystemAccountIds>();
  const withSystem = new Set<object>();
  const items: BulkTransaction[] = [];
  for (const row of rows) {
    const { context } = statements[row.statement]!;
    let system = systems.get(context.currency);
    if (!system) {
      system = await systemIds(db, scope, context.currency, now);
      systems.set(context.currency, system);
    }
    if (!withSystem.has(context)) {
      for (const id of Object.values(system)) {
        context.postingAccounts.set(id, { id, currency: context.currency, archived: false });
      }
      withSystem.add(context);
    }
    const planned = withChosenCategory(row, choices);
    try {
      // Balanced once when planned, unless the caller chose another category since.
      const balanced =
        planned === row.planned && row.balanced
          ? withSystemAccounts(row.balanced, system)
          : balancePostings(plannedPostings(planned, row.account.id, system), context.postingAccounts);
      items.push({
        header: {
          date: planned.row.date,
          payeeId: planned.payee ? payeeId(planned.payee) : null,
          description: planned.row.description.slice(0, 10_000),
          notes: planned.notes,
          status: planned.row.status,
        },
        balanced,
        tagIds: planned.tagIds,
        importKey: row.key,
      });
    } catch (error) {
      if (!(error instanceof MonetaError)) throw error;
      const message = `Line ${planned.row.line}: ${error.fieldErrors[0]?.message ?? error.message}`;
      fail('IMPORT_HAS_ERRORS', message, [
        { field: `/rows/${row.index}`, code: 'IMPORT_HAS_ERRORS', message },
      ]);
    }
  }
  await insertTransactionsInBulk(db, scope.bookId, scope.userId, batchId, items, now);
  await raiseBudgetAlerts(
    db,
    scope.bookId,
    items.map((item) => ({ date: item.header.date, postings: item.balanced.postings })),
    now,
  );
}

/** The row as planned, with the category the caller chose instead (one category, no split). */
function withChosenCategory(row: PreparedRow, choices: RowChoices) {
  if (!choices.categories.has(row.index) || !row.planned.amount) return row.planned;
  const categoryId = choices.categories.get(row.index)!;
  return {
    ...row.planned,
    categoryId,
    legs: [{ target: { kind: 'category' as const, categoryId }, amount: row.planned.amount, memo: null }],
  };
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
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map(batchJson);
}

export async function requireBatch(db: Db, bookId: number, id: number): Promise<ImportBatchJson> {
  const row = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('id', '=', id)
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
