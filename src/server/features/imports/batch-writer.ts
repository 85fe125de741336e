import { setTimeout as sleep } from 'node:timers/promises';
import type { Selectable } from 'kysely';
import type { StatementFormat } from '../../../core/import/types.ts';
import { isDatabaseBusy } from '../../../db/busy.ts';
import type { Db } from '../../../db/connect.ts';
import type { ImportBatchTable } from '../../../db/schema-import.ts';
import { WRITE_LOCK_POLL_MS } from '../../../db/sqlite-dialect.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { isUniqueViolation } from '../../../db/unique-violation.ts';
import { now as clock } from '../../clock.ts';
import type { BookScope } from '../../types.ts';
import { deleteTransactions } from '../transactions/ledger-writes.ts';
import { startWriting, stopWriting, THIS_WRITER, type UnfinishedBatch } from './import-writers.ts';
import { markDuplicates, type PreparedImport, type PreparedRow } from './prepare.ts';
import { type RowChoices, willImport } from './preview-json.ts';
import { writeRows } from './write-rows.ts';

/**
 * Rows per write transaction: as many as a streamed CSV file hands over at once. Each chunk holds the
 * database's write lock (SQLite) or its accounts' row locks (PostgreSQL) for about a tenth of a
 * second, so an import of any size never makes another writer wait much longer than that. (2,000
 * rows halved the wait and cost the import 18 % instead of 10 %.)
 */
export const ROWS_PER_COMMIT = 5_000;

/**
 * Between two chunks the import rests a little longer than a waiting writer pauses between its tries
 * for the lock (SQLite), so that every writer waiting gets in; in the server's own process, the
 * requests that arrived meanwhile run (better-sqlite3 never leaves the event loop by itself).
 */
const PAUSE_BETWEEN_CHUNKS_MS = WRITE_LOCK_POLL_MS + 1;

/**
 * Tries of one chunk when a concurrent import wrote the same rows, payees or system accounts first,
 * or when another writer kept the database busy for longer than one wait: a long import would
 * rather wait than start over.
 */
const CHUNK_TRIES = 3;

export interface BatchHeader {
  accountId: number;
  format: StatementFormat;
  fileName: string;
}

export interface BatchRows {
  /**
   * Writes the rows that are to be imported, in transactions of `ROWS_PER_COMMIT`: inside each, the
   * chunk's duplicates are looked up again (another import may have written the same rows since),
   * then its new rows are written. Returns the rows it wrote.
   */
  write(
    rows: PreparedRow[],
    statements: PreparedImport['statements'],
    choices: RowChoices,
  ): Promise<PreparedRow[]>;
}

export interface BatchEnd {
  sha256: string;
  /** More to write in the batch's last transaction (a CSV mapping to remember). */
  finish?: ((trx: Db) => Promise<unknown>) | undefined;
}

/**
 * Writes one import batch in many short transactions, as one batch to the user: the batch row is
 * 'importing' while `fill` writes its rows, and becomes 'complete' in the transaction that ends it.
 * When `fill` fails, everything it wrote is removed before the error goes on; when the process dies,
 * the recovery removes it (`removeAbandonedImports`). Only complete batches are imports to the API.
 */
export async function importBatch(
  db: Db,
  scope: BookScope,
  header: BatchHeader,
  now: string,
  fill: (batch: BatchRows) => Promise<BatchEnd>,
): Promise<Selectable<ImportBatchTable>> {
  const { id } = await db
    .insertInto('import_batches')
    .values({
      book_id: scope.bookId,
      account_id: header.accountId,
      format: header.format,
      file_name: header.fileName,
      file_sha256: '',
      transaction_count: 0,
      skipped_count: 0,
      created_by: scope.userId,
      created_at: now,
      status: 'importing',
      writer: THIS_WRITER,
      heartbeat_at: clock(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  startWriting(id);
  const counts = { offered: 0, written: 0 };
  let payees = new Map<string, number>();

  const writeChunk = async (
    rows: PreparedRow[],
    statements: PreparedImport['statements'],
    choices: RowChoices,
  ): Promise<PreparedRow[]> => {
    for (let attempt = 1; ; attempt++) {
      // Payees made by a chunk that rolls back are not kept.
      const known = new Map(payees);
      try {
        const written = await inTransaction(db, async (trx) => {
          await beat(trx, id);
          await markDuplicates(trx, scope.bookId, rows, id);
          const chosen = rows.filter((row) => willImport(row, choices));
          await writeRows(trx, scope, id, chosen, statements, choices, now, known);
          return chosen;
        });
        payees = known;
        return written;
      } catch (error) {
        if (!(isUniqueViolation(error) || isDatabaseBusy(error)) || attempt === CHUNK_TRIES) throw error;
      }
    }
  };

  try {
    const end = await fill({
      async write(rows, statements, choices) {
        const written: PreparedRow[] = [];
        for (let start = 0; start < rows.length; start += ROWS_PER_COMMIT) {
          written.push(
            ...(await writeChunk(rows.slice(start, start + ROWS_PER_COMMIT), statements, choices)),
          );
          await sleep(PAUSE_BETWEEN_CHUNKS_MS);
        }
        counts.offered += rows.length;
        counts.written += written.length;
        return written;
      },
    });
    return await inTransaction(db, async (trx) => {
      const row = await trx
        .updateTable('import_batches')
        .set({
          status: 'complete',
          writer: null,
          heartbeat_at: null,
          file_sha256: end.sha256,
          transaction_count: counts.written,
          skipped_count: counts.offered - counts.written,
        })
        .where('id', '=', id)
        .where('status', '=', 'importing')
        .where('writer', '=', THIS_WRITER)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw abandonedError(id);
      await end.finish?.(trx);
      return row;
    });
  } catch (error) {
    await removeBatch(db, scope.bookId, { id, writer: THIS_WRITER }, now).catch(() => {
      // The database failed again: the recovery removes the batch later.
    });
    throw error;
  } finally {
    stopWriting(id);
  }
}

/**
 * Removes an unfinished batch: its transactions `ROWS_PER_COMMIT` at a time, each chunk in its own
 * transaction (cached balances and roll-ups follow), then the batch row. The batch is first taken
 * over from the writer seen in `batch` (and at the heartbeat seen, when given), so a writer that was
 * only slow finds its next chunk refused instead of writing into a batch being removed. Returns how
 * many transactions went, or null when the batch was completed or taken over meanwhile.
 */
export async function removeBatch(
  db: Db,
  bookId: number,
  batch: Pick<UnfinishedBatch, 'id' | 'writer'> & { heartbeat_at?: string | null },
  now: string,
): Promise<number | null> {
  let claim = db
    .updateTable('import_batches')
    .set({ writer: THIS_WRITER, heartbeat_at: clock() })
    .where('id', '=', batch.id)
    .where('book_id', '=', bookId)
    .where('status', '=', 'importing')
    .where('writer', batch.writer === null ? 'is' : '=', batch.writer);
  if (batch.heartbeat_at !== undefined)
    claim = claim.where('heartbeat_at', batch.heartbeat_at === null ? 'is' : '=', batch.heartbeat_at);
  if ((await claim.executeTakeFirst()).numUpdatedRows === 0n) return null;
  startWriting(batch.id);
  try {
    let removed = 0;
    for (;;) {
      const deleted = await inTransaction(db, async (trx) => {
        const rows = await trx
          .selectFrom('transactions')
          .select('id')
          .where('book_id', '=', bookId)
          .where('import_batch_id', '=', batch.id)
          .limit(ROWS_PER_COMMIT)
          .execute();
        if (rows.length > 0) {
          await deleteTransactions(
            trx,
            bookId,
            rows.map((row) => row.id),
            now,
          );
        } else {
          await trx
            .deleteFrom('import_batches')
            .where('id', '=', batch.id)
            .where('writer', '=', THIS_WRITER)
            .execute();
        }
        return rows.length;
      });
      if (deleted === 0) return removed;
      removed += deleted;
      await sleep(PAUSE_BETWEEN_CHUNKS_MS);
    }
  } finally {
    stopWriting(batch.id);
  }
}

/** Marks the batch as still being written, by this process; fails when another took it over. */
async function beat(trx: Db, batchId: number): Promise<void> {
  const result = await trx
    .updateTable('import_batches')
    .set({ heartbeat_at: clock() })
    .where('id', '=', batchId)
    .where('status', '=', 'importing')
    .where('writer', '=', THIS_WRITER)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw abandonedError(batchId);
}

function abandonedError(batchId: number): Error {
  return new Error(
    `Import batch ${batchId} was taken for abandoned and removed by another process (its writer had not committed for too long).`,
  );
}
