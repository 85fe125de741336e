import { expect, it } from 'vitest';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { budgetLedger as ledger } from '../support/budget-ledger.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('limit budgets', (ctx) => {
  it('creates, reads, changes and deletes budgets; bad input changes nothing', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids } = await ledger(client, base);
    const valid = {
      name: 'Food',
      categoryId: ids.food,
      recurrence: { kind: 'monthly', startDay: 25 },
      amounts: [{ from: '2026-03-25', amount: eur('300.00') }],
    };
    const field = (reply: any, status: number, code: string) =>
      expectProblem(reply, status, code).errors[0]?.field;
    const create = (patch: object) => client.post(`${base}/budgets`, { ...valid, ...patch });

    expect(field(await create({ groupId: ids.living }), 400, 'VALIDATION_FAILED')).toBe('/categoryId');
    expect(field(await create({ categoryId: ids.salary }), 422, 'INVALID_ACCOUNT_KIND')).toBe('/categoryId');
    expect(field(await create({ categoryId: ids.checking }), 422, 'UNKNOWN_ACCOUNT')).toBe('/categoryId');
    expect(field(await create({ categoryId: 999_999 }), 422, 'UNKNOWN_ACCOUNT')).toBe('/categoryId');
    const income = (await client.post(`${base}/category-groups`, { name: 'Pay', kind: 'income' })).body.id;
    expect(
      field(await create({ categoryId: undefined, groupId: income }), 422, 'UNKNOWN_CATEGORY_GROUP'),
    ).toBe('/groupId');
    expectProblem(await create({ recurrence: { kind: 'monthly', startDay: 32 } }), 400, 'VALIDATION_FAILED');
    expect(
      field(
        await create({ recurrence: { kind: 'custom', start: '2026-05-01', end: '2026-04-01' } }),
        400,
        'VALIDATION_FAILED',
      ),
    ).toBe('/recurrence/end');
    expect(
      field(await create({ recurrence: { kind: 'weekly', anchor: '2026-02-30' } }), 422, 'INVALID_DATE'),
    ).toBe('/recurrence/anchor');
    const usd = [{ from: '2026-01-01', amount: { amount: '1.00', currency: 'USD' } }];
    expect(field(await create({ amounts: usd }), 422, 'CURRENCY_MISMATCH')).toBe(
      '/amounts/0/amount/currency',
    );
    const negative = [{ from: '2026-01-01', amount: eur('-1.00') }];
    expect(field(await create({ amounts: negative }), 422, 'INVALID_AMOUNT')).toBe(
      '/amounts/0/amount/amount',
    );
    const twice = [
      { from: '2026-01-01', amount: eur('1.00') },
      { from: '2026-01-01', amount: eur('2.00') },
    ];
    expect(field(await create({ amounts: twice }), 400, 'VALIDATION_FAILED')).toBe('/amounts/1/from');
    expectProblem(await create({ amounts: [] }), 400, 'VALIDATION_FAILED');
    expectProblem(await create({ rollover: 'sometimes' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await create({ amounts: [{ from: '2026-01-01', amount: '1.00' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect((await client.get(`${base}/budgets`)).body).toEqual([]);

    const created = await create({});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Food',
      categoryId: ids.food,
      groupId: null,
      recurrence: { kind: 'monthly', startDay: 25 },
      rollover: 'none',
      currency: 'EUR',
      amounts: [{ from: '2026-03-25', amount: eur('300.00') }],
    });
    const url = `${base}/budgets/${created.body.id}`;
    expect((await client.get(url)).body).toEqual(created.body);
    expect((await client.get(`${base}/budgets`)).body).toEqual([created.body]);

    const renamed = await client.patch(url, { name: 'Groceries', rollover: 'unspent' });
    expect(renamed.body).toMatchObject({ name: 'Groceries', rollover: 'unspent' });
    const regrouped = await client.patch(url, { groupId: ids.living });
    expect(regrouped.body).toMatchObject({ categoryId: null, groupId: ids.living });
    expect(field(await client.patch(url, { categoryId: ids.salary }), 422, 'INVALID_ACCOUNT_KIND')).toBe(
      '/categoryId',
    );
    expectProblem(await client.patch(url, {}), 400, 'VALIDATION_FAILED');
    expect((await client.get(url)).body).toEqual(regrouped.body);

    expect((await client.delete(url)).status).toBe(204);
    expectProblem(await client.get(url), 404, 'NOT_FOUND');
    expectProblem(await client.delete(url), 404, 'NOT_FOUND');
    await app.close();
  });

  it('follows a payday month (start day 25), splits, refunds, transfers, amount changes and pace', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const { ids, spend } = await ledger(client, base);
    await spend('2026-04-24', [
      [ids.checking, '-100.00'],
      [ids.food, '100.00'],
    ]);
    await spend('2026-04-25', [
      [ids.checking, '-50.00'],
      [ids.food, '50.00'],
    ]);
    await spend('2026-05-01', [
      [ids.checking, '-500.00'],
      [ids.savings, '500.00'],
    ]);
    await spend('2026-05-10', [
      [ids.checking, '-70.00'],
      [ids.food, '40.00'],
      [ids.fun, '30.00'],
    ]);
    await spend('2026-05-12', [
      [ids.checking, '15.00'],
      [ids.food, '-15.00'],
    ]);
    await spend('2026-05-24', [
      [ids.checking, '-30.00'],
      [ids.food, '30.00'],
    ]);
    await spend('2026-05-25', [
      [ids.checking, '-9.00'],
      [ids.food, '9.00'],
    ]);
    const budget = await client.post(`${base}/budgets`, {
      name: 'Food',
      categoryId: ids.food,
      recurrence: { kind: 'monthly', startDay: 25 },
      amounts: [{ from: '2026-03-25', amount: eur('300.00') }],
    });
    const url = `${base}/budgets/${budget.body.id}`;

    const mid = await client.get(`${url}/status?asOf=2026-05-14&periods=2`);
    expect(mid.status).toBe(200);
    expect(mid.body.periods).toEqual([
      {
        start: '2026-03-25',
        end: '2026-04-24',
        label: { kind: 'month', year: 2026, month: 4 },
        limit: eur('300.00'),
        rolledIn: eur('0.00'),
        available: eur('300.00'),
        spent: eur('100.00'),
        remaining: eur('200.00'),
        percent: 3333,
        pace: { elapsedDays: 31, totalDays: 31, expectedByNow: eur('300.00'), status: 'under' },
      },
      {
        start: '2026-04-25',
        end: '2026-05-24',
        label: { kind: 'month', year: 2026, month: 5 },
        limit: eur('300.00'),
        rolledIn: eur('0.00'),
        available: eur('300.00'),
        spent: eur('75.00'),
        remaining: eur('225.00'),
        percent: 2500,
        pace: { elapsedDays: 20, totalDays: 30, expectedByNow: eur('200.00'), status: 'under' },
      },
    ]);
    const early = await client.get(`${url}/status?asOf=2026-04-26`);
    expect(early.body.periods).toHaveLength(1);
    expect(early.body.periods[0]).toMatchObject({
      start: '2026-04-25',
      spent: eur('50.00'),
      pace: { elapsedDays: 2, totalDays: 30, expectedByNow: eur('20.00'), status: 'over' },
    });
    const whole = await client.get(`${url}/status?asOf=2026-05-24`);
    expect(whole.body.periods[0]).toMatchObject({ spent: eur('105.00'), percent: 3500 });

    // A change from 1 May applies from the first period starting on or after it: 25 May.
    await client.post(`${url}/amounts`, { from: '2026-05-01', amount: eur('400.00') });
    const replaced = await client.post(`${url}/amounts`, { from: '2026-05-01', amount: eur('450.00') });
    expect(replaced.status).toBe(200);
    expect(replaced.body.amounts).toEqual([
      { from: '2026-03-25', amount: eur('300.00') },
      { from: '2026-05-01', amount: eur('450.00') },
    ]);
    const changed = await client.get(`${url}/status?asOf=2026-06-01&periods=3`);
    expect(changed.body.periods.map((p: any) => [p.start, p.limit.amount, p.spent.amount])).toEqual([
      ['2026-03-25', '300.00', '100.00'],
      ['2026-04-25', '300.00', '105.00'],
      ['2026-05-25', '450.00', '9.00'],
    ]);
    expectProblem(
      await client.post(`${url}/amounts`, { from: '2026-07-01', amount: { amount: '1', currency: 'USD' } }),
      422,
      'CURRENCY_MISMATCH',
    );
    expectProblem(await client.get(`${url}/status?periods=37`), 400, 'VALIDATION_FAILED');

    const history = await client.get(`${url}/history?asOf=2026-05-24&periods=2`);
    expect(history.status).toBe(200);
    expect(history.body.periods.map((p: any) => [p.start, p.spent.amount, p.overspent])).toEqual([
      ['2026-03-25', '100.00', false],
      ['2026-04-25', '105.00', false],
    ]);
    expect(history.body.averageSpent).toEqual({ total: eur('205.00'), count: 2, rounded: eur('102.50') });
    expect(history.body.overspentCount).toBe(0);
    await app.close();
  });
});
