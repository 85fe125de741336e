/**
 * Bulk edits: one request changes or deletes many transactions, all or nothing, and its `previous`
 * undoes it through bulk-restore, leaving balances, reports and the ledger as they were.
 */
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('bulk edits of transactions', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await testApp(ctx.database);
  });

  async function ledger() {
    const { client, base, made } = await signUpWithBook(app);
    const checking = await made('/accounts', { name: 'Checking', type: 'asset', subtype: 'checking' });
    const savings = await made('/accounts', { name: 'Savings', type: 'asset', subtype: 'savings' });
    const groceries = await made('/categories', { name: 'Groceries', kind: 'expense' });
    const dining = await made('/categories', { name: 'Dining', kind: 'expense' });
    const travel = await made('/categories', { name: 'Travel USD', kind: 'expense', currency: 'USD' });
    const trip = await made('/tags', { name: 'trip' });
    const spend = (date: string, lines: [number, string][]) =>
      made('/transactions', {
        date,
        description: 'shop',
        postings: [
          { accountId: checking, amount: eur((-lines.reduce((s, [, a]) => s + Number(a), 0)).toFixed(2)) },
          ...lines.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
        ],
      });
    const a = await spend('2026-03-01', [[groceries, '10.00']]);
    const b = await spend('2026-03-02', [[groceries, '20.00']]);
    const split = await spend('2026-03-03', [
      [groceries, '5.00'],
      [dining, '7.00'],
    ]);
    const transfer = await made('/transactions', {
      date: '2026-03-04',
      postings: [
        { accountId: checking, amount: eur('-100.00') },
        { accountId: savings, amount: eur('100.00') },
      ],
    });
    return {
      client,
      base,
      ids: { checking, savings, groceries, dining, travel, trip, a, b, split, transfer },
    };
  }

  const balances = async (client: Client, base: string) => {
    const rows = [
      ...(await client.get(`${base}/accounts?includeArchived=true`)).body,
      ...(await client.get(`${base}/categories?includeArchived=true`)).body,
    ] as any[];
    return Object.fromEntries(rows.map((x) => [x.name, x.balance.amount]));
  };
  const spending = async (client: Client, base: string) =>
    (await client.get(`${base}/reports/spending?from=2026-01-01&to=2026-12-31`)).body;

  it('moves many transactions to another category, payee, status, date and tags, and undoes it', async () => {
    const { client, base, ids } = await ledger();
    const before = { balances: await balances(client, base), spending: await spending(client, base) };
    const changed = await client.post(`${base}/transactions/bulk-update`, {
      ids: [ids.a, ids.b],
      set: {
        categoryId: ids.dining,
        payeeName: 'Corner Shop',
        status: 'reconciled',
        date: '2026-04-01',
        addTagIds: [ids.trip],
      },
    });
    expect(changed.status).toBe(200);
    expect(
      changed.body.transactions.map((t: any) => [
        t.id,
        t.date,
        t.status,
        t.payee.name,
        t.tags.map((g: any) => g.name),
      ]),
    ).toEqual([
      [ids.a, '2026-04-01', 'reconciled', 'Corner Shop', ['trip']],
      [ids.b, '2026-04-01', 'reconciled', 'Corner Shop', ['trip']],
    ]);
    expect(changed.body.transactions[1].postings.map((p: any) => [p.accountId, p.amount.amount])).toEqual([
      [ids.checking, '-20.00'],
      [ids.dining, '20.00'],
    ]);
    const after = await balances(client, base);
    expect([after.Groceries, after.Dining]).toEqual(['5.00', '37.00']);

    const undone = await client.post(`${base}/transactions/bulk-restore`, {
      transactions: changed.body.previous,
    });
    expect(undone.status).toBe(200);
    expect(undone.body.transactions.map((t: any) => [t.id, t.date, t.status, t.payee, t.tags])).toEqual([
      [ids.a, '2026-03-01', 'pending', null, []],
      [ids.b, '2026-03-02', 'pending', null, []],
    ]);
    expect(await balances(client, base)).toEqual(before.balances);
    expect(await spending(client, base)).toEqual(before.spending);
  });

  it('removes a tag from many, leaving their other tags', async () => {
    const { client, base, ids } = await ledger();
    await client.post(`${base}/transactions/bulk-update`, {
      ids: [ids.a, ids.split],
      set: { addTagIds: [ids.trip] },
    });
    const removed = await client.post(`${base}/transactions/bulk-update`, {
      ids: [ids.a, ids.b],
      set: { removeTagIds: [ids.trip] },
    });
    expect(removed.body.transactions.map((t: any) => t.tags)).toEqual([[], []]);
    expect((await client.get(`${base}/transactions/${ids.split}`)).body.tags.map((t: any) => t.name)).toEqual(
      ['trip'],
    );
  });

  it('deletes many at once and writes them back', async () => {
    const { client, base, ids } = await ledger();
    const before = await balances(client, base);
    const deleted = await client.post(`${base}/transactions/bulk-delete`, {
      ids: [ids.a, ids.split, ids.transfer],
    });
    expect(deleted.status).toBe(200);
    expect((await client.get(`${base}/transactions`)).body.items.map((t: any) => t.id)).toEqual([ids.b]);
    expect((await balances(client, base)).Checking).toBe('-20.00');
    const back = await client.post(`${base}/transactions/bulk-restore`, {
      transactions: deleted.body.previous,
    });
    expect(back.status).toBe(200);
    expect(back.body.previous).toEqual([]);
    expect(await balances(client, base)).toEqual(before);
    expect(back.body.transactions.map((t: any) => t.postings.length)).toEqual([2, 3, 2]);
  });

  it('refuses the whole request when one transaction cannot take the change, changing nothing', async () => {
    const { client, base, ids } = await ledger();
    const before = await balances(client, base);
    const refused = expectProblem(
      await client.post(`${base}/transactions/bulk-update`, {
        ids: [ids.a, ids.split, ids.transfer],
        set: { categoryId: ids.dining, status: 'cleared' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(refused.errors.map((e) => e.field)).toEqual(['/ids/1', '/ids/2']);
    expectProblem(
      await client.post(`${base}/transactions/bulk-update`, {
        ids: [ids.a],
        set: { categoryId: ids.travel },
      }),
      422,
      'CURRENCY_MISMATCH',
    );
    expectProblem(
      await client.post(`${base}/transactions/bulk-update`, {
        ids: [ids.a],
        set: { categoryId: ids.savings },
      }),
      422,
      'UNKNOWN_ACCOUNT',
    );
    const missing = expectProblem(
      await client.post(`${base}/transactions/bulk-delete`, { ids: [ids.a, 999_999] }),
      404,
      'NOT_FOUND',
    );
    expect(missing.errors.map((e) => e.field)).toEqual(['/ids/1']);
    expectProblem(
      await client.post(`${base}/transactions/bulk-update`, { ids: [ids.a], set: {} }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.post(`${base}/transactions/bulk-delete`, { ids: [ids.a, ids.a] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await balances(client, base)).toEqual(before);
    expect((await client.get(`${base}/transactions/${ids.a}`)).body.status).toBe('pending');
  });

  it('never reaches into another book: its ids are not found, a restore of them writes into this book', async () => {
    const mine = await ledger();
    const theirs = await ledger();
    expectProblem(
      await mine.client.post(`${mine.base}/transactions/bulk-update`, {
        ids: [theirs.ids.a],
        set: { status: 'pending' },
      }),
      404,
      'NOT_FOUND',
    );
    const restored = await mine.client.post(`${mine.base}/transactions/bulk-restore`, {
      transactions: [
        {
          id: theirs.ids.a,
          date: '2026-05-01',
          postings: [
            { accountId: mine.ids.checking, amount: eur('-1.00') },
            { accountId: mine.ids.groceries, amount: eur('1.00') },
          ],
        },
      ],
    });
    expect(restored.status).toBe(200);
    expect(restored.body.transactions[0].id).not.toBe(theirs.ids.a);
    expect((await theirs.client.get(`${theirs.base}/transactions/${theirs.ids.a}`)).body.date).toBe(
      '2026-03-01',
    );
  });
});
