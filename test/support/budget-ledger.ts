/** A small ledger for the budget tests: a Living group (Food, Rent), Fun, Salary, two accounts. */
import type { Client } from './api.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

export async function budgetLedger(client: Client, base: string) {
  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as number;
  };
  const living = await post('/category-groups', { name: 'Living', kind: 'expense' });
  const ids = {
    living,
    checking: await post('/accounts', {
      name: 'Checking',
      type: 'asset',
      openingBalance: eur('5000.00'),
      openingDate: '2026-01-01',
    }),
    savings: await post('/accounts', { name: 'Savings', type: 'asset' }),
    food: await post('/categories', { name: 'Food', kind: 'expense', groupId: living }),
    rent: await post('/categories', { name: 'Rent', kind: 'expense', groupId: living }),
    fun: await post('/categories', { name: 'Fun', kind: 'expense' }),
    salary: await post('/categories', { name: 'Salary', kind: 'income' }),
  };
  const spend = (date: string, postings: [number, string][]) =>
    post('/transactions', {
      date,
      postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
    });
  return { ids, spend, post };
}
