import { CompiledQuery, type Kysely } from 'kysely';
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

const TRANSACTION_COLUMNS = [
  'book_id',
  'date',
  'currency',
  'total',
  'payee_id',
  'description',
  'notes',
  'search_text',
  'status',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'import_batch_id',
  'import_key',
] as const;
const POSTING_COLUMNS = [
  'book_id',
  'transaction_id',
  'account_id',
  'date',
  'amount',
  'value',
  'memo',
  'position',
] as const;
const TAG_COLUMNS = ['transaction_id', 'tag_id', 'book_id'] as const;

/**
 * Writes many balanced transactions with multi-row INSERTs (the import path: thousands of rows in
 * a few statements instead of four per row), on `db` (pass the open database transaction), and
 * moves the cached balances once per account and the roll-ups once per (account, month). Returns
 * the new ids in input order. The rows go in as flat parameter lists (`insertValues`): building a
 * query object per value cost more than the database's own work.
 */
export async function insertTransactionsInBulk(
  db: Db,
  bookId: number,
  userId: number | null,
  batchId: number | null,
  items: readonly BulkTransaction[],
  now: string,
): Promise<number[]> {
  const transactions: unknown[] = [];
  for (const item of items) {
    const content = contentColumns(item.header, item.balanced);
    transactions.push(
      bookId,
      content.date,
      content.currency,
      content.total,
      content.payee_id,
      content.description,
      content.notes,
      content.search_text,
      content.status,
      userId,
      now,
      userId,
      now,
      batchId,
      item.importKey,
    );
  }
  const inserted = await insertValues<{ id: number; import_key: string | null }>(
    db,
    'transactions',
    TRANSACTION_COLUMNS,
    transactions,
    ['id', 'import_key'],
    TRANSACTION_ROWS,
  );
  const ids = idsInOrder(items, inserted);

  const deltas = new PostingDeltas();
  await insertPostingsAndTags(
    db,
    bookId,
    items.map((item, index) => ({
      transactionId: ids[index]!,
      date: item.header.date,
      balanced: item.balanced,
      tagIds: item.tagIds,
    })),
    deltas,
  );
  await applyPostingDeltas(db, bookId, deltas, now);
  return ids;
}

/** The postings and tags of transactions already written (or whose old ones were removed). */
export interface PostingsOf {
  transactionId: number;
  date: string;
  balanced: BalancedPostings;
  tagIds: readonly number[];
}

/**
 * Inserts the postings and tags of many transactions in a few multi-row statements and adds the
 * postings to `deltas`, for the caller to move the cached balances and roll-ups once.
 */
export async function insertPostingsAndTags(
  db: Db,
  bookId: number,
  entries: readonly PostingsOf[],
  deltas: PostingDeltas,
): Promise<void> {
  const postings: unknown[] = [];
  const tags: unknown[] = [];
  for (const { transactionId, date, balanced, tagIds } of entries) {
    const lines = balanced.postings;
    for (let position = 0; position < lines.length; position++) {
      const posting = lines[position]!;
      postings.push(
        bookId,
        transactionId,
        posting.accountId,
        date,
        posting.amount.minor,
        posting.value.minor,
        posting.memo,
        position,
      );
      deltas.add(posting.accountId, date, posting.amount.minor);
    }
    if (tagIds.length > 0) {
      for (const tagId of new Set(tagIds)) tags.push(transactionId, tagId, bookId);
    }
  }
  await insertValues(db, 'postings', POSTING_COLUMNS, postings, [], POSTING_ROWS);
  await insertValues(db, 'transaction_tags', TAG_COLUMNS, tags, [], POSTING_ROWS);
}

/**
 * Neither database promises RETURNING rows in VALUES order, so rows are matched by their import
 * key when every row has one. Without keys (generated books) the ids are taken in ascending order:
 * one INSERT draws its identity values in VALUES order on both databases, and a later INSERT of
 * the same write draws higher ones.
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

/** INSERT SQL by its one-row SQL and row count: a dozen sizes per table and dialect at most. */
const templates = new Map<string, string>();

/**
 * INSERTs rows given as one flat list of values (row after row, each in `columns` order), at most
 * `maxRows` a statement, and returns the `returning` columns of the new rows, statement after
 * statement. Kysely compiles the SQL of each statement size once, with its dialect's placeholders
 * and quoting (the one-row SQL tells the dialects apart); after that a chunk of rows costs its
 * values, not a query object per value. A remainder below `maxRows` goes in statements of
 * power-of-two sizes, so that a few SQL texts serve every count (each is prepared once).
 */
export async function insertValues<R = never>(
  db: Db,
  table: 'transactions' | 'postings' | 'transaction_tags',
  columns: readonly string[],
  values: readonly unknown[],
  returning: readonly string[] = [],
  maxRows = 1000,
): Promise<R[]> {
  const width = columns.length;
  if (values.length % width !== 0)
    throw new Error(`${values.length} values do not fill rows of ${width} columns`);
  const oneRow = templateSql(db, table, columns, 1, returning);
  const rows: R[] = [];
  let start = 0;
  while (start < values.length) {
    const left = (values.length - start) / width;
    const count = left >= maxRows ? maxRows : 2 ** Math.floor(Math.log2(left));
    const key = `${oneRow}\n${count}`;
    let sql = count === 1 ? oneRow : templates.get(key);
    if (sql === undefined) {
      sql = templateSql(db, table, columns, count, returning);
      templates.set(key, sql);
    }
    const end = start + count * width;
    const result = await db.executeQuery<R>(CompiledQuery.raw(sql, values.slice(start, end)));
    for (const row of result.rows) rows.push(row);
    start = end;
  }
  return rows;
}

/** The SQL of an INSERT of `rowCount` rows with one placeholder per value. */
function templateSql(
  db: Db,
  table: string,
  columns: readonly string[],
  rowCount: number,
  returning: readonly string[],
): string {
  const row = Object.fromEntries(columns.map((column) => [column, null]));
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const insert = loose.insertInto(table).values(Array.from({ length: rowCount }, () => row));
  const compiled =
    returning.length > 0 ? insert.returning(returning as string[]).compile() : insert.compile();
  if (compiled.parameters.length !== rowCount * columns.length)
    throw new Error(`The INSERT into ${table} does not bind one parameter per value`);
  return compiled.sql;
}
