/**
 * Probe of issue 11: `kill -9` of an import while it writes (the CLI's, and the server's doing an
 * API import), then a restart: no part of the batch may remain, and the ledger checks clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import { toCount } from '../../src/db/values.ts';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import { type Client, signUpWithBook, testApp } from '../support/api.ts';
import { bankCsv } from '../support/bank-csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { type MonetaProcess, spawnMoneta, startServer } from '../support/moneta-process.ts';

/** Enough rows for the import to take a few seconds, so that it can be killed while it writes. */
const ROWS = 60_000;

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** How many transactions of the book came in an import (committed, as another process sees them). */
async function importedRows(db: Db, bookId: number): Promise<number> {
  const row = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('book_id', '=', bookId)
    .where('import_batch_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

/**
 * Kills `writer` with SIGKILL as soon as part of its batch is committed; returns how many of its rows
 * it left behind. Fails when the import ends first: the probe needs a kill in the middle of a batch.
 */
async function killMidBatch(db: Db, bookId: number, writer: MonetaProcess): Promise<number> {
  for (;;) {
    const rows = await importedRows(db, bookId);
    if (rows > 0 && rows < ROWS) {
      await writer.kill9();
      return importedRows(db, bookId);
    }
    if (writer.done || rows >= ROWS) {
      throw new Error(`The import ended before it could be killed in the middle:\n${writer.output()}`);
    }
    await sleep(10);
  }
}

async function setUp(db: Parameters<typeof testApp>[0], name: string) {
  const app = await testApp(db);
  const { client, book, base } = await signUpWithBook(app);
  const checking = (
    await client.post(`${base}/accounts`, { name: 'Checking', type: 'asset', openingBalance: eur('100.00') })
  ).body.id as number;
  const csv = join(tmpdir(), `moneta-crash-${process.pid}-${name}.csv`);
  const file = bankCsv(ROWS);
  writeFileSync(csv, file.text, 'latin1');
  return { app, client, book, base, checking, csv, file };
}

/** After a restart: no import of the book, none of its rows, the opening balance alone, a clean check. */
async function expectNothingImported(db: Db, client: Client, bookId: number, checking: number) {
  const base = `/api/v1/books/${bookId}`;
  expect(await importedRows(db, bookId)).toBe(0);
  expect((await client.get(`${base}/imports`)).body).toEqual([]);
  expect((await client.get(`${base}/accounts/${checking}`)).body.balance).toEqual(eur('100.00'));
  expect((await checkIntegrity(db, {})).problems).toEqual([]);
}

describeEachDatabase(
  'an import killed with kill -9',
  (ctx) => {
    it('from the CLI: a restarted server finds no part of it, and the import then runs whole', async () => {
      const { app, client, book, base, checking, csv, file } = await setUp(
        ctx.database,
        `cli-${ctx.dialect}`,
      );
      const args = ['import', csv, '--book', String(book.id), '--account', String(checking)];
      const cli = spawnMoneta([...args, '--database', ctx.url]);
      expect(await killMidBatch(ctx.database.db, book.id, cli)).toBeGreaterThan(0);

      const server = await startServer(ctx.url);
      try {
        await expectNothingImported(ctx.database.db, client, book.id, checking);
      } finally {
        await server.process.kill9();
      }

      const again = spawnMoneta([...args, '--database', ctx.url]);
      expect(await again.exited, again.output()).toBe(0);
      const batches = (await client.get(`${base}/imports`)).body;
      expect(batches.map((b: { transactionCount: number }) => b.transactionCount)).toEqual([ROWS]);
      const balance = (await client.get(`${base}/accounts/${checking}`)).body.balance.amount as string;
      expect(BigInt(balance.replace('.', ''))).toBe(10_000n + file.total);
      expect((await checkIntegrity(ctx.database.db, {})).problems).toEqual([]);
      await app.close();
    }, 120_000);

    it('in the server, through the API: the restarted server finds no part of it', async () => {
      const { app, client, book, base, checking, csv } = await setUp(ctx.database, `api-${ctx.dialect}`);
      const server = await startServer(ctx.url);
      const content = readFileSync(csv).toString('base64');
      const answer = fetch(`${server.origin}${base}/imports`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: client.cookie!,
          'x-csrf-token': client.csrfToken!,
        },
        body: JSON.stringify({ fileName: 'big.csv', content, accountId: checking }),
      }).then(
        (reply) => `answered ${reply.status}`,
        () => 'cut off',
      );
      expect(await killMidBatch(ctx.database.db, book.id, server.process)).toBeGreaterThan(0);
      expect(await answer).toBe('cut off');

      const restarted = await startServer(ctx.url);
      try {
        await expectNothingImported(ctx.database.db, client, book.id, checking);
      } finally {
        await restarted.process.kill9();
      }
      await app.close();
    }, 120_000);
  },
  { shared: true },
);
