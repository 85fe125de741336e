import { hostname } from 'node:os';

/**
 * Who writes which import batch, and whether they still live. An import commits its batch chunk by
 * chunk; the batch row names its writer ('<host> <pid>') and the time of its last chunk, so that a
 * batch whose writer was killed can be told from one still being written, by any process.
 */

/** How long a writer may go without committing a chunk before its batch counts as abandoned. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

/** This process, as it signs the batches it writes. */
export const THIS_WRITER = `${hostname()} ${process.pid}`;

/** The batches this process is writing right now. */
const writingHere = new Set<number>();

export function startWriting(batchId: number): void {
  writingHere.add(batchId);
}

export function stopWriting(batchId: number): void {
  writingHere.delete(batchId);
}

export interface UnfinishedBatch {
  id: number;
  writer: string | null;
  heartbeat_at: string | null;
}

/**
 * Whether nobody writes the batch any more: its last chunk is older than `ABANDONED_AFTER_MS`, or
 * its writer ran on this host and that process is gone (or is this one, which is not writing it).
 * A writer on another host is trusted until its heartbeat goes stale.
 */
export function isAbandoned(batch: UnfinishedBatch, nowMs: number): boolean {
  const beat = batch.heartbeat_at === null ? Number.NaN : Date.parse(batch.heartbeat_at);
  if (!(nowMs - beat <= ABANDONED_AFTER_MS)) return true;
  const split = batch.writer?.lastIndexOf(' ') ?? -1;
  if (split < 0) return true;
  if (batch.writer!.slice(0, split) !== hostname()) return false;
  const pid = Number(batch.writer!.slice(split + 1));
  if (pid === process.pid) return !writingHere.has(batch.id);
  return !processLives(pid);
}

function processLives(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
