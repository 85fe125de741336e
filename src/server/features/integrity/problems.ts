import { exponentOf, formatMinor, isCurrencyCode } from '../../../core/money/index.ts';

/**
 * What `moneta check` can find wrong with a ledger. Each kind is one invariant of the design
 * (Principle 1: every transaction balances; anything cached is rebuildable and checked).
 */
export type ProblemKind =
  /** The postings' values of a transaction do not sum to zero. */
  | 'unbalanced-transaction'
  /** A transaction with fewer than two postings. */
  | 'too-few-postings'
  /** `accounts.balance` differs from the sum of the account's postings' amounts. */
  | 'cached-balance'
  /** A monthly roll-up row (`account_months`) differs from its account's postings in that month. */
  | 'cached-month'
  /** A kept envelope year (`envelope_years`) differs from its category's months that year. */
  | 'cached-envelope-year'
  /** SQLite's text-search index differs from the transactions' texts. */
  | 'search-index'
  /** `transactions.total` differs from the sum of its positive values. */
  | 'cached-total'
  /** A posting into an account of the transaction's currency whose amount is not its value. */
  | 'value-not-amount'
  /** A posting whose amount and value have opposite signs. */
  | 'sign-mismatch'
  /** A posting whose repeated `date` or `book_id` differs from its transaction's. */
  | 'posting-header-mismatch'
  /** A posting into an account of another book. */
  | 'foreign-account'
  /** A payee, tag, category group or parent account of another book. */
  | 'foreign-reference';

/** The rows a problem is about, so that a tool (or the admin area) can link to them. */
export interface ProblemIds {
  readonly bookId?: number;
  readonly transactionId?: number;
  readonly postingId?: number;
  readonly accountId?: number;
  readonly payeeId?: number;
  readonly tagId?: number;
  readonly groupId?: number;
}

export interface IntegrityProblem {
  readonly kind: ProblemKind;
  readonly message: string;
  readonly ids: ProblemIds;
}

/** What was checked. Accounts are counted as the user sees them: accounts, categories, equity. */
export interface IntegrityCounts {
  readonly books: number;
  readonly transactions: number;
  readonly postings: number;
  /** Asset and liability accounts: the accounts page. */
  readonly accounts: number;
  /** Income and expense accounts: the categories ("Uncategorised" included). */
  readonly categories: number;
  /** Equity accounts, such as "Opening Balances", which the app keeps out of sight. */
  readonly equityAccounts: number;
}

export interface IntegrityReport {
  readonly counts: IntegrityCounts;
  /** Empty when the ledger is sound. */
  readonly problems: readonly IntegrityProblem[];
}

/** `-0.01 EUR`; a corrupt currency code still prints, as raw minor units. */
export function formatAmount(minor: bigint, code: string): string {
  if (!isCurrencyCode(code)) return `${minor} minor units of '${code}'`;
  return `${formatMinor(minor, exponentOf(code))} ${code}`;
}
