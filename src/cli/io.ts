/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface Io {
  readonly env: NodeJS.ProcessEnv;
  /** Where prompts read from; a command is interactive only when it is a terminal. */
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Where prompts write to. */
  readonly stdout: NodeJS.WritableStream;
  out(line: string): void;
  err(line: string): void;
}

export function processIo(): Io {
  return {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  };
}

/** The command line was wrong: exit code 2, with a pointer to the command's help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The operator gave up at a prompt (Ctrl-C, Ctrl-D). */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'Cancelled';
  }
}

/** Runs `node:util` parseArgs, turning its complaints (unknown option, missing value) into usage errors. */
export function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}

/** The `--help` flag every command takes. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/** The `--database` option of every command that opens the database. */
export const DATABASE_OPTION = { database: { type: 'string' } } as const;

export const DATABASE_HELP =
  '  --database URL    postgres://… or a SQLite file (default: $DATABASE_URL, else data/moneta.db)';

/** A whole number from an option, or a usage error naming the option. */
export function integerOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not '${text}'.`);
  }
  return value;
}
