import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from './app.ts';
import { type Config, ensureDataDirectory } from './config.ts';

/** Opens the database, applies pending migrations, and serves until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  ensureDataDirectory(config.databaseUrl);
  const database = openDatabase(config.databaseUrl);
  for (const line of await migrateToLatest(database)) console.log(line);
  const app = await buildApp({
    database,
    config,
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
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ host: config.host, port: config.port });
  app.log.info(`Moneta serves ${database.label} at http://localhost:${config.port}`);
}
