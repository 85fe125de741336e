/**
 * SQLite's trigram index of transaction texts (migration 0007) against the texts themselves.
 * PostgreSQL's index is an ordinary index, kept by the database itself.
 */
import { sql } from 'kysely';
import { type Db, isPostgres } from '../../../db/connect.ts';
import type { IntegrityProblem } from './problems.ts';

/** FTS5's own 'integrity-check' compares every indexed text with `transactions.search_text`. */
export async function searchIndexProblems(db: Db): Promise<IntegrityProblem[]> {
  if (isPostgres(db)) return [];
  try {
    await sql`insert into transactions_search (transactions_search, rank) values ('integrity-check', 1)`.execute(
      db,
    );
    return [];
  } catch (error) {
    return [
      {
        kind: 'search-index',
        message: `The text-search index does not match the transactions' texts (${(error as Error).message}); run moneta check --rebuild.`,
        ids: {},
      },
    ];
  }
}

/** Rebuilds the trigram index from the transactions' texts. */
export async function rebuildSearchIndex(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`insert into transactions_search (transactions_search) values ('rebuild')`.execute(db);
}
