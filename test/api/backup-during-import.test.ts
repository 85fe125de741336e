/**
 * A backup taken while an import is being written (its batch `importing`, committed in chunks) is
 * the book as it stands if that import never completes: neither the batch nor any of its rows.
 * Restoring such a backup must not turn half an import into a finished one.
 */
import { expect, it } from 'vitest';
import { signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const CSV = `Date;Payee;Purpose;Amount
02.03.2026;REWE Markt;Card 1234;-23,45
05.03.2026;Cafe Central;;-4,20
`;

describeEachDatabase('a backup during an import', (ctx) => {
  it('leaves out an import that is still being written, and has it once it is complete', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const checking = (
      await client.post(`${base}/accounts`, {
        name: 'Checking',
        type: 'asset',
        openingBalance: { amount: '100.00', currency: 'EUR' },
      })
    ).body.id as number;
    const imported = await client.post(`${base}/imports`, {
      fileName: 'march.csv',
      content: Buffer.from(CSV).toString('base64'),
      accountId: checking,
    });
    expect(imported.status).toBe(201);
    const batchId = imported.body.id as number;

    const complete = (await client.get(`${base}/backup`)).body;
    expect(complete.importBatches.map((b: { id: number }) => b.id)).toEqual([batchId]);
    expect(complete.transactions.filter((t: any) => t.importBatchId === batchId)).toHaveLength(2);

    // The same batch as another process sees it between two of its chunks.
    await ctx.database.db
      .updateTable('import_batches')
      .set({ status: 'importing' })
      .where('id', '=', batchId)
      .execute();
    const during = (await client.get(`${base}/backup`)).body;
    expect(during.importBatches).toEqual([]);
    expect(during.transactions.filter((t: any) => t.importBatchId !== null)).toEqual([]);
    expect(during.transactions).toHaveLength(complete.transactions.length - 2);

    const restored = await client.post('/api/v1/books/restore', during);
    expect(restored.status).toBe(201);
    await app.close();
  });
});
