/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run, shared by every test file
 * through `inject('postgresAdminUrl')` (each file creates its own database in it; see support/databases.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './support/postgres-cluster.ts';

export const POSTGRES_MISSING_NOTICE =
  'PostgreSQL binaries not found: PostgreSQL suites are skipped. Set PG_BIN or install PostgreSQL to run them.';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  if (!cluster) {
    if (process.env.CI === 'true') {
      throw new Error(
        'PostgreSQL binaries not found, and CI must not skip the PostgreSQL suites. ' +
          'Install PostgreSQL (apt-get install postgresql) or set PG_BIN.',
      );
    }
    console.warn(`\n${POSTGRES_MISSING_NOTICE}\n`);
    project.provide('postgresAdminUrl', null);
    return async () => {};
  }
  console.log(`PostgreSQL test cluster at ${cluster.url} (started in ${cluster.startupMs} ms)`);
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
