import { formatLocaleAmount } from '../../../core/money/locale.ts';
import type { RuleActionJson, RuleConditionJson, RuleJson } from '../../api/types.ts';

/** A rule in words for the list: "When payee contains “REWE”" / "Set the category to Groceries". */

export interface Names {
  category: (id: number) => string;
  tag: (id: number) => string;
  account: (id: number) => string;
}

const OPERATOR_WORDS = {
  contains: 'contains',
  equals: 'is',
  startsWith: 'starts with',
  regex: 'matches the pattern',
} as const;

export function describeCondition(condition: RuleConditionJson, names: Names, locale: string): string {
  const amount = (value: string) => formatLocaleAmount(value, locale);
  switch (condition.field) {
    case 'payee':
    case 'description':
    case 'notes':
      return `${condition.field} ${OPERATOR_WORDS[condition.operator]} “${condition.value}”`;
    case 'amount':
      if (condition.operator === 'sign') return condition.value === 'inflow' ? 'money in' : 'money out';
      if (condition.min !== null && condition.max !== null)
        return `amount from ${amount(condition.min)} to ${amount(condition.max)}`;
      return condition.min !== null
        ? `amount at least ${amount(condition.min)}`
        : `amount at most ${amount(condition.max!)}`;
    case 'account':
      return `account is ${condition.accountIds.map(names.account).join(' or ')}`;
    case 'date':
      if (condition.from && condition.to) return `date from ${condition.from} to ${condition.to}`;
      return condition.from ? `date from ${condition.from} on` : `date up to ${condition.to}`;
  }
}

export function describeAction(action: RuleActionJson, names: Names, locale: string): string {
  switch (action.type) {
    case 'setCategory':
      return `set the category to ${names.category(action.categoryId)}`;
    case 'setPayee':
      return `set the payee to “${action.payee}”`;
    case 'addTag':
      return `add the tag ${names.tag(action.tagId)}`;
    case 'setNotes':
      return action.notes === '' ? 'clear the notes' : `set the notes to “${action.notes}”`;
    case 'split':
      return `split: ${action.parts
        .map((part) => {
          const share = part.amount
            ? formatLocaleAmount(part.amount, locale)
            : part.percent
              ? `${part.percent} %`
              : 'the rest';
          return `${share} to ${names.category(part.categoryId)}`;
        })
        .join(', ')}`;
  }
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function describeRule(
  rule: Pick<RuleJson, 'match' | 'conditions' | 'actions'>,
  names: Names,
  locale: string,
) {
  const joiner = rule.match === 'all' ? ' and ' : ' or ';
  return {
    when:
      rule.conditions.length === 0
        ? 'Every transaction'
        : `When ${rule.conditions.map((c) => describeCondition(c, names, locale)).join(joiner)}`,
    does: capital(rule.actions.map((a) => describeAction(a, names, locale)).join('; ')),
  };
}
