import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';

/**
 * Points every posting of one account at another; returns the sum of exactly the amounts moved
 * (UPDATE … RETURNING, so a posting written meanwhile is either moved and counted, or neither).
 */
export async function reassignPostings(db: Db, fromId: number, toId: number): Promise<bigint> {
  const moved = await db
    .updateTable('postings')
    .set({ account_id: toId })
    .where('account_id', '=', fromId)
    .returning('amount')
    .execute();
  return moved.reduce((total, row) => total + toMinor(row.amount), 0n);
}

/** Payees that default to one category default to another instead. */
export async function reassignPayeeDefaults(db: Db, fromId: number, toId: number, now: string) {
  await db
    .updateTable('payees')
    .set({ default_category_id: toId, updated_at: now })
    .where('default_category_id', '=', fromId)
    .execute();
}
