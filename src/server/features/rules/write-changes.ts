import { type RawBuilder, sql } from 'kysely';
import { PostingDeltas } from '../../../core/ledger/posting-deltas.ts';
import type { BalancedPostings } from '../../../core/ledger/transaction.ts';
import type { Db } from '../../../db/connect.ts';
import type { BookScope } from '../../types.ts';
import { applyPostingDeltas } from '../accounts/ledger-totals.ts';
import { insertPostingsAndTags } from '../transactions/bulk-writes.ts';
import { clearPostingsAndTags, contentColumns } from '../transactions/ledger-writes.ts';
import type { Candidate } from './candidates.ts';

/** A transaction as the rules leave it: its new payee, notes, tags and balanced postings. */
export interface ChangeWrite {
  candidate: Candidate;
  payeeId: number | null;
  notes: string | null;
  tagIds: readonly number[];
  balanced: BalancedPostings;
}

/**
 * Rewrites changed transactions of the book together, as `replaceTransaction` does one by one:
 * their postings and tags are replaced, their content columns set, and the cached balances and
 * roll-ups move once for all of them. A few statements for a chunk of hundreds of changes instead
 * of ten for each (PostgreSQL pays a round trip per statement). Pass the open database transaction
 * in which the rows were locked and read.
 */
export async function writeChanges(
  db: Db,
  scope: BookScope,
  writes: readonly ChangeWrite[],
  now: string,
): Promise<void> {
  if (writes.length === 0) return;
  const { bookId } = scope;
  const ids = writes.map((write) => write.candidate.id);
  const deltas = new PostingDeltas();
  await clearPostingsAndTags(db, bookId, ids, deltas);

  await insertPostingsAndTags(
    db,
    bookId,
    writes.map(({ candidate, tagIds, balanced }) => ({
      transactionId: candidate.id,
      date: candidate.date,
      balanced,
      tagIds,
    })),
    deltas,
  );
  const rows: RawBuilder<unknown>[] = [];
  for (const { candidate, payeeId, notes, balanced } of writes) {
    const { date } = candidate;
    const content = contentColumns(
      { date, payeeId, description: candidate.description, notes, status: candidate.status },
      balanced,
    );
    // Typed, because PostgreSQL reads the parameters of a VALUES list as text otherwise.
    rows.push(
      sql`(cast(${candidate.id} as integer), cast(${content.payee_id} as integer), cast(${content.notes} as text), cast(${content.search_text} as text), cast(${content.total} as bigint), cast(${content.currency} as text))`,
    );
  }
  // Date, description and status stay; VALUES columns are column1… on both databases. The ids
  // pick the rows: `+book_id` keeps SQLite (without statistics) from scanning the book's whole
  // (book_id, …) index instead, which took 38 ms a statement at a million transactions.
  await sql`update transactions set payee_id = changed.column2, notes = changed.column3,
      search_text = changed.column4, total = changed.column5, currency = changed.column6,
      updated_by = ${scope.userId}, updated_at = ${now}
    from (values ${sql.join(rows)}) as changed
    where transactions.id = changed.column1 and +transactions.book_id = ${bookId}`.execute(db);
  await applyPostingDeltas(db, bookId, deltas, now);
}
