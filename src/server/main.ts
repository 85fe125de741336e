import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from './app.ts';
import { type Config, ensureDataDirectory } from './config.ts';
import { watchForAbandonedImports } from './features/imports/recovery.ts';
import { ensureWebBuild, hasWebBuild, webDist } from './web-assets.ts';

/**
 * Builds the web app when missing or stale (`MONETA_WEB=auto`), opens the database, applies pending
 * migrations, and serves until SIGINT/SIGTERM.
 */
export async function serve(config: Config): Promise<void> {
  if (config.web === 'auto') {
    try {
      await ensureWebBuild();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(
        `the web app failed to build: ${reason}\nFix it, or start with MONETA_WEB=prebuilt to serve ` +
          'the last build as it is, or MONETA_WEB=off to serve the API only.',
        { cause: error },
      );
    }
  } else if (config.web === 'prebuilt' && !hasWebBuild(webDist())) {
    console.warn(`MONETA_WEB=prebuilt, but ${webDist()} holds no build: serving the API only.`);
  }
  ensureDataDirectory(config.databaseUrl);
  const database = openDatabase(config.databaseUrl);
  for (const line of await migrateToLatest(database)) console.log(line);
  const app = await buildApp({
    database,
    config,
    webRoot: config.web === 'off' ? false : undefined,
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
      ],
    },
  });
  // Before listening: a restarted server serves no part of an import it (or a CLI) was writing when it died.
  const stopWatching = await watchForAbandonedImports(database.db, app.log);
  const stop = async () => {
    stopWatching();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Moneta serves ${database.label} at http://localhost:${config.port}`);
}
