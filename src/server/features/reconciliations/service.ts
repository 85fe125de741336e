import { type Selectable, sql } from 'kysely';
import type { MoneyJson } from '../../../contract/common.ts';
import { fail } from '../../../core/errors.ts';
import { formatMoney } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { ReconciliationTable } from '../../../db/schema.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';
import { fromMoneyJson, moneyJson } from '../../money-json.ts';
import type { BookScope } from '../../types.ts';
import type { AccountRow } from '../accounts/queries.ts';
import { requireAccount } from '../accounts/service.ts';

type ReconciliationRow = Selectable<ReconciliationTable>;

/** A reconciliation as the API shows it. */
export function reconciliationJson(row: ReconciliationRow, currency: string) {
  return {
    id: row.id,
    accountId: row.account_id,
    statementDate: String(row.statement_date).slice(0, 10),
    statementBalance: moneyJson(toMinor(row.statement_balance), currency),
    transactionCount: Number(row.transaction_count),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Only an account the bank sends statements for: an asset or liability, not a category. */
async function statementAccount(db: Db, bookId: number, id: number): Promise<AccountRow> {
  const account = await requireAccount(db, bookId, id);
  if (account.type !== 'asset' && account.type !== 'liability') {
    const message = `${account.name} is a ${account.type === 'equity' ? 'equity account' : 'category'}: only an account with statements is reconciled.`;
    fail('INVALID_ACCOUNT_KIND', message, [{ field: 'path:id', code: 'INVALID_ACCOUNT_KIND', message }]);
  }
  return account;
}

/** Σ of the account's postings up to `date`, split by whether their transaction is still pending. */
async function sums(db: Db, bookId: number, accountId: number, date: string) {
  const rows = await db
    .selectFrom('postings')
    .innerJoin('transactions', 'transactions.id', 'postings.transaction_id')
    .select((eb) => [
      sql`case when transactions.status = 'pending' then 1 else 0 end`.as('pending'),
      sumMinor(eb.ref('postings.amount')).as('total'),
      eb.fn.countAll<number | string>().as('count'),
    ])
    .where('postings.account_id', '=', accountId)
    .where('postings.date', '<=', date)
    .where('transactions.book_id', '=', bookId)
    .groupBy(sql`case when transactions.status = 'pending' then 1 else 0 end`)
    .execute();
  const of = (pending: number) => rows.find((row) => Number(row.pending) === pending);
  return {
    cleared: toMinor(of(0)?.total),
    pending: toMinor(of(1)?.total),
    pendingCount: Number(of(1)?.count ?? 0),
  };
}

async function latest(db: Db, bookId: number, accountId: number) {
  return db
    .selectFrom('reconciliations')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('account_id', '=', accountId)
    .orderBy('statement_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** What a reconciliation at `date` starts from: the cleared and pending sums, and the last one done. */
export async function clearedBalance(db: Db, scope: BookScope, accountId: number, date: string) {
  const account = await statementAccount(db, scope.bookId, accountId);
  const [totals, last] = await Promise.all([
    sums(db, scope.bookId, accountId, date),
    latest(db, scope.bookId, accountId),
  ]);
  return {
    date,
    cleared: moneyJson(totals.cleared, account.currency),
    pending: moneyJson(totals.pending, account.currency),
    pendingCount: totals.pendingCount,
    last: last
      ? {
          statementDate: String(last.statement_date).slice(0, 10),
          statementBalance: moneyJson(toMinor(last.statement_balance), account.currency),
        }
      : null,
  };
}

/**
 * Finishes a reconciliation: when the account's cleared and reconciled transactions up to the
 * statement's date add up to its closing balance, the cleared ones become reconciled and remember
 * this reconciliation; otherwise nothing changes and the difference is said (STATEMENT_MISMATCH).
 */
export async function reconcile(
  db: Db,
  scope: BookScope,
  accountId: number,
  input: { statementDate: string; statementBalance: MoneyJson },
  now: string,
) {
  return inTransaction(db, async (trx) => {
    const account = await statementAccount(trx, scope.bookId, accountId);
    const statement = fromMoneyJson(input.statementBalance, '/statementBalance');
    if (statement.currency !== account.currency) {
      const message = `${account.name} holds ${account.currency}, not ${statement.currency}.`;
      fail('CURRENCY_MISMATCH', message, [
        { field: '/statementBalance/currency', code: 'CURRENCY_MISMATCH', message },
      ]);
    }
    // Taken first, so that no write changes the cleared sum between the check and the update.
    const { cleared } = await sums(trx, scope.bookId, accountId, input.statementDate);
    if (cleared !== statement.minor) {
      const show = (minor: bigint) => formatMoney({ minor, currency: statement.currency });
      const message = `The cleared transactions up to ${input.statementDate} come to ${show(cleared)} ${statement.currency}; the statement says ${show(statement.minor)}: ${show(statement.minor - cleared)} apart.`;
      fail('STATEMENT_MISMATCH', message, [
        { field: '/statementBalance', code: 'STATEMENT_MISMATCH', message },
      ]);
    }
    const row = await trx
      .insertInto('reconciliations')
      .values({
        book_id: scope.bookId,
        account_id: accountId,
        statement_date: input.statementDate,
        statement_balance: statement.minor,
        transaction_count: 0,
        created_by: scope.userId,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const marked = await trx
      .updateTable('transactions')
      .set({ status: 'reconciled', reconciliation_id: row.id, updated_at: now, updated_by: scope.userId })
      .where('book_id', '=', scope.bookId)
      .where('status', '=', 'cleared')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('postings')
          .select('postings.transaction_id')
          .where('postings.account_id', '=', accountId)
          .where('postings.date', '<=', input.statementDate),
      )
      .executeTakeFirst();
    const count = Number(marked.numUpdatedRows);
    await trx
      .updateTable('reconciliations')
      .set({ transaction_count: count })
      .where('id', '=', row.id)
      .execute();
    return reconciliationJson({ ...row, transaction_count: count }, account.currency);
  });
}

/** The account's reconciliations, the latest statement first. */
export async function listReconciliations(db: Db, scope: BookScope, accountId: number) {
  const account = await statementAccount(db, scope.bookId, accountId);
  const rows = await db
    .selectFrom('reconciliations')
    .selectAll()
    .where('book_id', '=', scope.bookId)
    .where('account_id', '=', accountId)
    .orderBy('statement_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => reconciliationJson(row, account.currency));
}

/** Undoes a reconciliation: the transactions it reconciled are cleared again, and it is forgotten. */
export async function undoReconciliation(
  db: Db,
  scope: BookScope,
  accountId: number,
  reconciliationId: number,
  now: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await statementAccount(trx, scope.bookId, accountId);
    const row = await trx
      .selectFrom('reconciliations')
      .select('id')
      .where('id', '=', reconciliationId)
      .where('book_id', '=', scope.bookId)
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    if (!row) fail('NOT_FOUND', `There is no reconciliation ${reconciliationId} of account ${accountId}.`);
    await trx
      .updateTable('transactions')
      .set({ status: 'cleared', reconciliation_id: null, updated_at: now, updated_by: scope.userId })
      .where('book_id', '=', scope.bookId)
      .where('reconciliation_id', '=', reconciliationId)
      .execute();
    await trx.deleteFrom('reconciliations').where('id', '=', reconciliationId).execute();
  });
}
