/** Envelope-budgeting test helpers: a book in envelope mode and readers of a month's answer. */
import { expect } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { signUpWithBook } from './api.ts';

export const eur = (amount: string) => ({ amount, currency: 'EUR' });

/**
 * A book with Checking (an on-budget account), Salary (income) and three expense categories,
 * envelope mode from 2026-01.
 */
export async function envelopeBook(app: App) {
  const { client, base } = await signUpWithBook(app);
  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    expect(reply.status).toBe(201);
    return reply.body.id as number;
  };
  const ids = {
    checking: await post('/accounts', { name: 'Checking', type: 'asset', subtype: 'checking' }),
    salary: await post('/categories', { name: 'Salary', kind: 'income' }),
    groceries: await post('/categories', { name: 'Groceries', kind: 'expense' }),
    rent: await post('/categories', { name: 'Rent', kind: 'expense' }),
    fun: await post('/categories', { name: 'Fun', kind: 'expense' }),
  };
  const settings = await client.request('PUT', `${base}/envelope/settings`, {
    enabled: true,
    startMonth: '2026-01',
  });
  expect(settings.body).toEqual({ enabled: true, startMonth: '2026-01' });
  /** Money into Checking from Salary (positive) or out of Checking into a category. */
  const earn = async (date: string, amount: string) =>
    post('/transactions', {
      date,
      postings: [
        { accountId: ids.checking, amount: eur(amount) },
        { accountId: ids.salary, amount: eur(`-${amount}`) },
      ],
    });
  const spend = async (date: string, categoryId: number, amount: string) =>
    post('/transactions', {
      date,
      postings: [
        { accountId: ids.checking, amount: eur(`-${amount}`) },
        { accountId: categoryId, amount: eur(amount) },
      ],
    });
  const assign = (month: string, categoryId: number, amount: unknown) =>
    client.request('PUT', `${base}/envelope/months/${month}/assignments/${categoryId}`, { amount });
  const move = (month: string, body: unknown) => client.post(`${base}/envelope/months/${month}/moves`, body);
  const month = async (m: string) => {
    const reply = await client.get(`${base}/envelope/months/${m}`);
    expect(reply.status).toBe(200);
    return reply.body;
  };
  return { client, base, ids, earn, spend, assign, move, month };
}

/** A month's category rows keyed by name, amounts only. */
export function envelopes(body: any) {
  return Object.fromEntries(
    body.categories.map((c: any) => [
      c.name,
      [c.carriedIn.amount, c.assigned.amount, c.spent.amount, c.balance.amount, c.overspent.amount],
    ]),
  );
}

export function totals(body: any) {
  return {
    startingBalance: body.startingBalance.amount,
    income: body.income.amount,
    carriedTbb: body.carriedTbb.amount,
    overspendingFromLastMonth: body.overspendingFromLastMonth.amount,
    assigned: body.assigned.amount,
    tbb: body.tbb.amount,
    overAssigned: body.overAssigned,
    rolledIntoNextTbb: body.rolledIntoNextTbb.amount,
  };
}
