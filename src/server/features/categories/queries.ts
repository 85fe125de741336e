import { PostingDeltas } from '../../../core/ledger/posting-deltas.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';

/**
 * Points every posting of one account at another; returns exactly the postings moved, out of one
 * account and into the other (UPDATE … RETURNING, so a posting written meanwhile is either moved
 * and counted, or neither).
 */
export async function reassignPostings(db: Db, fromId: number, toId: number): Promise<PostingDeltas> {
  const moved = await db
    .updateTable('postings')
    .set({ account_id: toId })
    .where('account_id', '=', fromId)
    .returning(['date', 'amount'])
    .execute();
  const deltas = new PostingDeltas();
  for (const row of moved) {
    deltas.add(fromId, row.date, toMinor(row.amount), -1).add(toId, row.date, toMinor(row.amount));
  }
  return deltas;
}

/** Payees that default to one category default to another instead. */
export async function reassignPayeeDefaults(db: Db, fromId: number, toId: number, now: string) {
  await db
    .updateTable('payees')
    .set({ default_category_id: toId, updated_at: now })
    .where('default_category_id', '=', fromId)
    .execute();
}
