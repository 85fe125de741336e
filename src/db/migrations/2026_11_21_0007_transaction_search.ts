import { type Kysely, sql } from 'kysely';
import { columnTypes } from './dialect.ts';

/**
 * A trigram index on each transaction's folded text, so that text search finds rare words without
 * reading every transaction (a `LIKE '%…%'` scan of a million rows took ~0.4 s when nothing
 * matched). Trigrams keep the search's meaning — any substring of three characters or more.
 *
 * - SQLite: an FTS5 table with the trigram tokenizer over `transactions.search_text` (external
 *   content, so the text is stored once), kept in step by triggers on every path that writes a
 *   transaction, bulk inserts included.
 * - PostgreSQL: pg_trgm's GIN index on the column, which the planner uses for `LIKE` itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (columnTypes(db).postgres) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index transactions_search_trgm on transactions using gin (search_text gin_trgm_ops)`.execute(
      db,
    );
    return;
  }
  await sql`create virtual table transactions_search using fts5(
    search_text, content = 'transactions', content_rowid = 'id', tokenize = 'trigram')`.execute(db);
  await sql`create trigger transactions_search_insert after insert on transactions begin
    insert into transactions_search (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`create trigger transactions_search_delete after delete on transactions begin
    insert into transactions_search (transactions_search, rowid, search_text)
      values ('delete', old.id, old.search_text);
  end`.execute(db);
  await sql`create trigger transactions_search_update after update of search_text on transactions begin
    insert into transactions_search (transactions_search, rowid, search_text)
      values ('delete', old.id, old.search_text);
    insert into transactions_search (rowid, search_text) values (new.id, new.search_text);
  end`.execute(db);
  await sql`insert into transactions_search (transactions_search) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (columnTypes(db).postgres) {
    await sql`drop index transactions_search_trgm`.execute(db);
    return;
  }
  for (const trigger of ['insert', 'delete', 'update']) {
    await sql`drop trigger ${sql.raw(`transactions_search_${trigger}`)}`.execute(db);
  }
  await sql`drop table transactions_search`.execute(db);
}
