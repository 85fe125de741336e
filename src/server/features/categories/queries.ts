import type { Db } from '../../../db/connect.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';

/** Points every posting of one account at another; returns the sum of the amounts moved. */
export async function reassignPostings(db: Db, fromId: number, toId: number): Promise<bigint> {
  const row = await db
    .selectFrom('postings')
    .select((eb) => sumMinor(eb.ref('amount')).as('total'))
    .where('account_id', '=', fromId)
    .executeTakeFirstOrThrow();
  await db.updateTable('postings').set({ account_id: toId }).where('account_id', '=', fromId).execute();
  return toMinor(row.total);
}

/** Payees that default to one category default to another instead. */
export async function reassignPayeeDefaults(db: Db, fromId: number, toId: number, now: string) {
  await db
    .updateTable('payees')
    .set({ default_category_id: toId, updated_at: now })
    .where('default_category_id', '=', fromId)
    .execute();
}
