import { setTimeout as sleep } from 'node:timers/promises';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type TransactionSettings,
} from 'kysely';
import { isDatabaseBusy } from './busy.ts';

export interface LockingSqliteConfig extends SqliteDialectConfig {
  /** How long a transaction waits for the write lock before it fails with SQLITE_BUSY. */
  busyTimeoutMs: number;
}

/**
 * Kysely's SQLite dialect, except that a transaction takes the write lock when it begins
 * (`BEGIN IMMEDIATE`) unless it is declared read-only (`setAccessMode('read only')`, which stays a
 * deferred `BEGIN`).
 *
 * Kysely begins every transaction with a plain, deferred `BEGIN`: it reads first and asks for the
 * write lock at its first write. When another process holds that lock (a `moneta import`), SQLite
 * cannot wait for it there (the transaction's snapshot may already be stale, and waiting could
 * deadlock), so it fails at once with "database is locked" whatever `busy_timeout` says. Asked for
 * up front, the lock can be waited for.
 *
 * And it is waited for here rather than in SQLite's busy handler, which would block the process
 * (better-sqlite3 is synchronous: a server would stop answering) and sleeps up to 100 ms between
 * tries, so that a process committing chunk after chunk (an import) would rarely be caught between
 * two. This asks again every few milliseconds and leaves the event loop free meanwhile.
 *
 * PostgreSQL needs nothing of the kind: its writers lock rows, not the database.
 */
export class LockingSqliteDialect extends SqliteDialect {
  readonly #config: LockingSqliteConfig;

  constructor(config: LockingSqliteConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new LockingSqliteDriver(this.#config);
  }
}

/**
 * The longest pause between two tries for the write lock: a process that writes chunk after chunk
 * and leaves the lock free for longer than this between them lets every waiting writer in.
 */
export const WRITE_LOCK_POLL_MS = 4;

class LockingSqliteDriver extends SqliteDriver {
  readonly #busyTimeoutMs: number;

  constructor(config: LockingSqliteConfig) {
    super(config);
    this.#busyTimeoutMs = config.busyTimeoutMs;
  }

  // Kysely passes the settings, though SqliteDriver's declaration leaves them out.
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings) {
    if (settings?.accessMode === 'read only') {
      await connection.executeQuery(CompiledQuery.raw('begin'));
      return;
    }
    const deadline = performance.now() + this.#busyTimeoutMs;
    for (let pause = 1; ; pause = Math.min(pause * 2, WRITE_LOCK_POLL_MS)) {
      try {
        await this.#tryBeginImmediate(connection);
        return;
      } catch (error) {
        if (!isDatabaseBusy(error) || performance.now() >= deadline) throw error;
      }
      await sleep(pause);
    }
  }

  /** One try, without SQLite's own (blocking) wait. */
  async #tryBeginImmediate(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('pragma busy_timeout = 0'));
    try {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    } finally {
      await connection.executeQuery(CompiledQuery.raw(`pragma busy_timeout = ${this.#busyTimeoutMs}`));
    }
  }
}
