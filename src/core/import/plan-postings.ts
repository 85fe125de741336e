import type { PostingDraft } from '../ledger/transaction.ts';
import { negate } from '../money/index.ts';
import type { PlannedLeg, PlannedRow } from './plan.ts';

/** The ids of the accounts that take what a row does not say: uncategorised money, opening balances. */
export interface SystemAccountIds {
  uncategorisedIncome: number;
  uncategorisedExpense: number;
  openingBalances: number;
}

/**
 * The postings of a planned row: the imported account gets the row's amount, each leg the opposite
 * of its part. An uncategorised part goes to "Uncategorised income" when money came in and to
 * "Uncategorised" when it went out, so income and spending reports stay right before categorising.
 */
export function plannedPostings(
  planned: PlannedRow,
  accountId: number,
  system: SystemAccountIds,
): PostingDraft[] {
  if (!planned.amount) return [];
  return [
    { accountId, amount: planned.amount, memo: null },
    ...planned.legs.map((leg) => ({
      accountId: legAccount(leg, system),
      amount: negate(leg.amount),
      memo: leg.memo,
    })),
  ];
}

function legAccount(leg: PlannedLeg, system: SystemAccountIds): number {
  switch (leg.target.kind) {
    case 'transfer':
      return leg.target.accountId;
    case 'opening':
      return system.openingBalances;
    case 'category':
      return (
        leg.target.categoryId ??
        (leg.amount.minor > 0n ? system.uncategorisedIncome : system.uncategorisedExpense)
      );
  }
}
