import { MonetaError } from '../errors.ts';
import { type CurrencyCode, type Money, parseMoney } from '../money/index.ts';
import type { RuleOutcome, RuleSubject } from '../rules/types.ts';
import { foldText } from '../text/fold.ts';
import type { ImportIssue, StatementRow } from './types.ts';

/** A category the book's history suggests for a row. */
export interface CategorySuggestion {
  categoryId: number;
  /** 0…1; not money, so a float. */
  confidence: number;
}

/** Rules and learned suggestions, as the import sees them (the rules feature provides it). */
export interface RowClassifier {
  /** What the book's rules do to the row. */
  rules(subject: RuleSubject): RuleOutcome;
  /** The categories the book's history suggests for the row as the file gives it, likeliest first. */
  suggest(subject: RuleSubject): CategorySuggestion[];
}

/** What the planner knows of the book; loaded by the import service, nothing here reads it. */
export interface PlanContext {
  accountId: number;
  /** The account's currency: every row must be in it. */
  currency: CurrencyCode;
  /** foldText(name) → id of the book's categories (income and expense accounts), for QIF `L`. */
  categoriesByName: ReadonlyMap<string, number>;
  /** foldText(name) → id of the book's balance-sheet accounts, for QIF transfers `L[Name]`. */
  accountsByName: ReadonlyMap<string, number>;
  /** foldText(payee name) → the payee's default category. */
  payeeDefaults: ReadonlyMap<string, number>;
  classify: RowClassifier | null;
  /** A suggestion at least this confident is applied; weaker ones are only shown. */
  autoSuggestConfidence: number;
  /**
   * Whether every row gets its suggestions (a preview shows them), or only a row that neither a
   * rule, the file nor its payee categorised (a streamed import shows nothing, so only the applied
   * suggestion matters; the others would be computed for nothing).
   */
  suggestEveryRow: boolean;
}

export type CategorySource = 'rule' | 'file' | 'payee' | 'suggestion';

/** Where one part of the other side of a row goes. */
export type LegTarget =
  /** A category; null = uncategorised (the book's "Uncategorised" income or expense account). */
  | { kind: 'category'; categoryId: number | null }
  /** Another account of the book (QIF `L[Savings]`). */
  | { kind: 'transfer'; accountId: number }
  /** The book's opening-balances equity account (a QIF "Opening Balance" record). */
  | { kind: 'opening' };

/** One part of the other side of a row. */
export interface PlannedLeg {
  target: LegTarget;
  /** From the imported account's view, like the row; the legs sum to the row's amount. */
  amount: Money;
  memo: string | null;
}

/** A row with every decision the import takes for it; the preview shows it, the commit writes it. */
export interface PlannedRow {
  row: StatementRow;
  /** Minor units of the account's currency, signed from the account's view. */
  amount: Money | null;
  payee: string | null;
  notes: string | null;
  tagIds: number[];
  matchedRuleIds: number[];
  categoryId: number | null;
  categorySource: CategorySource | null;
  suggestions: CategorySuggestion[];
  /** How the other side is booked; empty when the row cannot be read (see issues). */
  legs: PlannedLeg[];
  issues: ImportIssue[];
}

function rowIssue(row: StatementRow, code: ImportIssue['code'], message: string): ImportIssue {
  return { code, severity: 'error', message, line: row.line };
}

function toMoney(text: string, currency: CurrencyCode): Money | string {
  try {
    return parseMoney(text, currency);
  } catch (error) {
    if (error instanceof MonetaError) return error.message;
    throw error;
  }
}

/** Plans one row: its amount in minor units, rules, category, splits and transfers. */
export function planRow(
  row: StatementRow,
  context: PlanContext,
  statementCurrency: string | null,
): PlannedRow {
  const issues: ImportIssue[] = [];
  const currency = currentCode(row.currency ?? statementCurrency);
  if (currency && currency !== context.currency) {
    issues.push(
      rowIssue(row, 'INVALID_AMOUNT', `The row is in ${currency}; the account holds ${context.currency}.`),
    );
  }
  const parsed = toMoney(row.amount, context.currency);
  const amount = typeof parsed === 'string' ? null : parsed;
  if (typeof parsed === 'string') issues.push(rowIssue(row, 'INVALID_AMOUNT', parsed));

  const planned: PlannedRow = {
    row,
    amount,
    payee: row.payee,
    notes: null,
    tagIds: [],
    matchedRuleIds: [],
    categoryId: null,
    categorySource: null,
    suggestions: [],
    legs: [],
    issues,
  };
  if (!amount || issues.length > 0) return planned;

  let ruleSplit: RuleOutcome['split'];
  const subject = context.classify && {
    payee: row.payee,
    description: row.description,
    notes: null,
    amount,
    accountId: context.accountId,
    date: row.date,
  };
  if (context.classify && subject) {
    const outcome = context.classify.rules(subject);
    planned.matchedRuleIds = outcome.matchedRuleIds;
    planned.tagIds = outcome.tagIds;
    if (outcome.payee !== undefined) planned.payee = outcome.payee;
    if (outcome.notes !== undefined) planned.notes = outcome.notes;
    if (outcome.categoryId !== undefined) setCategory(planned, outcome.categoryId, 'rule');
    ruleSplit = outcome.split;
    if (context.suggestEveryRow) planned.suggestions = context.classify.suggest(subject);
  }
  if (planned.categoryId === null && row.category) {
    const target = resolveCategoryText(row.category, context);
    if (target.kind === 'category' && target.categoryId !== null)
      setCategory(planned, target.categoryId, 'file');
  }
  if (planned.categoryId === null && planned.payee) {
    const id = context.payeeDefaults.get(foldText(planned.payee.trim()));
    if (id !== undefined) setCategory(planned, id, 'payee');
  }
  if (planned.categoryId === null && context.classify && subject && !context.suggestEveryRow) {
    planned.suggestions = context.classify.suggest(subject);
  }
  const best = planned.suggestions[0];
  if (planned.categoryId === null && best && best.confidence >= context.autoSuggestConfidence) {
    setCategory(planned, best.categoryId, 'suggestion');
  }
  planned.legs = planLegs(planned, amount, context, ruleSplit);
  return planned;
}

/**
 * Codes banks still write for currencies ISO 4217 has replaced by the same money under a new code
 * (Russian banks' RUR for the rouble, redenominated to RUB in 1998 at 1000:1, but kept by card
 * statements for today's roubles).
 */
const RENAMED_CURRENCIES: Readonly<Record<string, string>> = { RUR: 'RUB' };

function currentCode(code: string | null): string | null {
  return code === null ? null : (RENAMED_CURRENCIES[code] ?? code);
}

function setCategory(planned: PlannedRow, categoryId: number, source: CategorySource): void {
  planned.categoryId = categoryId;
  planned.categorySource = source;
}

/** The other side: a rule's split, the file's splits, a transfer, or one category (maybe none). */
function planLegs(
  planned: PlannedRow,
  amount: Money,
  context: PlanContext,
  ruleSplit: RuleOutcome['split'],
): PlannedLeg[] {
  const { row } = planned;
  if (row.openingBalance) return [{ target: { kind: 'opening' }, amount, memo: null }];
  if (ruleSplit && ruleSplit.length > 0) {
    return ruleSplit.map((part) => leg({ kind: 'category', categoryId: part.categoryId }, part.amount, null));
  }
  if (row.splits.length > 0) {
    const legs: PlannedLeg[] = [];
    for (const split of row.splits) {
      const part = toMoney(split.amount, context.currency);
      if (typeof part === 'string') {
        planned.issues.push(rowIssue(row, 'INVALID_AMOUNT', part));
        return [];
      }
      legs.push(leg(resolveCategoryText(split.category, context), part, split.memo));
    }
    return legs;
  }
  if (planned.categorySource !== 'rule') {
    const target = resolveCategoryText(row.category, context);
    if (target.kind === 'transfer' && target.accountId !== context.accountId) {
      planned.categoryId = null;
      planned.categorySource = null;
      return [leg(target, amount, null)];
    }
  }
  return [leg({ kind: 'category', categoryId: planned.categoryId }, amount, null)];
}

function leg(target: LegTarget, amount: Money, memo: string | null): PlannedLeg {
  return { target, amount, memo: memo?.trim() || null };
}

/** A file's category text: `[Account]` is a transfer, anything else a category name (or nothing). */
function resolveCategoryText(text: string | null, context: PlanContext): LegTarget {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { kind: 'category', categoryId: null };
  const transfer = /^\[(.+)\]$/.exec(trimmed);
  if (transfer) {
    const accountId = context.accountsByName.get(foldText(transfer[1]!.trim()));
    return accountId === undefined ? { kind: 'category', categoryId: null } : { kind: 'transfer', accountId };
  }
  // QIF writes subcategories and classes as "Food:Groceries/Class": try the whole, then the leaf.
  const name = trimmed.split('/')[0]!;
  const id =
    context.categoriesByName.get(foldText(name)) ??
    context.categoriesByName.get(foldText(name.split(':').pop()!));
  return { kind: 'category', categoryId: id ?? null };
}
