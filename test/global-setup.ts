/**
 * Vitest global setup: one throwaway PostgreSQL cluster for the whole run, shared by every test file
 * through `inject('postgresAdminUrl')` (each file creates its own database in it; see support/databases.ts),
 * and, for the browser suites (support/browser.ts), Chromium's path and a fresh build of the web app.
 */
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../src/server/web-assets.ts';
import { CHROMIUM_MISSING_NOTICE, CHROMIUM_REQUIRED_IN_CI, findChromium } from './support/chromium.ts';
import { startPostgresCluster } from './support/postgres-cluster.ts';

export const POSTGRES_MISSING_NOTICE =
  'PostgreSQL binaries not found: PostgreSQL suites are skipped. Set PG_BIN or install PostgreSQL to run them.';

/**
 * Chromium's path, or null (notice printed once here; CI fails instead). With Chromium, `dist/web` is
 * rebuilt when older than its sources; a failed build fails the browser suites only (`webBuildError`).
 */
async function prepareBrowserSuites(): Promise<{
  chromiumPath: string | null;
  webBuildError: string | null;
}> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI === 'true') throw new Error(CHROMIUM_REQUIRED_IN_CI);
    console.warn(`\n${CHROMIUM_MISSING_NOTICE}\n`);
    return { chromiumPath: null, webBuildError: null };
  }
  try {
    await ensureWebBuild(undefined, { log: (line) => console.log(`${line} (dist/web was stale)`) });
    return { chromiumPath, webBuildError: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nThe web app failed to build; the browser suites will fail:\n${message}\n`);
    return { chromiumPath, webBuildError: message };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [postgres, browser] = await Promise.allSettled([startPostgresCluster(), prepareBrowserSuites()]);
  if (browser.status === 'rejected') {
    if (postgres.status === 'fulfilled') await postgres.value?.stop();
    throw browser.reason;
  }
  project.provide('chromiumPath', browser.value.chromiumPath);
  project.provide('webBuildError', browser.value.webBuildError);
  if (postgres.status === 'rejected') throw postgres.reason;

  const cluster = postgres.value;
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
