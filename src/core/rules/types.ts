import type { Money } from '../money/money.ts';

/**
 * Rules categorise and rename transactions: when a transaction matches the conditions (all, or any),
 * the actions apply. Rules run in their order; every enabled rule that matches applies; a later rule's
 * single-valued action (category, payee, notes, split) replaces an earlier one's, tags accumulate.
 * Text comparisons are case- and accent-insensitive through `foldText`, except `regex`, which runs on
 * the original text with the `i` and `u` flags.
 */
export const TEXT_FIELDS = ['payee', 'description', 'notes'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export const TEXT_OPERATORS = ['contains', 'equals', 'startsWith', 'regex'] as const;
export type TextOperator = (typeof TEXT_OPERATORS)[number];

export type RuleCondition =
  | { field: TextField; operator: TextOperator; value: string }
  /** Inclusive bounds on the signed amount in the transaction's currency (exact decimals); either may be absent. */
  | { field: 'amount'; operator: 'between'; min: string | null; max: string | null }
  | { field: 'amount'; operator: 'sign'; value: 'inflow' | 'outflow' }
  | { field: 'account'; operator: 'in'; accountIds: number[] }
  /** Inclusive ISO dates; either may be absent. */
  | { field: 'date'; operator: 'between'; from: string | null; to: string | null };

/** A part of a split: a fixed amount (exact decimal, positive) or a percentage (exact decimal 0–100). The last part without either takes the rest. */
export interface SplitPart {
  categoryId: number;
  amount: string | null;
  percent: string | null;
}

export type RuleAction =
  | { type: 'setCategory'; categoryId: number }
  | { type: 'setPayee'; payee: string }
  | { type: 'addTag'; tagId: number }
  | { type: 'setNotes'; notes: string }
  | { type: 'split'; parts: SplitPart[] };

export interface Rule {
  id: number;
  name: string;
  enabled: boolean;
  /** 'all' (AND) or 'any' (OR) of the conditions. */
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** What a rule looks at: one transaction as seen from the account it was imported into or shown in. */
export interface RuleSubject {
  payee: string | null;
  description: string;
  notes: string | null;
  /** Signed, from the account's view (negative = money out). */
  amount: Money;
  accountId: number;
  date: string;
}

/** The outcome of running the rules over one subject; fields absent were not set by any rule. */
export interface RuleOutcome {
  matchedRuleIds: number[];
  categoryId?: number;
  payee?: string;
  tagIds: number[];
  notes?: string;
  /** Exact parts in the subject's currency; they sum to the subject's amount. */
  split?: Array<{ categoryId: number; amount: Money }>;
  /** Splits of matching rules that could not be computed for this amount (fixed parts above it …). */
  skippedSplits?: Array<{ ruleId: number; reason: string }>;
}
