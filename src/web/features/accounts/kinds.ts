import type { AccountJson } from '../../api/types.ts';

/** The kinds of account a person picks from, in the order their balances are listed. */
export const ACCOUNT_KINDS = [
  { value: 'asset:checking', label: 'Checking', group: 'Cash & bank' },
  { value: 'asset:savings', label: 'Savings', group: 'Cash & bank' },
  { value: 'asset:cash', label: 'Cash', group: 'Cash & bank' },
  { value: 'liability:credit_card', label: 'Credit card', group: 'Credit cards' },
  { value: 'liability:loan', label: 'Loan or mortgage', group: 'Loans' },
  { value: 'asset:investment', label: 'Investment', group: 'Investments' },
  { value: 'asset:crypto', label: 'Crypto wallet', group: 'Investments' },
  { value: 'asset:property', label: 'Property or vehicle', group: 'Property' },
  { value: 'asset:other', label: 'Other asset', group: 'Other' },
  { value: 'liability:other', label: 'Other liability', group: 'Other' },
] as const;

export type AccountKind = (typeof ACCOUNT_KINDS)[number]['value'];

export function kindOf(account: Pick<AccountJson, 'type' | 'subtype'>) {
  const value = `${account.type}:${account.subtype ?? 'other'}`;
  return ACCOUNT_KINDS.find((kind) => kind.value === value) ?? ACCOUNT_KINDS[8];
}

/** Accounts grouped as the accounts page lists them; equity (opening balances) stays out of sight. */
export function groupAccounts(accounts: readonly AccountJson[]) {
  const groups = new Map<string, AccountJson[]>();
  for (const kind of ACCOUNT_KINDS) if (!groups.has(kind.group)) groups.set(kind.group, []);
  for (const account of accounts) {
    if (account.type !== 'asset' && account.type !== 'liability') continue;
    groups.get(kindOf(account).group)!.push(account);
  }
  return [...groups].filter(([, list]) => list.length > 0);
}
