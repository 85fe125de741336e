/**
 * The count and total of a search over all its pages: what the Transactions page shows above its
 * list. Seen from an account (or category) it is that account's Σ as its register signs it; else
 * what moved, per currency.
 */
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const money = (amount: string, currency = 'EUR') => ({ amount, currency });

describeEachDatabase('the summary of a transaction search', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await testApp(ctx.database);
  });

  async function ledger() {
    const { client, base, made } = await signUpWithBook(app);
    const checking = await made('/accounts', { name: 'Checking', type: 'asset', subtype: 'checking' });
    const savings = await made('/accounts', { name: 'Savings', type: 'asset', subtype: 'savings' });
    const wallet = await made('/accounts', {
      name: 'Dollars',
      type: 'asset',
      subtype: 'cash',
      currency: 'USD',
    });
    const groceries = await made('/categories', { name: 'Groceries', kind: 'expense' });
    const salary = await made('/categories', { name: 'Salary', kind: 'income' });
    const travel = await made('/categories', { name: 'Travel', kind: 'expense', currency: 'USD' });
    const move = (
      date: string,
      from: number,
      to: number,
      amount: string,
      currency = 'EUR',
      status = 'pending',
    ) =>
      made('/transactions', {
        date,
        description: 'entry',
        status,
        postings: [
          { accountId: from, amount: money(`-${amount}`, currency) },
          { accountId: to, amount: money(amount, currency) },
        ],
      });
    await move('2026-03-01', salary, checking, '1000.00', 'EUR', 'cleared');
    await move('2026-03-02', checking, groceries, '12.34');
    await move('2026-03-03', checking, groceries, '0.66');
    await move('2026-03-04', checking, savings, '200.00');
    await move('2026-03-05', wallet, travel, '50.00', 'USD');
    return { client, base, ids: { checking, savings, groceries, salary, travel } };
  }

  it('counts every match and adds up what moved, per currency, without an account', async () => {
    const { client, base } = await ledger();
    const all = await client.get(`${base}/transactions/summary`);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      count: 5,
      totals: [money('1213.00'), money('50.00', 'USD')],
    });
    const cleared = await client.get(`${base}/transactions/summary?status=pending&q=entry&from=2026-03-03`);
    expect(cleared.body).toEqual({ count: 3, totals: [money('200.66'), money('50.00', 'USD')] });
  });

  it('signs the total as the account’s register does, and a category’s as spending', async () => {
    const { client, base, ids } = await ledger();
    const checking = await client.get(`${base}/transactions/summary?accountId=${ids.checking}`);
    expect(checking.body).toEqual({ count: 4, totals: [money('787.00')] });
    const groceries = await client.get(`${base}/transactions/summary?categoryId=${ids.groceries}`);
    expect(groceries.body).toEqual({ count: 2, totals: [money('-13.00')] });
    const salary = await client.get(`${base}/transactions/summary?categoryId=${ids.salary}`);
    expect(salary.body).toEqual({ count: 1, totals: [money('1000.00')] });
    // Both: seen from the account, among the category's transactions.
    const both = await client.get(
      `${base}/transactions/summary?accountId=${ids.checking}&categoryId=${ids.groceries}`,
    );
    expect(both.body).toEqual({ count: 2, totals: [money('-13.00')] });
  });

  it('covers every page of the list it summarises', async () => {
    const { client, base, ids } = await ledger();
    const page = await client.get(`${base}/transactions?accountId=${ids.checking}&limit=1`);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).not.toBeNull();
    const summary = await client.get(`${base}/transactions/summary?accountId=${ids.checking}`);
    expect(summary.body.count).toBe(4);
    const none = await client.get(`${base}/transactions/summary?q=nothing-like-this`);
    expect(none.body).toEqual({ count: 0, totals: [] });
  });

  it('refuses what the list refuses: another book’s ids, bad dates, paging', async () => {
    const { client, base } = await ledger();
    const unknown = expectProblem(
      await client.get(`${base}/transactions/summary?accountId=999999`),
      422,
      'UNKNOWN_ACCOUNT',
    );
    expect(unknown.errors.map((error) => error.field)).toEqual(['query:accountId']);
    expectProblem(await client.get(`${base}/transactions/summary?from=2026-02-30`), 422, 'INVALID_DATE');
    expectProblem(await client.get(`${base}/transactions/summary?limit=5`), 400, 'VALIDATION_FAILED');
  });
});
