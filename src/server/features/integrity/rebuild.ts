/**
 * `moneta check --rebuild`: recomputes every figure cached beside the postings — account
 * balances, transaction totals, the monthly roll-ups and the envelope years — from the postings
 * (and the envelope's assignments and moves) themselves, and
 * SQLite's text-search index from the transactions' texts, in one database transaction. The postings are the truth (Principle 1); this never changes them.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { rebuildAccountMonths } from '../accounts/ledger-totals.ts';
import { rebuildEnvelopeYears } from '../envelope/years.ts';
import { rebuildSearchIndex } from './search-checks.ts';

export async function rebuildCaches(db: Db, bookId: number | undefined, now: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    let balances = trx.updateTable('accounts').set({
      balance: sql`(select coalesce(sum(p.amount), 0) from postings p where p.account_id = accounts.id)`,
      updated_at: now,
    });
    if (bookId !== undefined) balances = balances.where('book_id', '=', bookId);
    await balances.execute();
    let totals = trx.updateTable('transactions').set({
      total: sql`(select coalesce(sum(case when p.value > 0 then p.value else 0 end), 0)
        from postings p where p.transaction_id = transactions.id)`,
    });
    if (bookId !== undefined) totals = totals.where('book_id', '=', bookId);
    await totals.execute();
    await rebuildAccountMonths(trx, bookId);
    await rebuildEnvelopeYears(trx, bookId);
    await rebuildSearchIndex(trx);
  });
}
