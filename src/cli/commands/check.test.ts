import { describe, expect, it } from 'vitest';
import { checkedSummary } from './check.ts';

describe('checkedSummary', () => {
  it('counts accounts and categories as the user sees them, and equity apart', () => {
    expect(
      checkedSummary({
        books: 1,
        transactions: 742,
        postings: 1502,
        accounts: 6,
        categories: 14,
        equityAccounts: 1,
      }),
    ).toBe(
      '742 transactions, 1502 postings, 6 accounts, 14 categories and 1 equity account in 1 book checked',
    );
  });

  it('speaks in the singular for one, and leaves out equity when there is none', () => {
    expect(
      checkedSummary({
        books: 2,
        transactions: 1,
        postings: 2,
        accounts: 1,
        categories: 1,
        equityAccounts: 0,
      }),
    ).toBe('1 transaction, 2 postings, 1 account and 1 category in 2 books checked');
  });
});
