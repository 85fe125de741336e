import { expect, it } from 'vitest';
import { type Client, signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { budgetLedger } from '../../../../test/support/budget-ledger.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { detectCsvMapping } from '../../../core/import/csv/detect.ts';
import { parseCsvStream } from '../../../core/import/csv/stream.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import type { App, BookScope } from '../../types.ts';
import { checkIntegrity } from '../integrity/check.ts';
import { classifierFor } from './classifier.ts';
import { undoImport } from './service.ts';
import { csvStatement, importStream } from './stream.ts';

const NOW = '2026-11-21T10:00:00.000Z';
const eur = (amount: string) => ({ amount, currency: 'EUR' });
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/**
 * Rows for each way the import decides: a confident suggestion (the history's pizzeria), a rule
 * (rent, with a tag), a payee default, nothing at all, income, a likely duplicate of a transaction
 * typed in by hand, and two identical coffees that stay two.
 */
const ROWS = [
  '02.03.2026;REWE;Card 1111;-23,45',
  '03.03.2026;Pizzeria Roma;PIZZERIA ROMA SAGT DANKE 4711;-31,50',
  '04.03.2026;Hausverwaltung Nord;MIETE MAERZ;-850,00',
  '05.03.2026;Stadtwerke;Strom Abschlag;-64,00',
  '06.03.2026;Unbekannt & Co;Irgendwas;-9,99',
  '07.03.2026;Cafe Central;Kaffee;-3,20',
  '07.03.2026;Cafe Central;Kaffee;-3,20',
  '10.03.2026;Pizzeria Roma;PIZZERIA ROMA SAGT DANKE 0815;-18,00',
  '25.03.2026;ACME GmbH;Gehalt Maerz;2500,00',
];
const CSV = `Datum;Empfänger;Verwendungszweck;Betrag\n${ROWS.join('\n')}\n`;

/** A book with history to learn from, a rule, a payee default and a hand-entered transaction. */
async function book(app: App) {
  const { client, base, book } = await signUpWithBook(app);
  const { ids, post } = await budgetLedger(client, base);
  const spend = (date: string, payeeName: string, description: string, amount: string, categoryId: number) =>
    post('/transactions', {
      date,
      payeeName,
      description,
      postings: [
        { accountId: ids.checking, amount: eur(`-${amount}`) },
        { accountId: categoryId, amount: eur(amount) },
      ],
    });
  for (let day = 10; day < 20; day++) {
    await spend(`2026-02-${day}`, 'Pizzeria Roma', `PIZZERIA ROMA SAGT DANKE ${day}`, '20.00', ids.food);
    await spend(`2026-02-${day}`, 'Kino', `KINO TICKET ${day}`, '9.00', ids.fun);
  }
  // Entered by hand two days after the bank booked it: the file's row is a likely duplicate.
  await spend('2026-03-04', 'Rewe', '', '23.45', ids.food);
  const tag = await post('/tags', { name: 'Home' });
  await post('/rules', {
    name: 'Rent',
    conditions: [{ field: 'description', operator: 'contains', value: 'miete' }],
    actions: [
      { type: 'setCategory', categoryId: ids.rent },
      { type: 'addTag', tagId: tag },
    ],
  });
  const stadtwerke = await post('/payees', { name: 'Stadtwerke' });
  await client.patch(`${base}/payees/${stadtwerke}`, { defaultCategoryId: ids.fun });
  const scope: BookScope = { bookId: book.id, userId: client.user!.id, role: 'owner', baseCurrency: 'EUR' };
  return { client, base, ids, scope };
}

/** The file one line at a time, so that the stream hands over several chunks of rows. */
function streamed(db: Db, scope: BookScope, accountId: number, text: string, dryRun = false) {
  const bytes = Buffer.from(text, 'utf8');
  const detection = detectCsvMapping(bytes, {}, { partial: true });
  async function* lines() {
    for (const line of text.split(/(?<=\n)/)) yield Buffer.from(line, 'utf8');
  }
  return importStream(
    db,
    scope,
    {
      fileName: 'bank.csv',
      format: 'csv',
      accountId,
      statement: csvStatement(detection.mapping.currency),
      chunks: parseCsvStream(lines(), detection.mapping, { columns: detection.columns, batchSize: 3 }),
      sha256: () => 'sha',
      dryRun,
    },
    classifierFor,
    NOW,
  );
}

/** Every transaction of the book as names and amounts, so that two books can be compared. */
async function ledger(db: Db, bookId: number) {
  const rows = await db
    .selectFrom('transactions')
    .innerJoin('postings', 'postings.transaction_id', 'transactions.id')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select([
      'transactions.id',
      'transactions.date',
      'transactions.description',
      'transactions.notes',
      'transactions.import_key',
      'payees.name as payee',
      'accounts.name as account',
      'postings.amount',
      'postings.position',
    ])
    .where('transactions.book_id', '=', bookId)
    .orderBy('transactions.id')
    .orderBy('postings.position')
    .execute();
  const tags = await db
    .selectFrom('transaction_tags')
    .innerJoin('tags', 'tags.id', 'transaction_tags.tag_id')
    .select(['transaction_tags.transaction_id', 'tags.name'])
    .where('transaction_tags.book_id', '=', bookId)
    .execute();
  const byId = new Map<number, { key: string; postings: string[]; tags: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? {
      // Import keys begin with the account's id, which differs between books.
      key: `${row.date} ${row.payee ?? '-'} ${row.description} ${row.notes ?? '-'} ${row.import_key?.replace(/^\d+:/, '') ?? '-'}`,
      postings: [],
      tags: [],
    };
    entry.postings.push(`${row.account} ${toMinor(row.amount)}`);
    byId.set(row.id, entry);
  }
  for (const tag of tags) byId.get(tag.transaction_id)?.tags.push(tag.name);
  return [...byId.values()].map((t) => `${t.key} | ${t.postings.join(', ')} | ${t.tags.join(', ')}`).sort();
}

async function balances(client: Client, base: string) {
  const accounts = [
    ...((await client.get(`${base}/accounts`)).body as any[]),
    ...((await client.get(`${base}/categories`)).body as any[]),
  ];
  return Object.fromEntries(accounts.map((a) => [a.name, a.balance.amount]));
}

describeEachDatabase('streamed imports', (ctx) => {
  it('decide and write every row exactly as a previewed import commits it', async () => {
    const app = await testApp(ctx.database);
    const db = ctx.database.db;
    const streamedBook = await book(app);
    const committedBook = await book(app);

    const batch = await streamed(db, streamedBook.scope, streamedBook.ids.checking, CSV);
    expect(batch).toMatchObject({ transactionCount: 8, skippedCount: 1, dryRun: false });
    const committed = await committedBook.client.post(`${committedBook.base}/imports`, {
      fileName: 'bank.csv',
      content: b64(CSV),
      accountId: committedBook.ids.checking,
    });
    expect(committed.body).toMatchObject({ transactionCount: 8, skippedCount: 1 });

    const written = await ledger(db, streamedBook.scope.bookId);
    expect(written).toEqual(await ledger(db, committedBook.scope.bookId));
    const imported = written.filter((line) => line.includes(' hash:'));
    expect(imported).toHaveLength(8);
    const line = (text: string) => imported.filter((l) => l.includes(text));
    expect(line('PIZZERIA ROMA SAGT DANKE 4711')[0]).toContain('Food 3150');
    expect(line('MIETE MAERZ')[0]).toMatch(/Rent 85000 \| Home$/);
    expect(line('Strom Abschlag')[0]).toContain('Fun 6400');
    expect(line('Irgendwas')[0]).toContain('Uncategorised 999');
    expect(line('Gehalt Maerz')[0]).toContain('Uncategorised income -250000');
    expect(line('Kaffee')).toHaveLength(2);
    expect(line('Card 1111')).toEqual([]);
    expect((await db.selectFrom('payees').select('name').execute()).map((p) => p.name)).toEqual(
      expect.arrayContaining(['Unbekannt & Co', 'Cafe Central', 'ACME GmbH', 'Hausverwaltung Nord']),
    );
    expect(await balances(streamedBook.client, streamedBook.base)).toEqual(
      await balances(committedBook.client, committedBook.base),
    );
    expect((await checkIntegrity(db, { bookId: streamedBook.scope.bookId })).problems).toEqual([]);
  });

  it('skip what the book has on a second run, write nothing on an error in a late chunk, and undo', async () => {
    const app = await testApp(ctx.database);
    const db = ctx.database.db;
    const { client, base, ids, scope } = await book(app);
    const before = { ledger: await ledger(db, scope.bookId), balances: await balances(client, base) };

    const dry = await streamed(db, scope, ids.checking, CSV, true);
    expect(dry).toMatchObject({ transactionCount: 8, skippedCount: 1, dryRun: true });
    expect(await ledger(db, scope.bookId)).toEqual(before.ledger);

    const first = await streamed(db, scope, ids.checking, CSV);
    const after = { ledger: await ledger(db, scope.bookId), balances: await balances(client, base) };
    expect(after.ledger).toHaveLength(before.ledger.length + 8);
    const again = await streamed(db, scope, ids.checking, CSV);
    expect(again).toMatchObject({ transactionCount: 0, skippedCount: 9 });

    // New rows in early chunks, then a row the parser cannot read or one the ledger cannot take.
    const april = ROWS.map((row) => row.replace('03.2026', '04.2026')).join('\n');
    for (const [last, code] of [
      ['30.04.2026;Somebody;Bad amount;zwölf', 'UNREADABLE_FILE'],
      ['30.04.2026;Somebody;Too much;99999999999999999999,00', 'IMPORT_HAS_ERRORS'],
    ]) {
      const broken = `${CSV}${april}\n${last}\n`;
      await expect(streamed(db, scope, ids.checking, broken)).rejects.toMatchObject({ code });
      expect(await ledger(db, scope.bookId)).toEqual(after.ledger);
      expect(await balances(client, base)).toEqual(after.balances);
    }

    await undoImport(db, scope, first.id, NOW);
    expect(await ledger(db, scope.bookId)).toEqual(before.ledger);
    // The system accounts the import made stay, empty.
    expect(await balances(client, base)).toEqual({
      ...before.balances,
      Uncategorised: '0.00',
      'Uncategorised income': '0.00',
    });
    expect((await checkIntegrity(db, { bookId: scope.bookId })).problems).toEqual([]);
  });
});
