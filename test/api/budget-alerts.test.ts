import { expect, it } from 'vitest';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('budget alerts', (ctx) => {
  it('notifies once at 80 % and once at 100 % of the current period; edits and refunds repeat nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const post = async (path: string, body: object) =>
      (await client.post(`${base}${path}`, body)).body.id as number;
    const checking = await post('/accounts', { name: 'Checking', type: 'asset' });
    const food = await post('/categories', { name: 'Food', kind: 'expense' });
    const fun = await post('/categories', { name: 'Fun', kind: 'expense' });
    // A weekly budget anchored today: every transaction dated today falls in its current period.
    const today = new Date().toISOString().slice(0, 10);
    const budget = await post('/budgets', {
      name: 'Groceries',
      categoryId: food,
      recurrence: { kind: 'weekly', anchor: today },
      amounts: [{ from: '2000-01-01', amount: eur('100.00') }],
    });
    const spend = (amount: string, category = food, date = today) =>
      client.post(`${base}/transactions`, {
        date,
        postings: [
          { accountId: checking, amount: eur(`${amount.startsWith('-') ? amount.slice(1) : `-${amount}`}`) },
          { accountId: category, amount: eur(amount) },
        ],
      });
    const list = async (query = '') => (await client.get(`${base}/notifications${query}`)).body as any[];

    await spend('50.00');
    await spend('500.00', fun);
    await spend('1000.00', food, '2020-01-06'); // a closed period: no alert
    expect(await list()).toEqual([]);

    const second = (await spend('35.00')).body.id;
    const first = await list();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      kind: 'budget-threshold',
      budgetId: budget,
      budgetName: 'Groceries',
      periodStart: today,
      threshold: 80,
      spent: eur('85.00'),
      available: eur('100.00'),
      dismissedAt: null,
    });
    expect(first[0].periodLabel.kind).toBe('range');

    expect((await client.patch(`${base}/transactions/${second}`, { description: 'more' })).status).toBe(200);
    expect(await list()).toHaveLength(1);

    const third = (await spend('20.00')).body.id;
    const both = await list();
    expect(both.map((n) => [n.threshold, n.spent.amount])).toEqual([
      [100, '105.00'],
      [80, '85.00'],
    ]);

    // Dropping below and crossing again, or deleting and re-adding, alerts nothing new.
    await spend('-30.00');
    await spend('30.00');
    expect((await client.delete(`${base}/transactions/${third}`)).status).toBe(204);
    await spend('20.00');
    expect(await list()).toHaveLength(2);

    const dismissed = await client.post(`${base}/notifications/${both[1].id}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.dismissedAt).toEqual(expect.any(String));
    const again = await client.post(`${base}/notifications/${both[1].id}/dismiss`);
    expect(again.body.dismissedAt).toBe(dismissed.body.dismissedAt);
    expect((await list()).map((n) => n.threshold)).toEqual([100]);
    expect((await list('?includeDismissed=true')).map((n) => n.threshold)).toEqual([100, 80]);
    expectProblem(await client.post(`${base}/notifications/999999/dismiss`), 404, 'NOT_FOUND');

    const other = await signUpWithBook(app);
    expectProblem(
      await other.client.post(`${other.base}/notifications/${both[0].id}/dismiss`),
      404,
      'NOT_FOUND',
    );

    expect((await client.delete(`${base}/budgets/${budget}`)).status).toBe(204);
    expect(await list('?includeDismissed=true')).toEqual([]);
    await app.close();
  });
});
