import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { bankCsv } from '../../../../test/support/bank-csv.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { detectCsvMapping } from '../../../core/import/csv/detect.ts';
import { parseCsvStream } from '../../../core/import/csv/stream.ts';
import type { Db } from '../../../db/connect.ts';
import { toCount } from '../../../db/values.ts';
import { checkIntegrity } from '../integrity/check.ts';
import { classifierFor } from './classifier.ts';
import { removeAbandonedImports } from './recovery.ts';
import { csvStatement, importStream } from './stream.ts';

const NOW = '2026-11-21T10:00:00.000Z';

async function importedRows(db: Db, bookId: number): Promise<number> {
  const row = await db
    .selectFrom('transactions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('book_id', '=', bookId)
    .where('import_batch_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return toCount(row.n);
}

describeEachDatabase('unfinished imports', (ctx) => {
  it('are left alone while written, removed whole once their writer is gone, and the writer then stops', async () => {
    const db = ctx.database.db;
    const app = await testApp(ctx.database);
    const { client, book, base } = await signUpWithBook(app);
    const checking = (
      await client.post(`${base}/accounts`, {
        name: 'Checking',
        type: 'asset',
        openingBalance: { amount: '50.00', currency: 'EUR' },
      })
    ).body.id as number;
    const scope = { bookId: book.id, userId: client.user!.id, role: 'owner' as const, baseCurrency: 'EUR' };

    // A file whose reading stops after its first 10 rows until `resume` is called.
    const { text } = bankCsv(30);
    const detection = detectCsvMapping(Buffer.from(text, 'latin1'), {}, { partial: true });
    let resume = () => {};
    const paused = new Promise<void>((resolve) => {
      resume = resolve;
    });
    async function* bytes() {
      const [first, ...rest] = text.split(/(?<=\n)/);
      yield Buffer.from(first!, 'latin1');
      for (const [index, line] of rest.entries()) {
        if (index === 10) await paused;
        yield Buffer.from(line, 'latin1');
      }
    }
    const running = importStream(
      db,
      scope,
      {
        fileName: 'bank.csv',
        format: 'csv',
        accountId: checking,
        statement: csvStatement(detection.mapping.currency),
        chunks: parseCsvStream(bytes(), detection.mapping, { columns: detection.columns, batchSize: 10 }),
        sha256: () => 'sha',
        dryRun: false,
      },
      classifierFor,
      NOW,
    );
    const outcome = running.then(
      () => 'completed',
      (error: Error) => error.message,
    );
    while ((await importedRows(db, book.id)) < 10) await sleep(5);

    // Its writer is this process, and it is still writing: not abandoned.
    expect(await removeAbandonedImports(db)).toEqual([]);
    expect(await importedRows(db, book.id)).toBe(10);

    // As though a process of this host that has since ended had written it.
    await db
      .updateTable('import_batches')
      .set({ writer: `${hostname()} ${2 ** 30 - 1}` })
      .where('book_id', '=', book.id)
      .execute();
    const removed = await removeAbandonedImports(db);
    expect(removed).toEqual([{ id: expect.any(Number), bookId: book.id, transactions: 10 }]);
    expect(await importedRows(db, book.id)).toBe(0);
    expect((await client.get(`${base}/accounts/${checking}`)).body.balance.amount).toBe('50.00');

    // The writer was only slow: its next chunk finds the batch gone and writes nothing.
    resume();
    expect(await outcome).toMatch(/taken for abandoned/);
    expect(await importedRows(db, book.id)).toBe(0);
    expect(await db.selectFrom('import_batches').select('id').execute()).toEqual([]);
    expect((await checkIntegrity(db, {})).problems).toEqual([]);
    await app.close();
  });
});
