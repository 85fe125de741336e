import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * Import and rules: batches of imported transactions (undone as a whole), saved CSV mappings,
 * categorisation rules, and on each transaction the batch it came in and the key that finds it again
 * when the same file is imported twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('set null'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'ofx', 'qif', 'camt')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('transaction_count', 'integer', (c) => c.notNull())
    .addColumn('skipped_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('undone_at', t.instant)
    .addColumn('undone_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('import_batches_book')
    .on('import_batches')
    .columns(['book_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('transactions')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batches.id').onDelete('set null'))
    .execute();
  // '<accountId>:id:<file id>' or '<accountId>:hash:<content hash>': what makes a re-import find its rows.
  await db.schema.alterTable('transactions').addColumn('import_key', 'text').execute();
  await db.schema
    .createIndex('transactions_import_batch')
    .on('transactions')
    .column('import_batch_id')
    .execute();
  // Unique: two imports of one file racing each other cannot both write a row (the second retries).
  await db.schema
    .createIndex('transactions_import_key')
    .unique()
    .on('transactions')
    .columns(['book_id', 'import_key'])
    .execute();

  await db.schema
    .createTable('import_profiles')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    // The CsvMapping as JSON (src/core/import/types.ts).
    .addColumn('mapping', 'text', (c) => c.notNull())
    // What the header record looked like, so a file of the same layout finds its profile again.
    .addColumn('header_key', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('import_profiles_name', ['book_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('rules')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('match', 'text', (c) => c.notNull().check(sql`match in ('all', 'any')`))
    // RuleCondition[] and RuleAction[] as JSON (src/core/rules/types.ts).
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rules_book').on('rules').columns(['book_id', 'position']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rules').execute();
  await db.schema.dropTable('import_profiles').execute();
  await db.schema.dropIndex('transactions_import_key').execute();
  await db.schema.dropIndex('transactions_import_batch').execute();
  await db.schema.alterTable('transactions').dropColumn('import_key').execute();
  await db.schema.alterTable('transactions').dropColumn('import_batch_id').execute();
  await db.schema.dropTable('import_batches').execute();
}
