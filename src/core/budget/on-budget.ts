import type { AccountSubtype, AccountType } from '../ledger/account.ts';

/**
 * The accounts whose money an envelope budget gives jobs to, as YNAB's "budget accounts": what a
 * person spends from day to day. Their balance when the budget starts is money to assign.
 * Investments, crypto, property and loans are tracked, not budgeted; an account of kind "other"
 * too, since nothing says it holds spending money. Only accounts in the book's base currency
 * count, as for income.
 */
export const ON_BUDGET_KINDS = {
  asset: ['checking', 'savings', 'cash'],
  liability: ['credit_card'],
} as const satisfies Partial<Record<AccountType, readonly AccountSubtype[]>>;

export function isOnBudget(type: AccountType, subtype: AccountSubtype | null): boolean {
  const kinds: readonly AccountSubtype[] | undefined = ON_BUDGET_KINDS[type as keyof typeof ON_BUDGET_KINDS];
  return subtype !== null && (kinds?.includes(subtype) ?? false);
}
