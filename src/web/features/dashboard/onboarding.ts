import type { AccountJson } from '../../api/types.ts';

/** The first-run path's steps, in the order a new book takes them. */
export type StepId = 'categories' | 'account' | 'transactions' | 'budget';

export interface BookStart {
  categories: readonly unknown[];
  accounts: readonly AccountJson[];
  /** The book's latest transactions (the dashboard's page of them). */
  transactions: readonly { postings: readonly { accountId: number }[] }[];
  budgets: readonly unknown[];
  envelopeOn: boolean;
}

/** Which steps the book has done, from what it holds (nothing is ticked by hand). */
export function stepsDone(book: BookStart): Record<StepId, boolean> {
  const equity = new Set(book.accounts.filter((a) => a.type === 'equity').map((a) => a.id));
  return {
    categories: book.categories.length > 0,
    account: book.accounts.some((a) => a.type === 'asset' || a.type === 'liability'),
    // An account's opening balance (posted against equity) is no transaction the person recorded.
    transactions: book.transactions.some((t) => t.postings.every((p) => !equity.has(p.accountId))),
    // Envelope budgeting is a budget of its own: the month's assignments take the budgets' place.
    budget: book.budgets.length > 0 || book.envelopeOn,
  };
}

const key = (bookId: number) => `moneta.getStarted.${bookId}`;

/** Put away for this book in this browser: hidden by the person, or found all done once. */
export const getStartedPutAway = (bookId: number) =>
  typeof localStorage !== 'undefined' && localStorage.getItem(key(bookId)) !== null;

export const putAwayGetStarted = (bookId: number, why: 'hidden' | 'done') =>
  localStorage.setItem(key(bookId), why);
