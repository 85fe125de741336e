import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Db } from '../../db/connect.ts';
import { now } from '../../server/clock.ts';
import { findUserByEmail } from '../../server/features/auth/users.ts';
import { restoreBackup } from '../../server/features/exports/restore.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage, UsageError } from '../io.ts';

export const summary = 'restore a backup file into a new book';

export const usage = `Usage: moneta restore FILE [--owner EMAIL] [--name NAME] [--database URL]

Reads a backup (from moneta backup or GET /books/{id}/backup) and restores it into a NEW book
owned by the user with e-mail EMAIL (by default the only user, when there is just one). Every
id is remapped; the whole book is written in one database transaction, so a backup that does
not check out (every problem is listed) writes nothing.

Options:
  --owner EMAIL     the user who owns the new book
  --name NAME       the new book's name (default: the backed-up book's)
${DATABASE_HELP}
  -h, --help        show this help`;

async function owner(db: Db, email: string | undefined): Promise<{ id: number; email: string }> {
  if (email !== undefined) {
    const user = await findUserByEmail(db, email);
    if (!user) throw new Error(`There is no user ${email}.`);
    return user;
  }
  const users = await db.selectFrom('users').select(['id', 'email']).limit(2).execute();
  if (users.length === 0)
    throw new Error("There is no user to own the book; create one with 'moneta createadmin'.");
  if (users.length > 1)
    throw new UsageError('There are several users: say which one owns the book with --owner.');
  return users[0]!;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: { ...HELP_OPTION, ...DATABASE_OPTION, owner: { type: 'string' }, name: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('Give exactly one backup file.');
  if (values.name !== undefined && (values.name.trim() === '' || values.name.length > 200))
    throw new UsageError('--name must be 1 to 200 characters, not blank.');
  const file = positionals[0]!;
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not a readable JSON file: ${(error as Error).message}`);
  }
  return withDatabase(databaseUrl(values.database, io.env), { mustExist: true }, async ({ db }) => {
    const user = await owner(db, values.owner);
    const started = performance.now();
    const { book, counts } = await restoreBackup(db, user.id, document, now(), values.name);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    io.out(`Restored book ${book.id} “${book.name}” for ${user.email} in ${seconds} s:`);
    io.out(
      `  ${counts.transactions} transactions, ${counts.postings} postings, ${counts.accounts} accounts and categories, ` +
        `${counts.payees} payees, ${counts.tags} tags, ${counts.budgets} budgets, ${counts.rules} rules`,
    );
    return 0;
  });
}
