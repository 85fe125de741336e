import type { Db } from '../../../db/connect.ts';
import { now as clock } from '../../clock.ts';
import { removeBatch } from './batch-writer.ts';
import { isAbandoned } from './import-writers.ts';

export interface RemovedImport {
  id: number;
  bookId: number;
  /** How many of its transactions had been written. */
  transactions: number;
}

/**
 * Removes every import batch whose writer is gone before it completed (a killed `moneta import`, a
 * server that crashed during an API import): with it, every transaction it had written, so that
 * no part of a batch outlives its import. Batches still being written are left alone.
 */
export async function removeAbandonedImports(db: Db, now = clock()): Promise<RemovedImport[]> {
  const unfinished = await db
    .selectFrom('import_batches')
    .select(['id', 'book_id', 'writer', 'heartbeat_at'])
    .where('status', '=', 'importing')
    .execute();
  const removed: RemovedImport[] = [];
  for (const batch of unfinished) {
    if (!isAbandoned(batch, Date.parse(now))) continue;
    const transactions = await removeBatch(db, batch.book_id, batch, now);
    if (transactions !== null) removed.push({ id: batch.id, bookId: batch.book_id, transactions });
  }
  return removed;
}

/** How often a server looks for abandoned imports (another instance or a CLI may die at any time). */
const SWEEP_EVERY_MS = 60_000;

interface Log {
  info(message: string): void;
  error(object: object, message: string): void;
}

/**
 * Removes abandoned imports now (a restarted server serves no part of a batch it was writing when
 * it died), then every minute until the returned function is called.
 */
export async function watchForAbandonedImports(db: Db, log: Log): Promise<() => void> {
  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      for (const batch of await removeAbandonedImports(db)) {
        log.info(
          `Removed import ${batch.id} of book ${batch.bookId}, cut off after ${batch.transactions} transactions.`,
        );
      }
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => {
    sweep().catch((error) => log.error({ err: error }, 'removing abandoned imports failed'));
  }, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
