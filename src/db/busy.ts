/**
 * Whether a database error means "not now" rather than "wrong": SQLite's lock stayed taken longer
 * than `busy_timeout` (SQLITE_BUSY and its extended codes), or PostgreSQL chose this transaction as
 * a deadlock's victim (40P01), could not serialise it (40001) or could not take a lock (55P03). The
 * transaction was rolled back; the same request can simply be sent again.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  if (typeof code !== 'string') return false;
  return code.startsWith('SQLITE_BUSY') || code === '40P01' || code === '40001' || code === '55P03';
}
