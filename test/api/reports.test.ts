import { expect, it } from 'vitest';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('category totals', (ctx) => {
  it('sums categories per range and per month; transfers never count; refunds reduce spending', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const post = async (path: string, body: object) =>
      (await client.post(`${base}${path}`, body)).body.id as number;
    const checking = await post('/accounts', {
      name: 'Checking',
      type: 'asset',
      openingBalance: eur('1000.00'),
      openingDate: '2026-01-01',
    });
    const savings = await post('/accounts', { name: 'Savings', type: 'asset' });
    const food = await post('/categories', { name: 'Food', kind: 'expense' });
    const home = await post('/categories', { name: 'Home', kind: 'expense' });
    const salary = await post('/categories', { name: 'Salary', kind: 'income' });
    const spend = (date: string, postings: [number, string][]) =>
      client.post(`${base}/transactions`, {
        date,
        postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
      });

    await spend('2026-01-05', [
      [checking, '2500.00'],
      [salary, '-2500.00'],
    ]);
    await spend('2026-01-10', [
      [checking, '-80.00'],
      [food, '50.00'],
      [home, '30.00'],
    ]);
    await spend('2026-01-20', [
      [checking, '-500.00'],
      [savings, '500.00'],
    ]);
    await spend('2026-02-02', [
      [checking, '-40.00'],
      [food, '40.00'],
    ]);
    await spend('2026-02-03', [
      [checking, '15.00'],
      [food, '-15.00'],
    ]);
    await spend('2026-03-01', [
      [checking, '-99.00'],
      [home, '99.00'],
    ]);

    const whole = await client.get(`${base}/reports/category-totals?from=2026-01-01&to=2026-02-28`);
    expect(whole.status).toBe(200);
    expect(whole.body.rows).toEqual([
      { period: null, categoryId: food, total: eur('75.00') },
      { period: null, categoryId: home, total: eur('30.00') },
      { period: null, categoryId: salary, total: eur('-2500.00') },
    ]);
    const monthly = await client.get(
      `${base}/reports/category-totals?from=2026-01-01&to=2026-03-31&interval=month`,
    );
    expect(monthly.body.rows.map((r: any) => [r.period, r.categoryId, r.total.amount])).toEqual([
      ['2026-01', food, '50.00'],
      ['2026-01', home, '30.00'],
      ['2026-01', salary, '-2500.00'],
      ['2026-02', food, '25.00'],
      ['2026-03', home, '99.00'],
    ]);
    expectProblem(
      await client.get(`${base}/reports/category-totals?from=2026-02-01&to=2026-01-01`),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.get(`${base}/reports/category-totals?from=2026-02-30&to=2026-03-01`),
      422,
      'INVALID_DATE',
    );
    await app.close();
  });
});
