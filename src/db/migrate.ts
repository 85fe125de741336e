import { type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './connect.ts';
import * as ledger from './migrations/2026_11_21_0001_ledger.ts';
import * as budgets from './migrations/2026_11_21_0002_budgets.ts';
import * as envelope from './migrations/2026_11_21_0003_envelope.ts';
import * as importing from './migrations/2026_11_21_0004_import.ts';
import * as postingLookup from './migrations/2026_11_21_0005_posting_lookup.ts';
import * as accountMonths from './migrations/2026_11_21_0006_account_months.ts';
import * as transactionSearch from './migrations/2026_11_21_0007_transaction_search.ts';
import * as importProgress from './migrations/2026_11_21_0008_import_progress.ts';
import * as importPreviews from './migrations/2026_11_21_0010_import_previews.ts';
import * as envelopeYears from './migrations/2026_11_21_0011_envelope_years.ts';
import * as categoryTargets from './migrations/2026_11_21_0012_category_targets.ts';
import * as reconciliations from './migrations/2026_11_21_0014_reconciliations.ts';

/** Every migration, in order. Names sort by date; a new one goes at the end. */
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_21_0001_ledger': ledger,
  '2026_11_21_0002_budgets': budgets,
  '2026_11_21_0003_envelope': envelope,
  '2026_11_21_0004_import': importing,
  '2026_11_21_0005_posting_lookup': postingLookup,
  '2026_11_21_0006_account_months': accountMonths,
  '2026_11_21_0007_transaction_search': transactionSearch,
  '2026_11_21_0008_import_progress': importProgress,
  '2026_11_21_0010_import_previews': importPreviews,
  '2026_11_21_0011_envelope_years': envelopeYears,
  '2026_11_21_0012_category_targets': categoryTargets,
  '2026_11_21_0014_reconciliations': reconciliations,
};

function migrator(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'moneta_migrations',
    migrationLockTableName: 'moneta_migrations_lock',
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: result.error });
  }
  return (result.results ?? []).map(
    (r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`,
  );
}

/** Applies every pending migration; returns a line per migration applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateToLatest());
}

/** The names of the migrations not yet applied, oldest first. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrations = await migrator(database).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Reverts the latest applied migration. */
export async function migrateDown(database: Database): Promise<string[]> {
  return check(await migrator(database).migrateDown());
}

/** Reverts every migration (used by tests of the down migrations). */
export async function migrateToNothing(database: Database): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely');
  return check(await migrator(database).migrateTo(NO_MIGRATIONS));
}
