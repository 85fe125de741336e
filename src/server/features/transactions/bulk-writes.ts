import { PostingDeltas } from '../../../core/ledger/posting-deltas.ts';
import type { BalancedPostings } from '../../../core/ledger/transaction.ts';
import type { Db } from '../../../db/connect.ts';
import { applyPostingDeltas } from '../accounts/ledger-totals.ts';
import { contentColumns, type TransactionHeader } from './ledger-writes.ts';

/** One transaction of a bulk write. An `importKey` must be unique in the book (see the import). */
export interface BulkTransaction {
  header: TransactionHeader;
  balanced: BalancedPostings;
  tagIds: readonly number[];
  importKey: string | null;
}

// SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535: rows per INSERT stay well below.
const TRANSACTION_ROWS = 1000;
const POSTING_ROWS = 2500;

/**
 * Writes many balanced transactions with multi-row INSERTs (the import path: thousands of rows in
 * a few statements instead of four per row), on `db` (pass the open database transaction), and
 * moves the cached balances once per account and the roll-ups once per (account, month). Returns the new ids in input order.
 */
export async function insertTransactionsInBulk(
  db: Db,
  bookId: number,
  userId: number | null,
  batchId: number | null,
  items: readonly BulkTransaction[],
  now: string,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < items.length; start += TRANSACTION_ROWS) {
    const chunk = items.slice(start, start + TRANSACTION_ROWS);
    const inserted = await db
      .insertInto('transactions')
      .values(
        chunk.map((item) => ({
          book_id: bookId,
          ...contentColumns(item.header, item.balanced),
          created_by: userId,
          created_at: now,
          updated_by: userId,
          updated_at: now,
          import_batch_id: batchId,
          import_key: item.importKey,
        })),
      )
      .returning(['id', 'import_key'])
      .execute();
    ids.push(...idsInOrder(chunk, inserted));
  }

  const postings = items.flatMap((item, index) =>
    item.balanced.postings.map((posting, position) => ({
      book_id: bookId,
      transaction_id: ids[index]!,
      account_id: posting.accountId,
      date: item.header.date,
      amount: posting.amount.minor,
      value: posting.value.minor,
      memo: posting.memo,
      position,
    })),
  );
  for (let start = 0; start < postings.length; start += POSTING_ROWS) {
    await db
      .insertInto('postings')
      .values(postings.slice(start, start + POSTING_ROWS))
      .execute();
  }

  const tags = items.flatMap((item, index) =>
    [...new Set(item.tagIds)].map((tagId) => ({
      transaction_id: ids[index]!,
      tag_id: tagId,
      book_id: bookId,
    })),
  );
  for (let start = 0; start < tags.length; start += POSTING_ROWS) {
    await db
      .insertInto('transaction_tags')
      .values(tags.slice(start, start + POSTING_ROWS))
      .execute();
  }

  const deltas = new PostingDeltas();
  for (const item of items) {
    for (const posting of item.balanced.postings) {
      deltas.add(posting.accountId, item.header.date, posting.amount.minor);
    }
  }
  await applyPostingDeltas(db, bookId, deltas, now);
  return ids;
}

/**
 * Neither database promises RETURNING rows in VALUES order, so rows are matched by their import
 * key when every row has one. Without keys (generated books) the ids are taken in ascending order:
 * one INSERT draws its identity values in VALUES order on both databases.
 */
function idsInOrder(
  chunk: readonly BulkTransaction[],
  inserted: ReadonlyArray<{ id: number; import_key: string | null }>,
): number[] {
  if (chunk.every((item) => item.importKey !== null)) {
    const byKey = new Map(inserted.map((row) => [row.import_key!, row.id]));
    return chunk.map((item) => byKey.get(item.importKey!)!);
  }
  return inserted.map((row) => row.id).sort((a, b) => a - b);
}
