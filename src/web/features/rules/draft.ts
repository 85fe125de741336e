import type { TextOperator } from '../../../core/rules/types.ts';
import type { NewRuleJson, RuleActionJson, RuleConditionJson, RuleJson } from '../../api/types.ts';

/**
 * A rule as its form holds it: every input's text, one flat record per condition and action so that
 * switching a row's kind keeps what was typed. Turned into the API's rule with the problems found
 * before asking the server, each at the JSON pointer the server would use.
 */

export type ConditionKind = 'payee' | 'description' | 'notes' | 'amount' | 'sign' | 'account' | 'date';
export type { TextOperator };
export type ActionType = RuleActionJson['type'];
export type PartHow = 'amount' | 'percent' | 'rest';

export interface ConditionDraft {
  key: number;
  kind: ConditionKind;
  operator: TextOperator;
  value: string;
  /** Exact decimals, '' for no bound, null while the typed text is not an amount. */
  min: string | null;
  max: string | null;
  sign: 'inflow' | 'outflow';
  accountIds: number[];
  from: string;
  to: string;
}

export interface PartDraft {
  key: number;
  categoryId: string;
  how: PartHow;
  /** An amount (exact decimal, null while not one) or a percentage as typed. */
  amount: string | null;
  percent: string;
}

export interface ActionDraft {
  key: number;
  type: ActionType;
  categoryId: string;
  payee: string;
  tagId: string;
  notes: string;
  parts: PartDraft[];
}

export interface RuleDraft {
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

let nextKey = 1;
const key = () => nextKey++;

export const CONDITION_KINDS: ReadonlyArray<{ value: ConditionKind; label: string }> = [
  { value: 'payee', label: 'Payee' },
  { value: 'description', label: 'Description' },
  { value: 'notes', label: 'Notes' },
  { value: 'amount', label: 'Amount between' },
  { value: 'sign', label: 'Money in or out' },
  { value: 'account', label: 'Account' },
  { value: 'date', label: 'Date between' },
];

export const TEXT_OPERATORS: ReadonlyArray<{ value: TextOperator; label: string }> = [
  { value: 'contains', label: 'contains' },
  { value: 'equals', label: 'is' },
  { value: 'startsWith', label: 'starts with' },
  { value: 'regex', label: 'matches the pattern' },
];

export const ACTION_TYPES: ReadonlyArray<{ value: ActionType; label: string }> = [
  { value: 'setCategory', label: 'Set the category' },
  { value: 'setPayee', label: 'Set the payee' },
  { value: 'addTag', label: 'Add a tag' },
  { value: 'setNotes', label: 'Set the notes' },
  { value: 'split', label: 'Split between categories' },
];

export const emptyCondition = (): ConditionDraft => ({
  key: key(),
  kind: 'payee',
  operator: 'contains',
  value: '',
  min: '',
  max: '',
  sign: 'outflow',
  accountIds: [],
  from: '',
  to: '',
});

export const emptyPart = (how: PartHow = 'percent'): PartDraft => ({
  key: key(),
  categoryId: '',
  how,
  amount: '',
  percent: '',
});

export const emptyAction = (): ActionDraft => ({
  key: key(),
  type: 'setCategory',
  categoryId: '',
  payee: '',
  tagId: '',
  notes: '',
  parts: [emptyPart('percent'), emptyPart('rest')],
});

export const emptyRule = (): RuleDraft => ({
  name: '',
  enabled: true,
  match: 'all',
  conditions: [emptyCondition()],
  actions: [emptyAction()],
});

export function draftOf(rule: RuleJson): RuleDraft {
  return {
    name: rule.name,
    enabled: rule.enabled,
    match: rule.match,
    conditions: rule.conditions.map(conditionDraft),
    actions: rule.actions.map(actionDraft),
  };
}

function conditionDraft(condition: RuleConditionJson): ConditionDraft {
  const draft = emptyCondition();
  switch (condition.field) {
    case 'payee':
    case 'description':
    case 'notes':
      return { ...draft, kind: condition.field, operator: condition.operator, value: condition.value };
    case 'amount':
      return condition.operator === 'between'
        ? { ...draft, kind: 'amount', min: condition.min ?? '', max: condition.max ?? '' }
        : { ...draft, kind: 'sign', sign: condition.value };
    case 'account':
      return { ...draft, kind: 'account', accountIds: [...condition.accountIds] };
    case 'date':
      return { ...draft, kind: 'date', from: condition.from ?? '', to: condition.to ?? '' };
  }
}

function actionDraft(action: RuleActionJson): ActionDraft {
  const draft = emptyAction();
  switch (action.type) {
    case 'setCategory':
      return { ...draft, type: action.type, categoryId: String(action.categoryId) };
    case 'setPayee':
      return { ...draft, type: action.type, payee: action.payee };
    case 'addTag':
      return { ...draft, type: action.type, tagId: String(action.tagId) };
    case 'setNotes':
      return { ...draft, type: action.type, notes: action.notes };
    case 'split':
      return {
        ...draft,
        type: 'split',
        parts: action.parts.map((part) => ({
          key: key(),
          categoryId: String(part.categoryId),
          how: part.amount ? 'amount' : part.percent ? 'percent' : 'rest',
          amount: part.amount ?? '',
          percent: part.percent ?? '',
        })),
      };
  }
}

const PERCENT = /^\d{1,3}(?:[.,]\d{1,8})?$/;
const id = (text: string) => (/^\d+$/.test(text) ? Number(text) : null);

export type Problems = Record<string, string>;

/** The rule for the API, and what is wrong with the form (empty when nothing): pointer → message. */
export function ruleOf(draft: RuleDraft): { rule: NewRuleJson; problems: Problems } {
  const problems: Problems = {};
  if (draft.name.trim() === '') problems['/name'] = 'Enter a name.';
  const conditions = draft.conditions.map((c, i) => conditionOf(c, `/conditions/${i}`, problems));
  if (draft.actions.length === 0) problems['/actions'] = 'Add at least one action.';
  const actions = draft.actions.map((a, i) => actionOf(a, `/actions/${i}`, problems));
  return {
    rule: { name: draft.name.trim(), enabled: draft.enabled, match: draft.match, conditions, actions },
    problems,
  };
}

function conditionOf(c: ConditionDraft, at: string, problems: Problems): RuleConditionJson {
  switch (c.kind) {
    case 'payee':
    case 'description':
    case 'notes':
      if (c.value.trim() === '') problems[`${at}/value`] = 'Enter the text to look for.';
      return { field: c.kind, operator: c.operator, value: c.value.trim() };
    case 'amount':
      if (c.min === null) problems[`${at}/min`] = 'Enter an amount such as -50.00, or nothing.';
      if (c.max === null) problems[`${at}/max`] = 'Enter an amount such as -50.00, or nothing.';
      if (c.min === '' && c.max === '') problems[`${at}/min`] = 'Enter at least one of the two bounds.';
      return { field: 'amount', operator: 'between', min: c.min || null, max: c.max || null };
    case 'sign':
      return { field: 'amount', operator: 'sign', value: c.sign };
    case 'account':
      if (c.accountIds.length === 0) problems[`${at}/accountIds`] = 'Choose at least one account.';
      return { field: 'account', operator: 'in', accountIds: c.accountIds };
    case 'date':
      if (c.from === '' && c.to === '') problems[`${at}/from`] = 'Enter at least one of the two dates.';
      else if (c.from !== '' && c.to !== '' && c.from > c.to)
        problems[`${at}/to`] = 'The last day comes before the first.';
      return { field: 'date', operator: 'between', from: c.from || null, to: c.to || null };
  }
}

function actionOf(a: ActionDraft, at: string, problems: Problems): RuleActionJson {
  switch (a.type) {
    case 'setCategory': {
      const categoryId = id(a.categoryId);
      if (categoryId === null) problems[`${at}/categoryId`] = 'Choose a category.';
      return { type: 'setCategory', categoryId: categoryId ?? 0 };
    }
    case 'setPayee':
      if (a.payee.trim() === '') problems[`${at}/payee`] = 'Enter the payee’s name.';
      return { type: 'setPayee', payee: a.payee.trim() };
    case 'addTag': {
      const tagId = id(a.tagId);
      if (tagId === null) problems[`${at}/tagId`] = 'Choose a tag.';
      return { type: 'addTag', tagId: tagId ?? 0 };
    }
    case 'setNotes':
      return { type: 'setNotes', notes: a.notes };
    case 'split': {
      if (a.parts.length < 2) problems[`${at}/parts`] = 'A split has at least two parts.';
      const parts = a.parts.map((part, i) => {
        const where = `${at}/parts/${i}`;
        const categoryId = id(part.categoryId);
        if (categoryId === null) problems[`${where}/categoryId`] = 'Choose a category.';
        if (
          part.how === 'amount' &&
          (part.amount === null || part.amount === '' || part.amount.startsWith('-'))
        )
          problems[`${where}/amount`] = 'Enter a positive amount such as 12.50.';
        const percent = part.percent.trim().replace(',', '.');
        if (part.how === 'percent' && (!PERCENT.test(percent) || !/[1-9]/.test(percent)))
          problems[`${where}/percent`] = 'Enter a percentage above 0, such as 40.';
        return {
          categoryId: categoryId ?? 0,
          amount: part.how === 'amount' ? (part.amount ?? null) : null,
          percent: part.how === 'percent' ? percent : null,
        };
      });
      return { type: 'split', parts };
    }
  }
}
