import { describe, expect, it } from 'vitest';
import type { TransactionJson } from '../../api/types.ts';
import { testAccount } from '../../test/accounts.ts';
import { formatDay } from '../../ui/formatDay.ts';
import { amountFor, editorTargets, involved, pointOfView } from './view.ts';

const account = testAccount;

const checking = account(1, 'Checking', 'asset');
const card = account(2, 'Visa', 'liability');
const opening = account(3, 'Opening Balances', 'equity');
const groceries = account(10, 'Groceries', 'expense');
const household = account(11, 'Household', 'expense');
const salary = account(12, 'Salary', 'income');
const byId = new Map([checking, card, opening, groceries, household, salary].map((a) => [a.id, a]));

const money = (amount: string) => ({ amount, currency: 'EUR' });
let postingId = 0;
function transaction(postings: [number, string][], total: string): TransactionJson {
  return {
    id: 1,
    date: '2025-03-12',
    currency: 'EUR',
    total: money(total),
    payee: null,
    description: '',
    notes: null,
    status: 'pending',
    tags: [],
    postings: postings.map(([accountId, amount]) => ({
      id: ++postingId,
      accountId,
      amount: money(amount),
      value: money(amount),
      memo: null,
    })),
    createdAt: '2025-03-12T00:00:00.000Z',
    createdBy: null,
    updatedAt: '2025-03-12T00:00:00.000Z',
    updatedBy: null,
  };
}

describe('a transaction in the list', () => {
  it('is seen from its first asset or liability account, even when a category comes first', () => {
    const income = transaction(
      [
        [12, '-2000.00'],
        [1, '2000.00'],
      ],
      '2000.00',
    );
    expect(pointOfView(income, byId)?.name).toBe('Checking');
    expect(amountFor(income, checking)).toEqual(money('2000.00'));
    expect(involved(income, byId, checking)).toBe('Salary → Checking');
  });

  it('shows spending as negative, from the account to the category', () => {
    const spent = transaction(
      [
        [1, '-12.50'],
        [10, '12.50'],
      ],
      '12.50',
    );
    expect(amountFor(spent, checking)).toEqual(money('-12.50'));
    expect(involved(spent, byId, checking)).toBe('Checking → Groceries');
  });

  it('names a split by its account and how many lines it has', () => {
    const split = transaction(
      [
        [2, '-30.00'],
        [10, '20.00'],
        [11, '10.00'],
      ],
      '30.00',
    );
    const view = pointOfView(split, byId);
    expect(view?.name).toBe('Visa');
    expect(involved(split, byId, view)).toBe('Visa · Split (2)');
    expect(amountFor(split, view)).toEqual(money('-30.00'));
  });

  it('falls back to the first posting and the total when no account is involved', () => {
    const reclass = transaction(
      [
        [10, '-5.00'],
        [11, '5.00'],
      ],
      '5.00',
    );
    expect(pointOfView(reclass, byId)?.name).toBe('Groceries');
    expect(amountFor(reclass, undefined)).toEqual(money('5.00'));
    expect(involved(reclass, new Map(), undefined)).toBe('Account 10 → Account 11');
  });

  it('lets the editor keep an equity account the transaction already posts to', () => {
    const openingBalance = transaction(
      [
        [1, '1000.00'],
        [3, '-1000.00'],
      ],
      '1000.00',
    );
    const targets = editorTargets(openingBalance, checking, [checking, card, opening], [groceries, salary]);
    expect(targets.map((target) => target.label)).toEqual([
      'Groceries',
      'Salary',
      'Transfer: Visa',
      'Equity: Opening Balances',
    ]);
  });

  it('shows dates in the locale, the same day in every time zone', () => {
    expect(formatDay('2025-03-12', 'de-DE', 'medium')).toBe('12.03.2025');
    expect(formatDay('2025-03-12', 'en-US', 'medium')).toBe('Mar 12, 2025');
    expect(formatDay('2025-01-01', 'en-US', 'long')).toBe('January 1, 2025');
    expect(formatDay('not a date', 'en-US')).toBe('not a date');
  });
});
