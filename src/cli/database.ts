import { existsSync } from 'node:fs';
import { type Database, openDatabase } from '../db/connect.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { ensureDataDirectory, loadConfig } from '../server/config.ts';

/** The database a command works on: `--database`, else $DATABASE_URL, else the default file. */
export function databaseUrl(option: string | undefined, env: NodeJS.ProcessEnv): string {
  return option ?? loadConfig(env).databaseUrl;
}

/**
 * Opens the command's database. A SQLite file is created (with its folder) unless `mustExist`:
 * a read-only command should say the file is missing rather than check an empty new one.
 */
export function openCommandDatabase(url: string, options: { mustExist?: boolean } = {}): Database {
  const sqliteFile = /^postgres(ql)?:\/\//.test(url) ? null : url.replace(/^sqlite:(\/\/)?/, '');
  if (sqliteFile !== null && sqliteFile !== ':memory:') {
    if (options.mustExist && !existsSync(sqliteFile))
      throw new Error(`There is no database at ${sqliteFile}.`);
    ensureDataDirectory(url);
  }
  return openDatabase(url, { poolSize: 2 });
}

/**
 * Runs `body` on the open database and closes it afterwards, whatever happens. A command on an
 * existing database (`mustExist`) needs its schema current: after an upgrade, before the server or
 * `moneta migrate` ran, it says so instead of failing on a missing column half-way.
 */
export async function withDatabase<T>(
  url: string,
  options: { mustExist?: boolean },
  body: (database: Database) => Promise<T>,
): Promise<T> {
  const database = openCommandDatabase(url, options);
  try {
    if (options.mustExist) {
      const pending = await pendingMigrations(database);
      if (pending.length > 0) {
        throw new Error(
          `The database needs ${pending.length} migration${pending.length === 1 ? '' : 's'} (${pending.join(', ')}): run moneta migrate, or start the server, which applies them.`,
        );
      }
    }
    return await body(database);
  } finally {
    await database.close();
  }
}
