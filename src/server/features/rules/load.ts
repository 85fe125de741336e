import type { CategorySuggestion, RowClassifier } from '../../../core/import/plan.ts';
import { applyRules } from '../../../core/rules/apply.ts';
import { type CompiledRules, compileRules } from '../../../core/rules/compile.ts';
import type { Rule, RuleOutcome, RuleSubject } from '../../../core/rules/types.ts';
import { validateRule } from '../../../core/rules/validate.ts';
import { memoisedSuggest, type SuggesterModel, trainSuggester } from '../../../core/suggest/suggester.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { isUncategorised } from './candidates.ts';
import { type BookReferences, listRules, loadReferences, ruleOf } from './queries.ts';

/**
 * The rules as they can run today. A category or tag deleted (or a category archived) since a rule
 * was written is dropped from its actions, so the rule's other actions still apply and nothing
 * posts to an account that is gone; a stored rule that no longer validates is left out.
 */
export function usableRules(rules: readonly Rule[], references: BookReferences): Rule[] {
  const live = (id: number) => references.categories.get(id)?.archived === false;
  return rules.flatMap((rule) => {
    try {
      validateRule(rule);
    } catch {
      return [];
    }
    const actions = rule.actions.filter((action) => {
      if (action.type === 'setCategory') return live(action.categoryId);
      if (action.type === 'split') return action.parts.every((part) => live(part.categoryId));
      if (action.type === 'addTag') return references.tags.has(action.tagId);
      return true;
    });
    return [{ ...rule, actions }];
  });
}

/** The book's enabled rules, compiled, in order: what the import runs over each row. */
export async function loadCompiledRules(db: Db, bookId: number): Promise<CompiledRules> {
  const [rows, references] = await Promise.all([listRules(db, bookId), loadReferences(db, bookId)]);
  return compileRules(usableRules(rows.map(ruleOf), references));
}

/** How many of the book's latest transactions the suggester learns from. */
export const SUGGESTER_HISTORY = 5000;

/**
 * A suggester trained on the book's latest categorised transactions: those with one balance-sheet
 * posting and one category other than "Uncategorised" (splits and transfers teach nothing about
 * one category). Trained on every call, which takes tens of milliseconds for 5,000 transactions;
 * caching the model per book is left to the performance work.
 */
export async function loadSuggester(db: Db, bookId: number): Promise<SuggesterModel> {
  const rows = await db
    .selectFrom('postings')
    .innerJoin('accounts', 'accounts.id', 'postings.account_id')
    .innerJoin('transactions', 'transactions.id', 'postings.transaction_id')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select([
      'postings.transaction_id',
      'postings.account_id',
      'postings.amount',
      'accounts.type',
      'accounts.role',
      'transactions.description',
      'payees.name as payee',
    ])
    .where('postings.book_id', '=', bookId)
    .where('postings.transaction_id', 'in', (eb) =>
      eb
        .selectFrom('transactions')
        .select('transactions.id')
        .where('transactions.book_id', '=', bookId)
        .orderBy('transactions.date', 'desc')
        .orderBy('transactions.id', 'desc')
        .limit(SUGGESTER_HISTORY),
    )
    .orderBy('postings.transaction_id')
    .execute();
  const byTransaction = new Map<number, typeof rows>();
  for (const row of rows) {
    const group = byTransaction.get(row.transaction_id);
    if (group) group.push(row);
    else byTransaction.set(row.transaction_id, [row]);
  }
  const examples = [...byTransaction.values()].flatMap((postings) => {
    const categories = postings.filter((p) => p.type === 'income' || p.type === 'expense');
    const sheets = postings.filter((p) => p.type === 'asset' || p.type === 'liability');
    if (postings.length !== 2 || categories.length !== 1 || sheets.length !== 1) return [];
    if (isUncategorised(categories)) return [];
    const [first] = postings;
    return [
      {
        payee: first!.payee,
        description: first!.description,
        amount: { minor: toMinor(sheets[0]!.amount) },
        categoryId: categories[0]!.account_id,
      },
    ];
  });
  return trainSuggester(examples);
}

/**
 * Rules and suggestions for the import: for each row, what the book's rules do to it and the three
 * likeliest categories its history suggests. Loads, compiles the rules and trains once; call it
 * once per import.
 */
export async function loadImportClassifier(db: Db, bookId: number): Promise<RowClassifier> {
  const [rules, model] = await Promise.all([loadCompiledRules(db, bookId), loadSuggester(db, bookId)]);
  return { rules: (subject) => applyRules(rules, subject), suggest: memoisedSuggest(model) };
}

/** Both answers for one subject at once (the rules' outcome and the suggestions). */
export async function loadRowClassifier(
  db: Db,
  bookId: number,
): Promise<(subject: RuleSubject) => { outcome: RuleOutcome; suggestions: CategorySuggestion[] }> {
  const classifier = await loadImportClassifier(db, bookId);
  return (subject) => ({ outcome: classifier.rules(subject), suggestions: classifier.suggest(subject) });
}
