import { addDays, type IsoDate } from '../../../core/calendar/date.ts';
import { type DuplicateCandidate, LIKELY_DAYS } from '../../../core/import/likely-duplicates.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';

const CHUNK = 500;

/** Which of these import keys the book's transactions already carry. */
export async function existingImportKeys(
  db: Db,
  bookId: number,
  keys: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < keys.length; start += CHUNK) {
    const rows = await db
      .selectFrom('transactions')
      .select('import_key')
      .where('book_id', '=', bookId)
      .where('import_key', 'in', keys.slice(start, start + CHUNK))
      .execute();
    for (const row of rows) found.add(row.import_key!);
  }
  return found;
}

/**
 * The account's transactions around the rows' dates that a row might repeat: everything in the
 * window except what carries one of the rows' own keys (those are exact duplicates already) and,
 * for a streamed import, what its own batch has written so far.
 */
export async function loadDuplicateCandidates(
  db: Db,
  bookId: number,
  accountId: number,
  from: string,
  to: string,
  exactKeys: ReadonlySet<string>,
  ownBatchId: number | null = null,
): Promise<DuplicateCandidate[]> {
  let query = db
    .selectFrom('postings')
    .innerJoin('transactions', 'transactions.id', 'postings.transaction_id')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select([
      'transactions.id',
      'transactions.date',
      'transactions.description',
      'transactions.import_key',
      'payees.name as payee',
      'postings.amount',
    ])
    .where('postings.book_id', '=', bookId)
    .where('postings.account_id', '=', accountId)
    .where('postings.date', '>=', addDays(from as IsoDate, -LIKELY_DAYS))
    .where('postings.date', '<=', addDays(to as IsoDate, LIKELY_DAYS));
  // A file streamed in chunks writes its earlier rows before reading the later ones: not duplicates.
  if (ownBatchId !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('transactions.import_batch_id', 'is', null),
        eb('transactions.import_batch_id', '!=', ownBatchId),
      ]),
    );
  }
  const rows = await query.execute();
  return rows
    .filter((row) => row.import_key === null || !exactKeys.has(row.import_key))
    .map((row) => ({
      transactionId: row.id,
      date: row.date,
      amount: toMinor(row.amount),
      text: `${row.payee ?? ''} ${row.description}`,
    }));
}
