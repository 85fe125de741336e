import { fail } from '../errors.ts';

/**
 * The five kinds of account of double-entry bookkeeping. Categories are the income and expense
 * accounts. Sign convention of every posting: positive is a debit (money flowing into an asset
 * or an expense), negative a credit (out of an asset, into a liability, income or equity).
 */
export const ACCOUNT_TYPES = ['asset', 'liability', 'income', 'expense', 'equity'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** What an account is in the user's life; decides grouping and icons, not bookkeeping. */
export const ACCOUNT_SUBTYPES = [
  'checking',
  'savings',
  'cash',
  'credit_card',
  'loan',
  'investment',
  'crypto',
  'property',
  'other',
] as const;
export type AccountSubtype = (typeof ACCOUNT_SUBTYPES)[number];

const SUBTYPES_OF: Record<AccountType, readonly AccountSubtype[]> = {
  asset: ['checking', 'savings', 'cash', 'investment', 'crypto', 'property', 'other'],
  liability: ['credit_card', 'loan', 'other'],
  income: [],
  expense: [],
  equity: ['other'],
};

export function isCategoryType(type: AccountType): type is 'income' | 'expense' {
  return type === 'income' || type === 'expense';
}

/** Checks that a subtype fits its type: a savings account is an asset, a credit card a liability. */
export function checkSubtype(type: AccountType, subtype: AccountSubtype | null): void {
  if (subtype === null) return;
  if (!SUBTYPES_OF[type].includes(subtype)) {
    const allowed = SUBTYPES_OF[type];
    fail(
      'INVALID_ACCOUNT_KIND',
      allowed.length === 0
        ? `A ${type} account has no subtype.`
        : `A ${type} account's subtype is one of ${allowed.join(', ')}; not ${subtype}.`,
    );
  }
}

/** The subtype an account gets when none is given. */
export function defaultSubtype(type: AccountType): AccountSubtype | null {
  return type === 'asset' || type === 'liability' || type === 'equity' ? 'other' : null;
}
