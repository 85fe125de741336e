/**
 * Probe of issue 11: a large `moneta import` in another process while the API takes a write every
 * 50 ms. No write may fail for the import's sake (no 5xx), none may wait for the whole import, every
 * accepted write is there afterwards, the import is whole, and the ledger checks clean. The same
 * database file (SQLite) or database (PostgreSQL) is open in both processes.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import { signUpWithBook, testApp } from '../support/api.ts';
import { bankCsv } from '../support/bank-csv.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { spawnMoneta } from '../support/moneta-process.ts';

/** Enough rows for the import to take a few seconds. */
const ROWS = 60_000;

const eur = (amount: string) => ({ amount, currency: 'EUR' });

interface Write {
  kind: 'transaction' | 'tag';
  status: number;
  id: number | undefined;
  cents: bigint;
  duringImport: boolean;
  /** Milliseconds until it was answered. */
  waited: number;
}

describeEachDatabase(
  'an import in another process while the API writes',
  (ctx) => {
    it('answers every write without a 5xx, keeps each accepted one, and imports the whole file', async () => {
      const app = await testApp(ctx.database);
      const { client, book, base } = await signUpWithBook(app);
      const post = async (url: string, body: unknown) => (await client.post(url, body)).body.id as number;
      const checking = await post(`${base}/accounts`, {
        name: 'Checking',
        type: 'asset',
        openingBalance: eur('0.00'),
      });
      const food = await post(`${base}/categories`, { name: 'Food', kind: 'expense' });
      const csv = join(tmpdir(), `moneta-concurrency-${process.pid}-${ctx.dialect}.csv`);
      const file = bankCsv(ROWS);
      writeFileSync(csv, file.text, 'latin1');

      const cli = spawnMoneta([
        'import',
        csv,
        '--book',
        String(book.id),
        '--account',
        String(checking),
        '--database',
        ctx.url,
      ]);
      const writes: Write[] = [];
      for (let n = 0; !cli.done; n++) {
        await sleep(50);
        const duringImport = !cli.done;
        const started = performance.now();
        const cents = n % 3 === 2 ? 0n : BigInt(n + 1);
        const amount = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
        const reply =
          cents === 0n
            ? await client.post(`${base}/tags`, { name: `tag ${n}` })
            : await client.post(`${base}/transactions`, {
                date: '2031-06-01',
                postings: [
                  { accountId: checking, amount: eur(`-${amount}`) },
                  { accountId: food, amount: eur(amount) },
                ],
              });
        const waited = performance.now() - started;
        const kind = cents === 0n ? 'tag' : 'transaction';
        writes.push({ kind, status: reply.status, id: reply.body.id, cents, duringImport, waited });
      }
      expect(await cli.exited, cli.output()).toBe(0);
      expect(cli.output()).toMatch(new RegExp(`Imported ${ROWS} transactions`));

      const failed = writes.filter((write) => write.status !== 201);
      expect(failed, `${failed.length} of ${writes.length} writes failed`).toEqual([]);
      // Not starved: the API kept answering while the import ran, and no write waited for more than
      // a few of its chunks (one transaction for the whole file held every write for seconds).
      expect(writes.filter((write) => write.duringImport).length).toBeGreaterThanOrEqual(10);
      expect(Math.max(...writes.map((write) => write.waited))).toBeLessThan(1000);

      const transactions = writes.filter((write) => write.kind === 'transaction');
      for (const write of transactions) {
        expect((await client.get(`${base}/transactions/${write.id}`)).status).toBe(200);
      }
      const tagIds = new Set((await client.get(`${base}/tags`)).body.map((tag: { id: number }) => tag.id));
      for (const write of writes.filter((w) => w.kind === 'tag')) expect(tagIds.has(write.id)).toBe(true);

      const written = transactions.reduce((sum, write) => sum + write.cents, 0n);
      const balance = (await client.get(`${base}/accounts/${checking}`)).body.balance.amount as string;
      expect(BigInt(balance.replace('.', ''))).toBe(file.total - written);
      const batches = (await client.get(`${base}/imports`)).body;
      expect(batches.map((b: { transactionCount: number }) => b.transactionCount)).toEqual([ROWS]);
      expect((await checkIntegrity(ctx.database.db, {})).problems).toEqual([]);
      await app.close();
    }, 120_000);
  },
  { shared: true },
);
