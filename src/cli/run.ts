/** The `moneta` command: finds the subcommand, runs it, and turns failures into exit codes. */
import { MonetaError } from '../core/errors.ts';
import { isDatabaseBusy } from '../db/busy.ts';
import * as backup from './commands/backup.ts';
import * as check from './commands/check.ts';
import * as createadmin from './commands/createadmin.ts';
import * as demo from './commands/demo.ts';
import * as exportCommand from './commands/export.ts';
import * as importCommand from './commands/import.ts';
import * as migrate from './commands/migrate.ts';
import * as restore from './commands/restore.ts';
import * as serve from './commands/serve.ts';
import { Cancelled, type Io, UsageError } from './io.ts';

interface Command {
  readonly summary: string;
  readonly usage: string;
  run(argv: string[], io: Io): Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  migrate,
  createadmin,
  serve,
  demo,
  check,
  import: importCommand,
  export: exportCommand,
  backup,
  restore,
};

/** Exit codes: 0 done, 1 failed, 2 wrong command line, 130 cancelled at a prompt. */
export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130 } as const;

export const usage = `Usage: moneta <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(16)}${command.summary}`)
  .join('\n')}
  help [command]  show this help, or a command's

Every command takes --help. The database is $DATABASE_URL (postgres://… or a SQLite file),
data/moneta.db by default, or --database URL.`;

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.out(usage);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === 'help') return help(rest[0], io);
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`moneta: unknown command '${name}'. Run 'moneta --help' for the list.`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return report(name, error, io);
  }
}

function help(name: string | undefined, io: Io): number {
  if (name === undefined) {
    io.out(usage);
    return EXIT.ok;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`moneta: unknown command '${name}'. Run 'moneta --help' for the list.`);
    return EXIT.usage;
  }
  io.out(command.usage);
  return EXIT.ok;
}

/** A failure as the operator should read it: its message, not a stack (set MONETA_DEBUG=1 for that). */
function report(name: string, error: unknown, io: Io): number {
  if (error instanceof UsageError) {
    io.err(`moneta ${name}: ${error.message}\nRun 'moneta ${name} --help' for usage.`);
    return EXIT.usage;
  }
  if (error instanceof Cancelled) {
    io.err('Cancelled.');
    return EXIT.cancelled;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`moneta ${name}: ${message}`);
  if (error instanceof MonetaError) {
    for (const field of error.fieldErrors)
      if (field.message !== message) io.err(`  ${field.field}: ${field.message}`);
  } else if (isDatabaseBusy(error)) {
    io.err(
      'Another process kept the database busy with a write for too long; nothing was changed. Try again.',
    );
  } else if (/no such table|relation .* does not exist/.test(message)) {
    io.err("Has the database been migrated? Run 'moneta migrate'.");
  }
  if (io.env.MONETA_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  return EXIT.failure;
}
