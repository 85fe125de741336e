import { parseArgs } from 'node:util';
import { now } from '../../server/clock.ts';
import { readBackup } from '../../server/features/exports/backup-read.ts';
import { bookName } from '../../server/features/exports/queries.ts';
import { commandBookScope } from '../book-scope.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage, UsageError } from '../io.ts';
import { writeOutput } from './export.ts';

export const summary = 'write a full backup of a book (one JSON document) to restore with moneta restore';

export const usage = `Usage: moneta backup --book B [--out FILE] [--database URL]

Writes everything of the book as one JSON document (the same as GET /books/{id}/backup; see
docs/export.md): accounts, categories, payees, tags, transactions, budgets, envelope, import
batches and profiles, rules. To standard output unless --out names a file. Read-only.

Options:
  --book B          the book: its id, or its name
  --out FILE        write to FILE instead of standard output
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: { ...HELP_OPTION, ...DATABASE_OPTION, book: { type: 'string' }, out: { type: 'string' } },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (values.book === undefined) throw new UsageError('Give the book with --book (its id or name).');
  return withDatabase(databaseUrl(values.database, io.env), { mustExist: true }, async ({ db }) => {
    const { bookId } = await commandBookScope(db, values.book!);
    const book = { id: bookId, name: await bookName(db, bookId) };
    const started = performance.now();
    const document = await readBackup(db, book.id, now());
    const written = await writeOutput([`${JSON.stringify(document)}\n`], values.out, io);
    if (values.out !== undefined) {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      io.out(
        `Backed up book ${book.id} “${book.name}” to ${values.out}: ${document.transactions.length} transactions, ` +
          `${document.accounts.length} accounts and categories, ${written} bytes in ${seconds} s.`,
      );
    }
    return 0;
  });
}
