import { sql } from 'kysely';
import { PostingDeltas } from '../../../core/ledger/posting-deltas.ts';
import type { BalancedPostings } from '../../../core/ledger/transaction.ts';
import { foldText } from '../../../core/text/fold.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { applyPostingDeltas } from '../accounts/ledger-totals.ts';

/** The descriptive fields of a transaction; its postings come balanced from the core. */
export interface TransactionHeader {
  date: string;
  payeeId: number | null;
  description: string;
  notes: string | null;
  status: 'pending' | 'cleared' | 'reconciled';
}

/** Writes a transaction's postings and tags, and adds the postings to `deltas`. */
async function writePostings(
  db: Db,
  bookId: number,
  transactionId: number,
  date: string,
  balanced: BalancedPostings,
  tagIds: readonly number[],
  deltas: PostingDeltas,
): Promise<void> {
  await db
    .insertInto('postings')
    .values(
      balanced.postings.map((posting, position) => ({
        book_id: bookId,
        transaction_id: transactionId,
        account_id: posting.accountId,
        date,
        amount: posting.amount.minor,
        value: posting.value.minor,
        memo: posting.memo,
        position,
      })),
    )
    .execute();
  if (tagIds.length > 0) {
    await db
      .insertInto('transaction_tags')
      .values(
        [...new Set(tagIds)].map((tagId) => ({
          transaction_id: transactionId,
          tag_id: tagId,
          book_id: bookId,
        })),
      )
      .execute();
  }
  for (const posting of balanced.postings) deltas.add(posting.accountId, date, posting.amount.minor);
}

/** What text search matches: the folded description, notes and memos. */
function searchTextOf(header: TransactionHeader, balanced: BalancedPostings): string {
  const memos = balanced.postings.map((posting) => posting.memo ?? '');
  return foldText([header.description, header.notes ?? '', ...memos].filter(Boolean).join('\n'));
}

/** The columns a transaction's content decides, the same on insert and on replace. */
export function contentColumns(header: TransactionHeader, balanced: BalancedPostings) {
  return {
    date: header.date,
    currency: balanced.currency,
    total: balanced.total.minor,
    payee_id: header.payeeId,
    description: header.description,
    notes: header.notes,
    search_text: searchTextOf(header, balanced),
    status: header.status,
  };
}

/**
 * Writes a balanced transaction, its postings and tags, and moves the cached balances and
 * monthly roll-ups, all on `db` (pass the open database transaction). Returns the new id.
 */
export async function insertTransaction(
  db: Db,
  bookId: number,
  userId: number,
  header: TransactionHeader,
  balanced: BalancedPostings,
  tagIds: readonly number[],
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('transactions')
    .values({
      book_id: bookId,
      ...contentColumns(header, balanced),
      created_by: userId,
      created_at: now,
      updated_by: userId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const deltas = new PostingDeltas();
  await writePostings(db, bookId, id, header.date, balanced, tagIds, deltas);
  await applyPostingDeltas(db, bookId, deltas, now);
  return id;
}

/** Replaces a transaction's header, postings and tags, keeping cached balances and roll-ups exact. */
export async function replaceTransaction(
  db: Db,
  bookId: number,
  userId: number,
  transactionId: number,
  header: TransactionHeader,
  balanced: BalancedPostings,
  tagIds: readonly number[],
  now: string,
): Promise<void> {
  const deltas = new PostingDeltas();
  await clearPostingsAndTags(db, bookId, [transactionId], deltas);
  await db
    .updateTable('transactions')
    .set({
      ...contentColumns(header, balanced),
      updated_by: userId,
      updated_at: now,
    })
    .where('id', '=', transactionId)
    .where('book_id', '=', bookId)
    .execute();
  await writePostings(db, bookId, transactionId, header.date, balanced, tagIds, deltas);
  await applyPostingDeltas(db, bookId, deltas, now);
}

/**
 * Deletes the postings of these transactions of the book and adds exactly what was deleted to
 * `deltas` (DELETE … RETURNING: a concurrent writer cannot make us subtract a posting twice).
 */
async function removePostings(
  db: Db,
  bookId: number,
  transactionIds: readonly number[],
  deltas: PostingDeltas,
): Promise<void> {
  if (transactionIds.length === 0) return;
  const removed = await db
    .deleteFrom('postings')
    .where('book_id', '=', bookId)
    .where('transaction_id', 'in', transactionIds)
    .returning(['account_id', 'date', 'amount'])
    .execute();
  for (const row of removed) deltas.add(row.account_id, row.date, toMinor(row.amount), -1);
}

/**
 * Empties transactions of the book for new content: their postings (added to `deltas`) and
 * tags go; the caller writes the new ones and moves the cached figures once.
 */
export async function clearPostingsAndTags(
  db: Db,
  bookId: number,
  transactionIds: readonly number[],
  deltas: PostingDeltas,
): Promise<void> {
  if (transactionIds.length === 0) return;
  await removePostings(db, bookId, transactionIds, deltas);
  await db
    .deleteFrom('transaction_tags')
    .where('book_id', '=', bookId)
    .where('transaction_id', 'in', transactionIds)
    .execute();
}

/**
 * Takes the row lock of a transaction of the book before it is changed or deleted, so that two
 * requests on the same transaction run one after the other (PostgreSQL runs them concurrently;
 * SQLite serialises writes anyway). False when the book has no such transaction.
 */
export async function lockTransaction(
  db: Db,
  bookId: number,
  transactionId: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('transactions')
    .set({ updated_at: now })
    .where('id', '=', transactionId)
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes transactions of a book with their postings and tags; cached balances and roll-ups follow. */
export async function deleteTransactions(
  db: Db,
  bookId: number,
  transactionIds: readonly number[],
  now: string,
): Promise<void> {
  const deltas = new PostingDeltas();
  for (let start = 0; start < transactionIds.length; start += 500) {
    const chunk = transactionIds.slice(start, start + 500);
    await removePostings(db, bookId, chunk, deltas);
    // `+book_id`: the ids pick the rows; SQLite, without statistics, would otherwise walk the
    // book's (book_id, import_key) index for `book_id = ?` on every chunk (70–270 ms each at a
    // million transactions: an undo of 100,000 rows took 16–20 s).
    await db
      .deleteFrom('transactions')
      .where(sql`+${sql.ref('book_id')}`, '=', bookId)
      .where('id', 'in', chunk)
      .execute();
  }
  await applyPostingDeltas(db, bookId, deltas, now);
}
