import type { Db } from './connect.ts';

/**
 * Runs `work` in a database transaction: a new one, or the caller's when `db` already is one, so
 * services compose (a category merge can call the account service inside its own transaction).
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
