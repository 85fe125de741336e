import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/** Envelope (zero-based) budgeting: the per-book mode, assignments per month and category, moves. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  // 'YYYY-MM' with a month 01–12.
  const monthCheck = (column: string) =>
    t.postgres
      ? sql`${sql.ref(column)} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`
      : sql`${sql.ref(column)} glob '[0-9][0-9][0-9][0-9]-[01][0-9]' and substr(${sql.ref(column)}, 6, 2) between '01' and '12'`;

  await db.schema
    .createTable('envelope_settings')
    .addColumn('book_id', 'integer', (c) => c.primaryKey().references('books.id').onDelete('cascade'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_month', 'text', (c) => c.notNull().check(monthCheck('started_month')))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('envelope_assignments')
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull().check(monthCheck('month')))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('envelope_assignments_pk', ['book_id', 'month', 'category_id'])
    .execute();
  await db.schema
    .createIndex('envelope_assignments_category')
    .on('envelope_assignments')
    .column('category_id')
    .execute();

  await db.schema
    .createTable('envelope_moves')
    .addColumn('id', 'integer', t.id)
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull().check(monthCheck('month')))
    .addColumn('from_category_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('to_category_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('amount', 'bigint', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('envelope_moves_book_month')
    .on('envelope_moves')
    .columns(['book_id', 'month'])
    .execute();
  await db.schema
    .createIndex('envelope_moves_from')
    .on('envelope_moves')
    .column('from_category_id')
    .execute();
  await db.schema.createIndex('envelope_moves_to').on('envelope_moves').column('to_category_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['envelope_moves', 'envelope_assignments', 'envelope_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
