import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/**
 * docs/api.md and docs/decisions.md: more decimals than the currency has are accepted when the
 * extra digits are zeros, and refused otherwise.
 */
describeEachDatabase('amounts with more decimals than the currency has', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;
  const ids: Record<string, number> = {};
  const spend = (amount: string) =>
    client.post(`${base}/transactions`, {
      date: '2026-03-01',
      postings: [
        { accountId: ids.checking, amount: eur(`-${amount}`) },
        { accountId: ids.groceries, amount: eur(amount) },
      ],
    });

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client, base } = await signUpWithBook(app));
    ids.checking = (await client.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    ids.groceries = (await client.post(`${base}/categories`, { name: 'Groceries', kind: 'expense' })).body.id;
  });

  it('"1.000" EUR is 1.00', async () => {
    const reply = await spend('1.000');
    expect(reply.status).toBe(201);
    expect(reply.body.postings.map((p: any) => p.amount)).toEqual([eur('-1.00'), eur('1.00')]);
  });

  it('"1.001" EUR is TOO_MANY_DECIMALS, at the field', async () => {
    const reply = await spend('1.001');
    expectProblem(reply, 422, 'TOO_MANY_DECIMALS');
    expect(reply.body.errors.map((e: any) => e.field)).toEqual(['/postings/0/amount/amount']);
  });
});
