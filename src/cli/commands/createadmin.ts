import { parseArgs } from 'node:util';
import type { Db } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { now } from '../../server/clock.ts';
import { passwordWeakness } from '../../server/features/auth/password-strength.ts';
import { createUser } from '../../server/features/auth/service.ts';
import { findUserByEmail, normaliseEmail, setAdmin } from '../../server/features/auth/users.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage, UsageError } from '../io.ts';
import { createPrompter, type Prompter } from '../prompt.ts';

export const summary = 'create an administrator (or make an existing user one)';

export const usage = `Usage: moneta createadmin [--email E] [--name N] [--password P] [--force] [--database URL]

Creates a user with administrator rights. Asks for whatever is missing when run in a terminal;
otherwise --email, --name and a password are required. The password may also come from
$MONETA_ADMIN_PASSWORD, which keeps it out of the process list and the shell history.
If the e-mail is already registered, that user is made an administrator: confirm with --force
(or at the prompt). An existing user's name and password are left as they are.
Applies pending migrations first.

Options:
  --email E         the administrator's e-mail address
  --name N          their display name
  --password P      their password (at least 10 characters, hard to guess)
  --force           make an existing user with this e-mail an administrator
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: {
        ...HELP_OPTION,
        ...DATABASE_OPTION,
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        force: { type: 'boolean' },
      },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const given = {
    email: values.email?.trim() || undefined,
    name: values.name?.trim() || undefined,
    password: values.password ?? (io.env.MONETA_ADMIN_PASSWORD || undefined),
  };
  const interactive = io.stdin.isTTY === true;
  if (!interactive && !given.email) {
    throw notInteractive(['--email', !given.name && '--name', !given.password && '--password']);
  }
  // Opened on first question only: with every flag given, the terminal is left alone.
  let opened: Prompter | undefined;
  const prompter = interactive ? () => (opened ??= createPrompter(io.stdin, io.stdout)) : null;
  try {
    return await withDatabase(databaseUrl(values.database, io.env), {}, async (database) => {
      for (const line of await migrateToLatest(database)) io.out(line);
      const email = normaliseEmail(given.email ?? (await askRequired(prompter!(), 'E-mail: ')));
      const existing = await findUserByEmail(database.db, email);
      if (existing) return promote(database.db, existing, values.force === true, prompter, io);
      if (!prompter && (!given.name || !given.password)) {
        throw notInteractive([!given.name && '--name', !given.password && '--password']);
      }
      const name = given.name ?? (await askRequired(prompter!(), 'Name: '));
      const password = given.password ?? (await askNewPassword(prompter!(), email, name, io));
      const user = await createUser(database.db, { email, name, password, isAdmin: true }, now());
      io.out(`Created administrator ${user.email} (user ${user.id}).`);
      return 0;
    });
  } finally {
    opened?.close();
  }
}

function notInteractive(missing: (string | false)[]): UsageError {
  return new UsageError(
    `stdin is not a terminal, so nothing can be asked: give ${missing.filter(Boolean).join(', ')} ` +
      '(the password may come from $MONETA_ADMIN_PASSWORD).',
  );
}

async function promote(
  db: Db,
  user: { id: number; email: string; isAdmin: boolean },
  force: boolean,
  prompter: (() => Prompter) | null,
  io: Io,
): Promise<number> {
  if (user.isAdmin) {
    io.out(`${user.email} is already an administrator; nothing changed.`);
    return 0;
  }
  if (!force) {
    if (!prompter) {
      io.err(
        `${user.email} is already registered. Run again with --force to make that user an administrator.`,
      );
      return 1;
    }
    const answer = await prompter().ask(
      `${user.email} is already registered. Make that user an administrator? [y/N] `,
    );
    if (!/^y(es)?$/i.test(answer)) {
      io.out('Nothing changed.');
      return 1;
    }
  }
  await setAdmin(db, user.id, true, now());
  io.out(`${user.email} (user ${user.id}) is now an administrator; their name and password are unchanged.`);
  return 0;
}

async function askRequired(prompter: Prompter, question: string): Promise<string> {
  for (;;) {
    const answer = await prompter.ask(question);
    if (answer !== '') return answer;
  }
}

/** Asks twice, without echo, until both answers agree and the password is strong enough (3 tries). */
async function askNewPassword(prompter: Prompter, email: string, name: string, io: Io): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const password = await prompter.askHidden('Password: ');
    const problem = await passwordWeakness(password, email, name);
    const again = problem ? null : await prompter.askHidden('Password (again): ');
    if (!problem && again === password) return password;
    const message = problem ?? 'The two passwords differ.';
    if (attempt === 3) throw new Error(`${message} Giving up after three tries.`);
    io.err(`${message} Try again.`);
  }
}
