import { parseArgs } from 'node:util';
import type { Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { now, today } from '../../server/clock.ts';
import { createUser } from '../../server/features/auth/service.ts';
import { findUserByEmail } from '../../server/features/auth/users.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { planDemo } from '../demo/plan.ts';
import { DEMO_BOOK_NAME, writeDemo } from '../demo/write.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, integerOption, parseOrUsage } from '../io.ts';

export const summary = 'create a demo user and a book with years of realistic, reproducible data';

const DEFAULT_EMAIL = 'demo@example.com';
const DEFAULT_PASSWORD = 'moneta-demo-password';

export const usage = `Usage: moneta demo [--email E] [--password P] [--seed N] [--years N] [--database URL]

Applies pending migrations, creates the demo user (or reuses it: an existing user's password is
left unchanged) and a new book "${DEMO_BOOK_NAME}" in EUR holding years of household finances
ending today: salary, rent, bills, groceries (some split), restaurants, a credit card paid off
monthly, savings with interest, cash, and a USD travel account fed by EUR→USD transfers.
The same seed and end date always give the same data.

Options:
  --email E         the demo user's e-mail (default: ${DEFAULT_EMAIL})
  --password P      the demo user's password when created (default: ${DEFAULT_PASSWORD})
  --seed N          seed of the data generator (default: 42)
  --years N         years of history, 1 to 20 (default: 2)
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: {
        ...HELP_OPTION,
        ...DATABASE_OPTION,
        email: { type: 'string', default: DEFAULT_EMAIL },
        password: { type: 'string', default: DEFAULT_PASSWORD },
        seed: { type: 'string', default: '42' },
        years: { type: 'string', default: '2' },
      },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const seed = integerOption('seed', values.seed, 0, 2 ** 32 - 1)!;
  const years = integerOption('years', values.years, 1, 20)!;
  return withDatabase(databaseUrl(values.database, io.env), {}, async (database) => {
    for (const line of await migrateToLatest(database)) io.out(line);
    const user = await demoUser(database.db, values.email, values.password, io);
    const started = performance.now();
    const plan = planDemo({ seed, years, endDate: today() });
    const { bookId, counts } = await writeDemo(database.db, user.id, plan, now());
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.out(`Book ${bookId} “${DEMO_BOOK_NAME}”, ${plan.startDate} to ${plan.endDate} (seed ${seed}):`);
    io.out(
      `  ${counts.transactions} transactions, ${counts.postings} postings, ${counts.accounts} accounts, ` +
        `${counts.categories} categories in ${counts.categoryGroups} groups, ${counts.payees} payees`,
    );
    io.out(`  written in ${seconds} s to ${database.label}`);
    return 0;
  });
}

async function demoUser(db: Db, email: string, password: string, io: Io): Promise<{ id: number }> {
  const existing = await findUserByEmail(db, email);
  if (existing) {
    io.out(`Demo user: ${existing.email} (existing user ${existing.id}; password unchanged)`);
    return existing;
  }
  const user = await createUser(db, { email, name: 'Demo User', password }, now());
  io.out(`Demo user: ${user.email}  password: ${password}`);
  return user;
}
