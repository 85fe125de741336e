import { parseArgs } from 'node:util';
import { checkIntegrity, type IntegrityCounts } from '../../server/features/integrity/check.ts';
import { rebuildCaches } from '../../server/features/integrity/rebuild.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, integerOption, parseOrUsage } from '../io.ts';

export const summary = 'check the ledger: balanced transactions, cached figures, consistent postings';

export const usage = `Usage: moneta check [--book ID] [--rebuild] [--database URL]

Checks every book (or one): each transaction's postings sum to zero and number two or more;
every cached account balance, transaction total and monthly roll-up equals what the postings
say; postings agree with their transaction (date, book, amount = value in its own currency);
nothing points into another book. Prints "OK: …" and exits 0, or lists every problem and exits
1. Read-only, unless --rebuild.

Options:
  --book ID         check only this book
  --rebuild         first recompute the cached figures (balances, totals, monthly roll-ups)
                    from the postings, then check
${DATABASE_HELP}
  -h, --help        show this help`;

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      options: {
        ...HELP_OPTION,
        ...DATABASE_OPTION,
        book: { type: 'string' },
        rebuild: { type: 'boolean' },
      },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const bookId = integerOption('book', values.book, 1, Number.MAX_SAFE_INTEGER);
  return withDatabase(databaseUrl(values.database, io.env), { mustExist: true }, async ({ db }) => {
    if (bookId !== undefined) {
      const book = await db.selectFrom('books').select('id').where('id', '=', bookId).executeTakeFirst();
      if (!book) throw new Error(`There is no book ${bookId}.`);
    }
    if (values.rebuild) {
      const started = performance.now();
      await rebuildCaches(db, bookId, new Date().toISOString());
      io.out(
        `Rebuilt balances, totals and monthly roll-ups in ${Math.round(performance.now() - started)} ms`,
      );
    }
    const { counts, problems } = await checkIntegrity(db, { bookId });
    const checked = checkedSummary(counts);
    if (problems.length === 0) {
      io.out(`OK: ${checked}`);
      return 0;
    }
    for (const problem of problems) io.out(`${problem.kind}: ${problem.message}`);
    io.out(`FAILED: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked}`);
    return 1;
  });
}

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What was checked, in the user's words: accounts and categories as the app shows them, and the
 * equity accounts (opening balances) it keeps out of sight only when there are any:
 * `742 transactions, 1502 postings, 6 accounts, 14 categories and 1 equity account in 1 book checked`.
 */
export function checkedSummary(counts: IntegrityCounts): string {
  const parts = [
    counted(counts.transactions, 'transaction'),
    counted(counts.postings, 'posting'),
    counted(counts.accounts, 'account'),
    counted(counts.categories, 'category', 'categories'),
  ];
  if (counts.equityAccounts > 0) parts.push(counted(counts.equityAccounts, 'equity account'));
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)} in ${counted(counts.books, 'book')} checked`;
}
