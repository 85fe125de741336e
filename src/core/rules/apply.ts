import { type CompiledRules, compileRule, compileRules, PreparedSubject } from './compile.ts';
import { computeSplit } from './split.ts';
import type { Rule, RuleOutcome, RuleSubject } from './types.ts';

/** Whether the rule's conditions hold for the subject (its `enabled` flag is not looked at). */
export function matchRule(rule: Rule, subject: RuleSubject): boolean {
  return compileRule(rule).matches(new PreparedSubject(subject));
}

/**
 * Runs the enabled rules, in order, over one subject. Every rule that matches applies all of its
 * actions in order: category and split are one choice (the later replaces the earlier, either
 * way), as are payee and notes; tags accumulate. A rule sees the payee and notes that earlier
 * rules set, so "rename, then categorise by the new name" works. A split that cannot be computed
 * for this amount is left out and noted in `skippedSplits`. Pass compiled rules (`compileRules`)
 * when applying to many subjects.
 */
export function applyRules(rules: readonly Rule[] | CompiledRules, subject: RuleSubject): RuleOutcome {
  const compiled = 'kind' in rules ? rules : compileRules(rules);
  const outcome: RuleOutcome = { matchedRuleIds: [], tagIds: [] };
  if (compiled.rules.length === 0) return outcome;
  const prepared = new PreparedSubject(subject);
  for (const rule of compiled.rules) {
    if (!rule.matches(prepared)) continue;
    outcome.matchedRuleIds.push(rule.id);
    for (const action of rule.actions) {
      switch (action.type) {
        case 'setCategory':
          outcome.categoryId = action.categoryId;
          delete outcome.split;
          break;
        case 'setPayee':
          outcome.payee = action.payee;
          prepared.setPayee(action.payee);
          break;
        case 'setNotes':
          outcome.notes = action.notes;
          prepared.setNotes(action.notes);
          break;
        case 'addTag':
          if (!outcome.tagIds.includes(action.tagId)) outcome.tagIds.push(action.tagId);
          break;
        case 'split': {
          const result = computeSplit(action.plan, subject.amount);
          if (result.ok) {
            outcome.split = result.parts;
            delete outcome.categoryId;
          } else {
            outcome.skippedSplits = [
              ...(outcome.skippedSplits ?? []),
              { ruleId: rule.id, reason: result.reason },
            ];
          }
          break;
        }
      }
    }
  }
  return outcome;
}
