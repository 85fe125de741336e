import type { RuleOutcome } from '../../../core/rules/types.ts';
import { foldText } from '../../../core/text/fold.ts';
import { moneyJson } from '../../money-json.ts';
import type { Candidate, CandidatePosting } from './candidates.ts';
import type { BookReferences } from './queries.ts';

/** A category posting as rules write it: the amount as posted to the category. */
export interface CategoryPosting {
  categoryId: number;
  amount: bigint;
  memo: string | null;
}

/** What a transaction looks like after the rules ran over it, and what differs. */
export interface PlannedChange {
  payee: string | null;
  notes: string | null;
  tagIds: number[];
  /** The new category postings, or null when they stay as they are. */
  categories: CategoryPosting[] | null;
  payeeChanged: boolean;
  changed: boolean;
  warnings: string[];
}

const sameName = (a: string | null, b: string | null) =>
  foldText((a ?? '').trim()) === foldText((b ?? '').trim());

function postingKeys(postings: readonly { categoryId: number; amount: bigint }[]): string {
  return postings
    .map((p) => `${p.categoryId}:${p.amount}`)
    .sort()
    .join(',');
}

/**
 * The category postings an outcome asks for: the split's parts, or the whole amount to one
 * category. A part's amount is from the account's view; the category receives its opposite.
 */
function wantedCategories(
  outcome: RuleOutcome,
  amount: bigint,
): { categoryId: number; amount: bigint }[] | null {
  if (outcome.split)
    return outcome.split.map((part) => ({ categoryId: part.categoryId, amount: -part.amount.minor }));
  if (outcome.categoryId !== undefined) return [{ categoryId: outcome.categoryId, amount: -amount }];
  return null;
}

/**
 * Compares a transaction with what the rules' outcome asks of it. Only its payee, notes, tags and
 * category postings can change; a category in another currency than the transaction is not used
 * (the transaction would need an exchange rate), and says so in `warnings`.
 */
export function planChange(
  candidate: Candidate,
  sheet: CandidatePosting,
  current: readonly CandidatePosting[],
  outcome: RuleOutcome,
  references: BookReferences,
): PlannedChange {
  const warnings = (outcome.skippedSplits ?? []).map((skip) => `Rule ${skip.ruleId}: ${skip.reason}`);

  const payeeChanged = outcome.payee !== undefined && !sameName(outcome.payee, candidate.payeeName);
  const payee = payeeChanged ? outcome.payee! : candidate.payeeName;
  const notes = outcome.notes === undefined ? candidate.notes : outcome.notes === '' ? null : outcome.notes;
  const added = outcome.tagIds.filter((id) => references.tags.has(id) && !candidate.tagIds.includes(id));
  const tagIds = [...candidate.tagIds, ...added].sort((a, b) => a - b);

  let categories: CategoryPosting[] | null = null;
  const wanted = wantedCategories(outcome, sheet.amount);
  if (wanted) {
    const foreign = wanted.find(
      (part) => references.categories.get(part.categoryId)?.currency !== candidate.currency,
    );
    if (foreign) {
      warnings.push(
        `Category ${foreign.categoryId} is not kept in ${candidate.currency}, the transaction's currency: its category stays.`,
      );
    } else if (
      postingKeys(wanted) !== postingKeys(current.map((p) => ({ categoryId: p.accountId, amount: p.amount })))
    ) {
      const memo = wanted.length === 1 && current.length === 1 ? current[0]!.memo : null;
      categories = wanted.map((part) => ({ ...part, memo }));
    }
  }
  const changed = payeeChanged || notes !== candidate.notes || added.length > 0 || categories !== null;
  return { payee, notes, tagIds, categories, payeeChanged, changed, warnings };
}

/** A change as the API shows it: the transaction before and after. */
export function changeJson(
  candidate: Candidate,
  sheet: CandidatePosting,
  current: readonly CandidatePosting[],
  matchedRuleIds: number[],
  change: PlannedChange,
) {
  const shares = (postings: readonly { categoryId: number; amount: bigint }[]) =>
    postings.map((p) => ({ categoryId: p.categoryId, amount: moneyJson(p.amount, candidate.currency) }));
  return {
    transactionId: candidate.id,
    date: candidate.date,
    description: candidate.description,
    accountId: sheet.accountId,
    amount: moneyJson(sheet.amount, sheet.currency),
    matchedRuleIds,
    before: {
      payee: candidate.payeeName,
      notes: candidate.notes,
      tagIds: candidate.tagIds,
      categories: current.map((p) => ({ categoryId: p.accountId, amount: moneyJson(p.amount, p.currency) })),
    },
    after: {
      payee: change.payee,
      notes: change.notes,
      tagIds: change.tagIds,
      categories: change.categories
        ? shares(change.categories)
        : current.map((p) => ({ categoryId: p.accountId, amount: moneyJson(p.amount, p.currency) })),
    },
    warnings: change.warnings,
  };
}

export type RuleChangeJson = ReturnType<typeof changeJson>;
