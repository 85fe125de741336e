import type { AccountType } from '../ledger/account.ts';
import type { TransactionStatus } from '../ledger/transaction.ts';

/**
 * A transaction as the exports read it: amounts in minor units (never floats), accounts by id.
 * The CSV rows and the hledger journal are both written from this shape.
 */
export interface ExportPosting {
  readonly accountId: number;
  /** In the account's currency. */
  readonly amount: bigint;
  /** In the transaction's currency. */
  readonly value: bigint;
  readonly memo: string | null;
}

export interface ExportTransaction {
  readonly id: number;
  readonly date: string;
  readonly currency: string;
  readonly payee: string | null;
  readonly description: string;
  readonly notes: string | null;
  readonly status: TransactionStatus;
  /** Tag names. */
  readonly tags: readonly string[];
  /** In their order in the transaction. */
  readonly postings: readonly ExportPosting[];
}

/** What the exports need of an account or category. */
export interface ExportAccount {
  readonly id: number;
  readonly name: string;
  readonly type: AccountType;
  readonly currency: string;
  readonly parentId: number | null;
  readonly groupId: number | null;
}

/** Balance-sheet accounts hold money; categories (income, expense) say what it was for. */
export function isBalanceSheet(type: AccountType): boolean {
  return type === 'asset' || type === 'liability' || type === 'equity';
}
