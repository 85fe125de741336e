import { fail, MonetaError } from '../../../core/errors.ts';
import { plannedPostings, type SystemAccountIds } from '../../../core/import/plan-postings.ts';
import { balancePostings } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { systemAccount } from '../accounts/system-accounts.ts';
import { raiseBudgetAlerts } from '../budgets/alerts.ts';
import { payeeIdsByName, payeeKey } from '../payees/bulk.ts';
import { type BulkTransaction, insertTransactionsInBulk } from '../transactions/bulk-writes.ts';
import { type PreparedImport, type PreparedRow, withSystemAccounts } from './prepare.ts';
import type { RowChoices } from './preview-json.ts';

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
 * An import passes the same `knownPayees` (folded name → id) for each of its chunks.
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
