import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/** Limit budgets, their amounts changing from a date on, and the notifications their alerts raise. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);

  await db.schema
    .createTable('budgets')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('group_id', 'integer', (c) => c.references('category_groups.id').onDelete('cascade'))
    .addColumn('recurrence', 'text', (c) => c.notNull())
    .addColumn('rollover', 'text', (c) => c.notNull().check(sql`rollover in ('none', 'unspent', 'both')`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addCheckConstraint('budgets_one_target', sql`(category_id is null) <> (group_id is null)`)
    .execute();
  await db.schema.createIndex('budgets_book').on('budgets').columns(['book_id', 'id']).execute();
  await db.schema.createIndex('budgets_category').on('budgets').column('category_id').execute();
  await db.schema.createIndex('budgets_group').on('budgets').column('group_id').execute();

  await db.schema
    .createTable('budget_amounts')
    .addColumn('budget_id', 'integer', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('from_date', t.date, (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount >= 0`))
    .addPrimaryKeyConstraint('budget_amounts_pk', ['budget_id', 'from_date'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('budget_id', 'integer', (c) => c.notNull().references('budgets.id').onDelete('cascade'))
    .addColumn('period_start', t.date, (c) => c.notNull())
    .addColumn('period_end', t.date, (c) => c.notNull())
    .addColumn('threshold', 'integer', (c) => c.notNull().check(sql`threshold in (80, 100)`))
    .addColumn('spent', 'bigint', (c) => c.notNull())
    .addColumn('available', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('dismissed_at', t.instant)
    .execute();
  await db.schema
    .createIndex('notifications_once')
    .on('notifications')
    .columns(['budget_id', 'period_start', 'threshold'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_book')
    .on('notifications')
    .columns(['book_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['notifications', 'budget_amounts', 'budgets']) {
    await db.schema.dropTable(table).execute();
  }
}
