import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;
export type DialectName = 'sqlite' | 'postgres';

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

/**
 * Opens the database named by `url`: `postgres://…` (or `postgresql://…`) uses the pg pool,
 * anything else is a SQLite file path (`sqlite:` prefix optional, `:memory:` allowed).
 */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Database {
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
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', label: `sqlite:${file}`, close: () => db.destroy() };
}
