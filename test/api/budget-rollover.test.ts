import { expect, it } from 'vitest';
import { signUpWithBook, testApp } from '../support/api.ts';
import { budgetLedger as ledger } from '../support/budget-ledger.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('budget rollover and overview', (ctx) => {
  it('rolls over unspent money, then overspending too, across three periods; overview in one call', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids, spend } = await ledger(client, base);
    await spend('2026-01-10', [
      [ids.checking, '-60.00'],
      [ids.fun, '60.00'],
    ]);
    await spend('2026-02-10', [
      [ids.checking, '-150.00'],
      [ids.fun, '150.00'],
    ]);
    await spend('2026-03-10', [
      [ids.checking, '-20.00'],
      [ids.fun, '20.00'],
    ]);
    await spend('2026-05-01', [
      [ids.checking, '-800.00'],
      [ids.rent, '800.00'],
    ]);
    await spend('2026-05-10', [
      [ids.checking, '-70.00'],
      [ids.food, '40.00'],
      [ids.fun, '30.00'],
    ]);
    const fun = await client.post(`${base}/budgets`, {
      name: 'Fun',
      categoryId: ids.fun,
      recurrence: { kind: 'monthly', startDay: 1 },
      rollover: 'unspent',
      amounts: [{ from: '2026-01-01', amount: eur('100.00') }],
    });
    const url = `${base}/budgets/${fun.body.id}`;
    const rows = async (query: string) =>
      (await client.get(`${url}/status?${query}`)).body.periods.map((p: any) =>
        [p.rolledIn, p.available, p.spent, p.remaining].map((m) => m.amount),
      );
    expect(await rows('asOf=2026-03-31&periods=3')).toEqual([
      ['0.00', '100.00', '60.00', '40.00'],
      ['40.00', '140.00', '150.00', '-10.00'],
      ['0.00', '100.00', '20.00', '80.00'],
    ]);
    expect(await rows('asOf=2026-03-31')).toEqual([['0.00', '100.00', '20.00', '80.00']]);
    await client.patch(url, { rollover: 'both' });
    expect(await rows('asOf=2026-03-31&periods=3')).toEqual([
      ['0.00', '100.00', '60.00', '40.00'],
      ['40.00', '140.00', '150.00', '-10.00'],
      ['-10.00', '90.00', '20.00', '70.00'],
    ]);

    const living = await client.post(`${base}/budgets`, {
      name: 'Living',
      groupId: ids.living,
      recurrence: { kind: 'monthly', startDay: 1 },
      amounts: [{ from: '2026-01-01', amount: eur('1000.00') }],
    });
    expect(living.status).toBe(201);
    const overview = await client.get(`${base}/budgets/overview?asOf=2026-05-14`);
    expect(overview.status).toBe(200);
    expect(
      overview.body.budgets.map((b: any) => [
        b.name,
        b.period.start,
        b.period.available.amount,
        b.period.spent.amount,
      ]),
    ).toEqual([
      ['Fun', '2026-05-01', '270.00', '30.00'],
      ['Living', '2026-05-01', '1000.00', '840.00'],
    ]);
    await app.close();
  });
});
