import { describe, expect, it } from 'vitest';
import type { RuleJson } from '../../api/types.ts';
import { changedFields } from './ChangeList.tsx';
import { describeRule, type Names } from './describe.ts';
import { draftOf, emptyCondition, emptyPart, emptyRule, ruleOf } from './draft.ts';
import { movedIds } from './queries.ts';

const names: Names = {
  category: (id) => ({ 3: 'Groceries', 4: 'Household', 9: 'Uncategorised' })[id] ?? `#${id}`,
  tag: (id) => (id === 5 ? 'Food' : `#${id}`),
  account: (id) => (id === 1 ? 'Checking' : `#${id}`),
};

const rule: RuleJson = {
  id: 7,
  name: 'REWE',
  position: 1,
  enabled: true,
  match: 'all',
  conditions: [
    { field: 'payee', operator: 'contains', value: 'REWE' },
    { field: 'amount', operator: 'between', min: '-200.00', max: null },
    { field: 'amount', operator: 'sign', value: 'outflow' },
    { field: 'account', operator: 'in', accountIds: [1] },
    { field: 'date', operator: 'between', from: '2026-01-01', to: null },
  ],
  actions: [
    { type: 'setCategory', categoryId: 3 },
    { type: 'addTag', tagId: 5 },
    {
      type: 'split',
      parts: [
        { categoryId: 3, amount: '10.00', percent: null },
        { categoryId: 4, amount: null, percent: '25' },
        { categoryId: 9, amount: null, percent: null },
      ],
    },
  ],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the rule form', () => {
  it('round-trips a rule through the form unchanged', () => {
    const { rule: body, problems } = ruleOf(draftOf(rule));
    expect(problems).toEqual({});
    expect(body).toEqual({
      name: 'REWE',
      enabled: true,
      match: 'all',
      conditions: rule.conditions,
      actions: rule.actions,
    });
  });

  it('finds what is missing, at the pointers the API uses', () => {
    const draft = emptyRule();
    draft.conditions.push({ ...emptyCondition(), kind: 'amount', min: null, max: '' });
    draft.conditions.push({ ...emptyCondition(), kind: 'date', from: '2026-05-01', to: '2026-04-01' });
    draft.actions[0] = {
      ...draft.actions[0]!,
      type: 'split',
      parts: [
        { ...emptyPart('percent'), categoryId: '3', percent: '0' },
        { ...emptyPart('amount'), categoryId: '', amount: '-5.00' },
      ],
    };
    expect(ruleOf(draft).problems).toEqual({
      '/name': 'Enter a name.',
      '/conditions/0/value': 'Enter the text to look for.',
      '/conditions/1/min': 'Enter an amount such as -50.00, or nothing.',
      '/conditions/2/to': 'The last day comes before the first.',
      '/actions/0/parts/0/percent': 'Enter a percentage above 0, such as 40.',
      '/actions/0/parts/1/categoryId': 'Choose a category.',
      '/actions/0/parts/1/amount': 'Enter a positive amount such as 12.50.',
    });
    expect(ruleOf({ ...emptyRule(), actions: [] }).problems['/actions']).toBe('Add at least one action.');
  });

  it('takes a percentage typed with a decimal comma as an exact decimal', () => {
    const draft = { ...emptyRule(), name: 'Half' };
    draft.conditions = [];
    draft.actions[0] = {
      ...draft.actions[0]!,
      type: 'split',
      parts: [
        { ...emptyPart('percent'), categoryId: '3', percent: '33,5' },
        { ...emptyPart('rest'), categoryId: '4' },
      ],
    };
    const { rule: body, problems } = ruleOf(draft);
    expect(problems).toEqual({});
    expect(body.actions[0]).toEqual({
      type: 'split',
      parts: [
        { categoryId: 3, amount: null, percent: '33.5' },
        { categoryId: 4, amount: null, percent: null },
      ],
    });
  });
});

describe('rules in words and in order', () => {
  it('says what a rule does', () => {
    const words = describeRule(rule, names, 'en-US');
    expect(words.when).toBe(
      'When payee contains “REWE” and amount at least -200.00 and money out and account is Checking and date from 2026-01-01 on',
    );
    expect(words.does).toBe(
      'Set the category to Groceries; add the tag Food; split: 10.00 to Groceries, 25 % to Household, the rest to Uncategorised',
    );
    expect(describeRule({ ...rule, conditions: [] }, names, 'en-US').when).toBe('Every transaction');
  });

  it('moves a rule up or down, and not past either end', () => {
    const rules = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(movedIds(rules, 1, -1)).toEqual([2, 1, 3]);
    expect(movedIds(rules, 1, 1)).toEqual([1, 3, 2]);
    expect(movedIds(rules, 0, -1)).toEqual([1, 2, 3]);
    expect(movedIds(rules, 2, 1)).toEqual([1, 2, 3]);
  });

  it('lists only the fields a change touches', () => {
    const before = {
      payee: 'REWE',
      notes: null,
      tagIds: [],
      categories: [{ categoryId: 9, amount: { amount: '5.00', currency: 'EUR' } }],
    };
    const after = {
      ...before,
      tagIds: [5],
      categories: [{ categoryId: 3, amount: { amount: '5.00', currency: 'EUR' } }],
    };
    expect(changedFields(before, after, names)).toEqual([
      ['Category', 'Uncategorised', 'Groceries'],
      ['Tags', 'none', 'Food'],
    ]);
  });
});
