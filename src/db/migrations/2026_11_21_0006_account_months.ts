import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * Monthly roll-ups of every account's postings. Reports over twenty years summed a million
 * postings per request (0.6–1.9 s even as bare SQL); the roll-up holds ~12 rows per account per
 * year, so whole months come from here and only the partial months at a range's ends from the
 * postings. Filled from the postings that exist; from then on every write keeps it exact.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  let table = db.schema
    .createTable('account_months')
    .addColumn('book_id', 'integer', (c) => c.notNull().references('books.id').onDelete('cascade'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('postings', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('account_months_pk', ['account_id', 'month']);
  // Reads go through the book's accounts and then (account_id, month) ranges; SQLite stores the
  // rows in that key's order when the table has no separate rowid.
  if (!columnTypes(db).postgres) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await sql`insert into account_months (book_id, account_id, month, amount, postings)
    select book_id, account_id, substr(cast(date as text), 1, 7), sum(amount), count(*)
    from postings group by book_id, account_id, substr(cast(date as text), 1, 7)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_months').execute();
}
