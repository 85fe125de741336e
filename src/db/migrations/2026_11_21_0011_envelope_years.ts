import { type Kysely, sql } from 'kysely';
import { refreshEnvelopeYears } from '../envelope-years.ts';
import type { Schema } from '../schema.ts';
import { columnTypes } from './dialect.ts';

/**
 * Envelope year blocks: per expense category and calendar year, what an envelope month needs of
 * that year (Σ assigned with moves, Σ spent, the lowest running sum), so that a month after twenty
 * years reads ~20 rows per category instead of ~240 months of roll-ups, assignments and moves.
 * Filled from what exists; from then on every write of postings, assignments or moves keeps the
 * years it touched exact in its own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('envelope_years')
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('category_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('assigned', 'bigint', (c) => c.notNull())
    .addColumn('spent', 'bigint', (c) => c.notNull())
    .addColumn('low', 'bigint', (c) => c.notNull().check(sql`low <= 0`))
    .addPrimaryKeyConstraint('envelope_years_pk', ['category_id', 'year']);
  if (!columnTypes(db).postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await db.schema
    .createIndex('envelope_years_book_year')
    .on('envelope_years')
    .columns(['book_id', 'year'])
    .execute();
  await refreshEnvelopeYears(db as Kysely<Schema>, {});
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('envelope_years').execute();
}
