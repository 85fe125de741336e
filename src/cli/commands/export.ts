import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { isIsoDate } from '../../core/calendar/date.ts';
import { TRANSACTION_STATUSES } from '../../core/ledger/transaction.ts';
import type { Db } from '../../db/connect.ts';
import { now } from '../../server/clock.ts';
import { transactionCsv } from '../../server/features/exports/csv.ts';
import { journalExport } from '../../server/features/exports/journal.ts';
import { bookName, findNamedForOperator } from '../../server/features/exports/queries.ts';
import type { TransactionFilter } from '../../server/features/transactions/queries.ts';
import { commandBookScope } from '../book-scope.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage, UsageError } from '../io.ts';

export const summary = 'export a book: transactions as CSV (any filter), or an hledger journal';

export const usage = `Usage: moneta export --book B [--format csv|journal] [--out FILE] [filters] [--database URL]

Writes the book's transactions as CSV (the same columns as the web app's download; see
docs/export.md), or with --format journal the whole book as an hledger journal. To standard
output unless --out names a file. Read-only; large books stream in pages.

Options:
  --book B          the book: its id, or its name
  --format F        csv (default) or journal
  --out FILE        write to FILE instead of standard output
Filters (csv only; they combine like the transaction search):
  --from DATE       on or after DATE (YYYY-MM-DD)
  --to DATE         on or before DATE
  --account A       posting to account A (id or name); the lines are then seen from A
  --category C      posting to category C (id or name)
  --payee P         of payee P (id or name)
  --tag T           tagged T (id or name)
  --status S        pending, cleared or reconciled
  --min-amount N    total of at least N (in each transaction's currency)
  --max-amount N    total of at most N
  --search TEXT     text in the description, notes, payee or a memo
${DATABASE_HELP}
  -h, --help        show this help`;

const FILTERS = {
  from: { type: 'string' },
  to: { type: 'string' },
  account: { type: 'string' },
  category: { type: 'string' },
  payee: { type: 'string' },
  tag: { type: 'string' },
  status: { type: 'string' },
  'min-amount': { type: 'string' },
  'max-amount': { type: 'string' },
  search: { type: 'string' },
} as const;

type FilterValues = Partial<Record<keyof typeof FILTERS, string>>;

/**
 * Writes text chunks to `out` (a file, created or replaced) or to the command's standard output,
 * which stays open. Returns the number of bytes written (UTF-8).
 */
export async function writeOutput(
  chunks: AsyncIterable<string> | Iterable<string>,
  out: string | undefined,
  io: Io,
) {
  let written = 0;
  const counted = Readable.from(
    (async function* () {
      for await (const chunk of chunks) {
        written += Buffer.byteLength(chunk);
        yield chunk;
      }
    })(),
  );
  if (out === undefined) await pipeline(counted, io.stdout, { end: false });
  else await pipeline(counted, createWriteStream(out));
  return written;
}

async function transactionFilter(db: Db, bookId: number, values: FilterValues): Promise<TransactionFilter> {
  for (const option of ['from', 'to'] as const) {
    const value = values[option];
    if (value !== undefined && !isIsoDate(value))
      throw new UsageError(`--${option} must be a date YYYY-MM-DD, not '${value}'.`);
  }
  if (values.status !== undefined && !(TRANSACTION_STATUSES as readonly string[]).includes(values.status))
    throw new UsageError(`--status must be pending, cleared or reconciled, not '${values.status}'.`);
  for (const option of ['min-amount', 'max-amount'] as const) {
    const value = values[option];
    if (value !== undefined && !/^\d{1,20}(\.\d{1,20})?$/.test(value))
      throw new UsageError(`--${option} must be a plain decimal such as 25.00, not '${value}'.`);
  }
  const named = async (kind: 'account' | 'category' | 'payee' | 'tag') =>
    values[kind] === undefined ? undefined : findNamedForOperator(db, bookId, kind, values[kind]!);
  return {
    from: values.from,
    to: values.to,
    accountId: await named('account'),
    categoryId: await named('category'),
    payeeId: await named('payee'),
    tagId: await named('tag'),
    status: values.status as TransactionFilter['status'],
    minAmount: values['min-amount'],
    maxAmount: values['max-amount'],
    q: values.search,
  };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: {
        ...HELP_OPTION,
        ...DATABASE_OPTION,
        book: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        out: { type: 'string' },
        ...FILTERS,
      },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (values.book === undefined) throw new UsageError('Give the book with --book (its id or name).');
  if (values.format !== 'csv' && values.format !== 'journal')
    throw new UsageError(`--format must be csv or journal, not '${values.format}'.`);
  const filters = Object.keys(FILTERS).filter((key) => values[key as keyof typeof FILTERS] !== undefined);
  if (values.format === 'journal' && filters.length > 0)
    throw new UsageError(`The journal holds the whole book; --${filters[0]} applies to csv only.`);
  return withDatabase(databaseUrl(values.database, io.env), { mustExist: true }, async ({ db }) => {
    const { bookId } = await commandBookScope(db, values.book!);
    const book = { id: bookId, name: await bookName(db, bookId) };
    const chunks =
      values.format === 'journal'
        ? await journalExport(db, book.id, now())
        : await transactionCsv(db, book.id, await transactionFilter(db, book.id, values));
    const written = await writeOutput(chunks, values.out, io);
    if (values.out !== undefined)
      io.out(
        `Exported book ${book.id} “${book.name}” as ${values.format} to ${values.out} (${written} bytes).`,
      );
    return 0;
  });
}
