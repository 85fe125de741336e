import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * Reconciliation against a bank statement (issue 13): each finished one is kept per account (its
 * statement's date and closing balance, how many transactions it reconciled, who and when), and each
 * transaction it reconciled points back to it, so that it can be undone and its history shown.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('reconciliations')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('statement_date', t.date, (c) => c.notNull())
    .addColumn('statement_balance', 'bigint', (c) => c.notNull())
    .addColumn('transaction_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reconciliations_account')
    .on('reconciliations')
    .columns(['account_id', 'statement_date'])
    .execute();
  await db.schema
    .alterTable('transactions')
    .addColumn('reconciliation_id', 'integer', (c) => c.references('reconciliations.id').onDelete('set null'))
    .execute();
  // Partial: imports and ordinary writes leave it null and pay nothing for it.
  await db.schema
    .createIndex('transactions_reconciliation')
    .on('transactions')
    .column('reconciliation_id')
    .where(sql.ref('reconciliation_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('transactions_reconciliation').execute();
  await db.schema.alterTable('transactions').dropColumn('reconciliation_id').execute();
  await db.schema.dropTable('reconciliations').execute();
}
