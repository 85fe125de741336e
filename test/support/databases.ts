/**
 * Runs the same database tests on SQLite and on PostgreSQL.
 *
 *   describeEachDatabase('accounts repository', (ctx) => {
 *     it('inserts an account', async () => {
 *       await ctx.database.db.insertInto('accounts')…;
 *       if (ctx.dialect === 'postgres') …;
 *     });
 *   });
 *
 * Each block gets one fresh, migrated database for all of its tests (beforeAll / afterAll);
 * use `openTestDatabase(dialect)` for a private one inside a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export type DialectName = 'sqlite' | 'postgres';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

export interface TestDatabaseContext {
  readonly dialect: DialectName;
  /** The block's migrated database: valid inside tests and hooks (not while the block is being collected). */
  readonly database: Database;
  /** What opens the same database from another process (`moneta … --database URL`). */
  readonly url: string;
}

export interface TestDatabase {
  readonly database: Database;
  /** What opens it again, from this process or another (`moneta … --database URL`). */
  readonly url: string;
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/** The throwaway cluster's superuser URL, or null when PostgreSQL is not installed (suites are skipped). */
export function postgresAdminUrl(): string | null {
  return inject('postgresAdminUrl') ?? null;
}

async function withAdminClient<T>(adminUrl: string, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/**
 * Opens a fresh, migrated database: an in-memory SQLite one (a file in a temporary folder when
 * `shared`, so that a spawned `moneta` process can open it too), or a new database in the test cluster.
 */
export async function openTestDatabase(
  dialect: DialectName,
  options: { shared?: boolean } = {},
): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = options.shared ? mkdtempSync(join(tmpdir(), 'moneta-test-')) : null;
    const url = folder ? join(folder, 'moneta.db') : ':memory:';
    const database = openDatabase(url);
    const dispose = async () => {
      await database.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    };
    try {
      await migrateToLatest(database);
    } catch (error) {
      await dispose();
      throw error;
    }
    return { database, url, dispose };
  }

  const adminUrl = postgresAdminUrl();
  if (!adminUrl) throw new Error('No PostgreSQL test cluster is available (PostgreSQL binaries not found).');
  const name = `moneta_t_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    try {
      await database.close();
    } finally {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    }
  };
  try {
    await migrateToLatest(database);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { database, url: url.toString(), dispose };
}

/**
 * Declares `${title} [sqlite]` and `${title} [postgres]`, running `body` in each with its own fresh,
 * migrated database (`shared`: one other processes can open too, see `openTestDatabase`). The postgres
 * block is skipped (the notice is printed by the global setup) when PostgreSQL is not installed; under
 * CI=true the global setup fails instead.
 */
export function describeEachDatabase(
  title: string,
  body: (ctx: TestDatabaseContext) => void,
  options: { shared?: boolean } = {},
): void {
  for (const dialect of DIALECTS) {
    const available = dialect === 'sqlite' || postgresAdminUrl() !== null;
    const describeBlock = available ? describe : describe.skip;
    describeBlock(`${title} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      const open = (): TestDatabase => {
        if (current) return current;
        throw new Error(
          `ctx.database of "${title} [${dialect}]" is only available inside tests and hooks (after beforeAll).`,
        );
      };
      const ctx: TestDatabaseContext = {
        dialect,
        get database(): Database {
          return open().database;
        },
        get url(): string {
          return open().url;
        },
      };
      if (available) {
        beforeAll(async () => {
          current = await openTestDatabase(dialect, options);
        });
        afterAll(async () => {
          const opened = current;
          current = undefined;
          await opened?.dispose();
        });
      }
      body(ctx);
    });
  }
}
