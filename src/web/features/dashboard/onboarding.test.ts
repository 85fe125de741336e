import { describe, expect, it } from 'vitest';
import type { AccountJson } from '../../api/types.ts';
import { stepsDone } from './onboarding.ts';

const account = (id: number, type: AccountJson['type']) => ({ id, type }) as AccountJson;
const empty = { categories: [], accounts: [], transactions: [], budgets: [], envelopeOn: false };

describe('stepsDone', () => {
  it('finds nothing done in an empty book', () => {
    expect(stepsDone(empty)).toEqual({
      categories: false,
      account: false,
      transactions: false,
      budget: false,
    });
  });

  it('counts an asset or liability as an account, never the equity of opening balances', () => {
    expect(stepsDone({ ...empty, accounts: [account(9, 'equity')] }).account).toBe(false);
    expect(stepsDone({ ...empty, accounts: [account(2, 'liability')] }).account).toBe(true);
  });

  it('does not take an opening balance for a first transaction', () => {
    const accounts = [account(1, 'asset'), account(9, 'equity')];
    const opening = { postings: [{ accountId: 1 }, { accountId: 9 }] };
    const spent = { postings: [{ accountId: 1 }, { accountId: 20 }] };
    expect(stepsDone({ ...empty, accounts, transactions: [opening] }).transactions).toBe(false);
    expect(stepsDone({ ...empty, accounts, transactions: [opening, spent] }).transactions).toBe(true);
  });

  it('takes a budget, or envelope budgeting on, for the budget step', () => {
    expect(stepsDone({ ...empty, budgets: [{}] }).budget).toBe(true);
    expect(stepsDone({ ...empty, envelopeOn: true }).budget).toBe(true);
    expect(stepsDone({ ...empty, categories: [{}] }).categories).toBe(true);
  });
});
