import { expect, it } from 'vitest';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import { signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('concurrent writes to one transaction', (ctx) => {
  it('keeps cached balances equal to the postings when the same transaction is edited and deleted at once', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const cash = (
      await client.post(`${base}/accounts`, { name: 'Cash', type: 'asset', openingBalance: eur('500.00') })
    ).body.id;
    const food = (await client.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    const spend = (amount: string) => ({
      postings: [
        { accountId: cash, amount: eur(`-${amount}`) },
        { accountId: food, amount: eur(amount) },
      ],
    });

    for (let round = 0; round < 5; round++) {
      const created = await client.post(`${base}/transactions`, { date: '2026-04-01', ...spend('10.00') });
      const url = `${base}/transactions/${created.body.id}`;
      const replies = await Promise.all([
        client.patch(url, spend('20.00')),
        client.patch(url, spend('30.00')),
        client.delete(url),
        client.delete(url),
        client.patch(url, spend('40.00')),
      ]);
      expect(replies.filter((reply) => reply.status === 204)).toHaveLength(1);
      for (const reply of replies) expect([200, 204, 404]).toContain(reply.status);
    }

    const report = await checkIntegrity(ctx.database.db, {});
    expect(report.problems).toEqual([]);
    expect((await client.get(`${base}/accounts/${cash}`)).body.balance).toEqual(eur('500.00'));
    expect((await client.get(`${base}/accounts/${food}`)).body.balance).toEqual(eur('0.00'));
    await app.close();
  });
});
