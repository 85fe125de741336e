import { parseArgs } from 'node:util';
import { migrateDown, migrateToLatest } from '../../db/migrate.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage } from '../io.ts';

export const summary = 'apply pending database migrations (or revert the latest with --down)';

export const usage = `Usage: moneta migrate [--down] [--database URL]

Applies every pending migration, printing one line per migration.

Options:
  --down            revert the latest applied migration instead
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: { ...HELP_OPTION, ...DATABASE_OPTION, down: { type: 'boolean' } },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  return withDatabase(databaseUrl(values.database, io.env), {}, async (database) => {
    const lines = values.down ? await migrateDown(database) : await migrateToLatest(database);
    for (const line of lines) io.out(line);
    if (lines.length === 0) {
      io.out(values.down ? `Nothing to revert in ${database.label}.` : `${database.label} is up to date.`);
    }
    return 0;
  });
}
