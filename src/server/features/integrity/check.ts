/**
 * `moneta check`: verifies the ledger's invariants and every cached figure against the postings
 * (Principle 1). Read-only; used by the CLI and, later, by the admin area.
 */
import type { Db } from '../../../db/connect.ts';
import { envelopeYearProblems } from './envelope-year-checks.ts';
import { balanceProblems, countRows, transactionProblems } from './ledger-checks.ts';
import { monthProblems } from './month-checks.ts';
import { postingProblems, referenceProblems } from './posting-checks.ts';
import type { IntegrityReport } from './problems.ts';
import { searchIndexProblems } from './search-checks.ts';

export type {
  IntegrityCounts,
  IntegrityProblem,
  IntegrityReport,
  ProblemIds,
  ProblemKind,
} from './problems.ts';

export interface CheckOptions {
  /** Check one book; every book when left out. */
  readonly bookId?: number | undefined;
}

/**
 * Checks every book (or one): transactions balance and have two postings or more, cached
 * balances, totals and monthly roll-ups equal what the postings say, postings agree with their transaction
 * (date, book, amount = value in its currency) and nothing points into another book.
 *
 * Runs in one read-only transaction (REPEATABLE READ on PostgreSQL) so that a server writing
 * meanwhile cannot make a sound ledger look broken. Pass `db`, not an open transaction's handle,
 * or pass a transaction to run inside it.
 */
export async function checkIntegrity(db: Db, options: CheckOptions = {}): Promise<IntegrityReport> {
  const run = async (trx: Db): Promise<IntegrityReport> => {
    const bookId = options.bookId;
    const counts = await countRows(trx, bookId);
    const problems = [
      ...(await transactionProblems(trx, bookId)),
      ...(await balanceProblems(trx, bookId)),
      ...(await monthProblems(trx, bookId)),
      ...(await envelopeYearProblems(trx, bookId)),
      ...(await postingProblems(trx, bookId)),
      ...(await referenceProblems(trx, bookId)),
      ...(await searchIndexProblems(trx)),
    ];
    return { counts, problems };
  };
  if (db.isTransaction) return run(db);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(run);
}
