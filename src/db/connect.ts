import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';
import { LockingSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Schema>;
export type DialectName = 'sqlite' | 'postgres';

/**
 * Whether a handle (or an open transaction, or a migration's untyped one) talks to PostgreSQL:
 * for the few places where the SQL of the two databases must differ.
 */
export function isPostgres(db: Pick<Kysely<unknown>, 'getExecutor'>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface Database {
  readonly db: Db;
  readonly dialect: DialectName;
  /** The URL it was opened with, with any password masked: safe to log. */
  readonly label: string;
  close(): Promise<void>;
}

// PostgreSQL returns DATE as a JS Date and TIMESTAMPTZ as a Date by default; Moneta carries
// calendar dates as 'YYYY-MM-DD' and instants as ISO-8601 strings on both databases.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());

export interface OpenOptions {
  /** PostgreSQL: the pool's connections (10). */
  poolSize?: number;
  /** SQLite: how long a write waits for another process's write lock before it fails (5,000 ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens the database named by `url`: `postgres://…` (or `postgresql://…`) uses the pg pool,
 * anything else is a SQLite file path (`sqlite:` prefix optional, `:memory:` allowed).
 */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle client's connection can drop (a server restart, a test dropping its database); the
    // pool replaces it on next use. Unhandled, the 'error' event would end the process.
    pool.on('error', (error) => {
      if (!('code' in error) || error.code !== '57P01')
        console.warn(`PostgreSQL idle client: ${error.message}`);
    });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      label: url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'),
      close: () => db.destroy(),
    };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  const busyTimeoutMs = Math.trunc(options.busyTimeoutMs ?? 5000);
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const db = new Kysely<Schema>({
    dialect: new LockingSqliteDialect({ database: withStatementCache(sqlite), busyTimeoutMs }),
  });
  return { db, dialect: 'sqlite', label: `sqlite:${file}`, close: () => db.destroy() };
}

/** How many prepared statements a SQLite connection keeps: every query the app runs, not every IN-list length. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares each query's SQL anew, which costs as much as running a small query. This keeps
 * the most recently used statements by SQL text (least recently used dropped first). A statement
 * still iterating (a stream) is never handed out twice: a busy one gets a fresh, uncached twin.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const cached = statements.get(sql);
      if (cached) {
        if (cached.busy) return sqlite.prepare(sql);
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
