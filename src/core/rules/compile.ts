import { exponentOf } from '../money/index.ts';
import { boundMinor, type Exact, parseExact } from './exact.ts';
import { compilePattern } from './pattern.ts';
import { planSplit, type SplitPlan, type SplitShare } from './split.ts';
import { matchKey } from './text.ts';
import type { Rule, RuleCondition, RuleSubject } from './types.ts';

/**
 * A subject as the compiled tests read it: the text fields folded at most once, however many
 * rules look at them. Earlier rules' payee and notes replace the subject's for later rules.
 */
export class PreparedSubject {
  payee: string | null;
  notes: string | null;
  private keys: { payee?: string; description?: string; notes?: string } = {};

  constructor(readonly subject: RuleSubject) {
    this.payee = subject.payee;
    this.notes = subject.notes;
  }

  text(field: 'payee' | 'description' | 'notes'): string {
    return (field === 'description' ? this.subject.description : this[field]) ?? '';
  }

  key(field: 'payee' | 'description' | 'notes'): string {
    const cached = this.keys[field];
    if (cached !== undefined) return cached;
    const key = matchKey(this.text(field));
    this.keys[field] = key;
    return key;
  }

  setPayee(payee: string): void {
    this.payee = payee;
    delete this.keys.payee;
  }

  setNotes(notes: string): void {
    this.notes = notes;
    delete this.keys.notes;
  }
}

type Test = (subject: PreparedSubject) => boolean;

export type CompiledAction =
  | { type: 'setCategory'; categoryId: number }
  | { type: 'setPayee'; payee: string }
  | { type: 'addTag'; tagId: number }
  | { type: 'setNotes'; notes: string }
  | { type: 'split'; plan: SplitPlan };

/** A rule turned into closures: patterns compiled, bounds parsed, once for any number of subjects. */
export interface CompiledRule {
  readonly id: number;
  readonly enabled: boolean;
  readonly matches: Test;
  readonly actions: readonly CompiledAction[];
}

/** The enabled rules of a book, in order, ready to apply (see `applyRules`). */
export interface CompiledRules {
  readonly kind: 'compiled';
  readonly rules: readonly CompiledRule[];
}

/** Compiles the enabled rules, keeping their order. Rules are expected to have passed `validateRule`. */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  return { kind: 'compiled', rules: rules.filter((rule) => rule.enabled).map(compileRule) };
}

export function compileRule(rule: Rule): CompiledRule {
  const tests = rule.conditions.map(compileCondition);
  let matches: Test;
  // No conditions: the rule applies to every transaction, whether it asks for all or any.
  if (tests.length === 0) matches = () => true;
  else if (tests.length === 1) matches = tests[0]!;
  else if (rule.match === 'all') matches = (s) => tests.every((test) => test(s));
  else matches = (s) => tests.some((test) => test(s));
  return { id: rule.id, enabled: rule.enabled, matches, actions: rule.actions.map(compileAction) };
}

function compileCondition(condition: RuleCondition): Test {
  switch (condition.field) {
    case 'payee':
    case 'description':
    case 'notes':
      return textTest(condition.field, condition.operator, condition.value);
    case 'amount':
      if (condition.operator === 'sign')
        return condition.value === 'inflow'
          ? (s) => s.subject.amount.minor > 0n
          : (s) => s.subject.amount.minor < 0n;
      return amountTest(condition.min, condition.max);
    case 'account': {
      const ids = new Set(condition.accountIds);
      return (s) => ids.has(s.subject.accountId);
    }
    case 'date': {
      const { from, to } = condition;
      return (s) => (from === null || s.subject.date >= from) && (to === null || s.subject.date <= to);
    }
  }
}

function textTest(field: 'payee' | 'description' | 'notes', operator: string, value: string): Test {
  if (operator === 'regex') {
    const regex = compilePattern(value);
    if (typeof regex === 'string') return () => false;
    return (s) => regex.test(s.text(field));
  }
  const wanted = matchKey(value);
  if (operator === 'equals') return (s) => s.key(field) === wanted;
  if (operator === 'startsWith') return (s) => s.key(field).startsWith(wanted);
  return (s) => s.key(field).includes(wanted);
}

/** Inclusive bounds, in minor units of each subject's currency (computed once per exponent). */
function amountTest(min: string | null, max: string | null): Test {
  const low = min === null ? null : parseExact(min);
  const high = max === null ? null : parseExact(max);
  const byExponent = new Map<number, [bigint | null, bigint | null]>();
  return (s) => {
    const exponent = exponentOf(s.subject.amount.currency);
    let bounds = byExponent.get(exponent);
    if (!bounds) {
      bounds = [low && boundMinor(low, exponent, 'up'), high && boundMinor(high, exponent, 'down')];
      byExponent.set(exponent, bounds);
    }
    const minor = s.subject.amount.minor;
    return (bounds[0] === null || minor >= bounds[0]) && (bounds[1] === null || minor <= bounds[1]);
  };
}

function compileAction(action: Rule['actions'][number]): CompiledAction {
  if (action.type !== 'split') return action;
  return {
    type: 'split',
    plan: planSplit(
      action.parts.map((part): SplitShare => {
        if (part.amount !== null)
          return { categoryId: part.categoryId, kind: 'fixed', amount: exact(part.amount) };
        if (part.percent !== null)
          return { categoryId: part.categoryId, kind: 'percent', percent: exact(part.percent) };
        return { categoryId: part.categoryId, kind: 'rest' };
      }),
    ),
  };
}

function exact(text: string): Exact {
  return parseExact(text) ?? { units: 0n, scale: 0 };
}
