import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currency, formatMoney } from '../money/index.ts';
import { applyRules, matchRule } from './apply.ts';
import { compileRules } from './compile.ts';
import type { Rule, RuleAction, RuleCondition, RuleSubject } from './types.ts';

const EUR = currency('EUR');

const subject = (overrides: Partial<RuleSubject> = {}): RuleSubject => ({
  payee: 'REWE Markt GmbH',
  description: 'CARD 1234 REWE SAGT DANKE 45821  MÜNCHEN',
  notes: null,
  amount: { minor: -4599n, currency: EUR },
  accountId: 1,
  date: '2026-03-15',
  ...overrides,
});

let nextId = 1;
const rule = (conditions: RuleCondition[], actions: RuleAction[], extra: Partial<Rule> = {}): Rule => ({
  id: nextId++,
  name: 'r',
  enabled: true,
  match: 'all',
  conditions,
  actions,
  ...extra,
});
const when = (condition: RuleCondition) => rule([condition], [{ type: 'addTag', tagId: 1 }]);

describe('matchRule', () => {
  it.each<[string, RuleCondition, Partial<RuleSubject>, boolean]>([
    ['contains, ignoring case', { field: 'payee', operator: 'contains', value: 'rewe markt' }, {}, true],
    [
      'contains, ignoring accents',
      { field: 'description', operator: 'contains', value: 'munchen' },
      {},
      true,
    ],
    [
      'contains, accents in the value',
      { field: 'description', operator: 'contains', value: 'Münch' },
      {},
      true,
    ],
    [
      'contains, runs of spaces as one',
      { field: 'description', operator: 'contains', value: '45821 münchen' },
      {},
      true,
    ],
    ['contains, full-width letters', { field: 'payee', operator: 'contains', value: 'ＲＥＷＥ' }, {}, true],
    ['contains, absent', { field: 'payee', operator: 'contains', value: 'aldi' }, {}, false],
    ['equals', { field: 'payee', operator: 'equals', value: ' rewe  markt gmbh ' }, {}, true],
    ['equals, only part', { field: 'payee', operator: 'equals', value: 'rewe' }, {}, false],
    ['startsWith', { field: 'description', operator: 'startsWith', value: 'card 1234' }, {}, true],
    [
      'startsWith, not at the start',
      { field: 'description', operator: 'startsWith', value: 'rewe' },
      {},
      false,
    ],
    [
      'Cyrillic, any case',
      { field: 'payee', operator: 'contains', value: 'ПЯТЁРОЧКА' },
      { payee: 'пятёрочка 123' },
      true,
    ],
    [
      'Greek, any case and accent',
      { field: 'payee', operator: 'startsWith', value: 'ΟΔΟΣ' },
      { payee: 'Οδός Πανεπιστημίου' },
      true,
    ],
    ['text on a missing payee', { field: 'payee', operator: 'contains', value: 'x' }, { payee: null }, false],
    ['notes', { field: 'notes', operator: 'contains', value: 'trip' }, { notes: 'Trip to Rome' }, true],
    [
      'regex on the original text, case-insensitive',
      { field: 'description', operator: 'regex', value: '^card \\d{4} rewe' },
      {},
      true,
    ],
    [
      'regex does not see folded spaces',
      { field: 'description', operator: 'regex', value: '45821 M' },
      {},
      false,
    ],
    [
      'regex with Unicode classes',
      { field: 'description', operator: 'regex', value: '\\p{Lu}ÜNCHEN$' },
      {},
      true,
    ],
    [
      'regex matching an empty payee',
      { field: 'payee', operator: 'regex', value: '^$' },
      { payee: null },
      true,
    ],
    ['amount between, inside', { field: 'amount', operator: 'between', min: '-50', max: '-45.99' }, {}, true],
    [
      'amount between, on the bound',
      { field: 'amount', operator: 'between', min: '-45.99', max: null },
      {},
      true,
    ],
    ['amount between, below', { field: 'amount', operator: 'between', min: '-45.98', max: null }, {}, false],
    [
      'amount bound with more decimals than the currency rounds inward',
      { field: 'amount', operator: 'between', min: '-45.995', max: '-45.985' },
      {},
      true,
    ],
    [
      'amount bound, exact in JPY',
      { field: 'amount', operator: 'between', min: '1000', max: '1000' },
      { amount: { minor: 1000n, currency: currency('JPY') } },
      true,
    ],
    [
      'amount bound, 0.5 is above any whole yen 0',
      { field: 'amount', operator: 'between', min: '0.5', max: '0.9' },
      { amount: { minor: 0n, currency: currency('JPY') } },
      false,
    ],
    ['outflow', { field: 'amount', operator: 'sign', value: 'outflow' }, {}, true],
    ['inflow', { field: 'amount', operator: 'sign', value: 'inflow' }, {}, false],
    [
      'zero is neither',
      { field: 'amount', operator: 'sign', value: 'outflow' },
      { amount: { minor: 0n, currency: EUR } },
      false,
    ],
    ['account in', { field: 'account', operator: 'in', accountIds: [5, 1] }, {}, true],
    ['account not in', { field: 'account', operator: 'in', accountIds: [5] }, {}, false],
    [
      'date between, inclusive',
      { field: 'date', operator: 'between', from: '2026-03-15', to: '2026-03-15' },
      {},
      true,
    ],
    ['date before from', { field: 'date', operator: 'between', from: '2026-03-16', to: null }, {}, false],
    ['date after to', { field: 'date', operator: 'between', from: null, to: '2026-03-14' }, {}, false],
  ])('%s', (_name, condition, overrides, expected) => {
    expect(matchRule(when(condition), subject(overrides))).toBe(expected);
  });

  it('combines conditions with all or any; no conditions match everything', () => {
    const yes: RuleCondition = { field: 'payee', operator: 'contains', value: 'rewe' };
    const no: RuleCondition = { field: 'payee', operator: 'contains', value: 'aldi' };
    const both = (match: 'all' | 'any') => rule([yes, no], [{ type: 'addTag', tagId: 1 }], { match });
    expect(matchRule(both('all'), subject())).toBe(false);
    expect(matchRule(both('any'), subject())).toBe(true);
    expect(matchRule(rule([], [{ type: 'addTag', tagId: 1 }], { match: 'any' }), subject())).toBe(true);
    expect(matchRule(rule([], [{ type: 'addTag', tagId: 1 }]), subject())).toBe(true);
  });
});

describe('applyRules', () => {
  const groceries = rule(
    [{ field: 'payee', operator: 'contains', value: 'rewe' }],
    [
      { type: 'setCategory', categoryId: 10 },
      { type: 'setPayee', payee: 'REWE' },
      { type: 'addTag', tagId: 1 },
    ],
  );
  const halves = rule(
    [{ field: 'payee', operator: 'equals', value: 'rewe' }],
    [
      {
        type: 'split',
        parts: [
          { categoryId: 11, amount: null, percent: '50' },
          { categoryId: 12, amount: null, percent: '50' },
        ],
      },
      { type: 'addTag', tagId: 2 },
      { type: 'addTag', tagId: 1 },
    ],
  );
  const notes = rule([], [{ type: 'setNotes', notes: 'checked' }]);
  const disabled = rule([], [{ type: 'setCategory', categoryId: 99 }], { enabled: false });

  it('applies matching enabled rules in order; later choices replace earlier ones; tags accumulate', () => {
    const outcome = applyRules([groceries, disabled, halves, notes], subject());
    expect(outcome.matchedRuleIds).toEqual([groceries.id, halves.id, notes.id]);
    expect(outcome.categoryId).toBeUndefined();
    expect(outcome.split?.map((p) => [p.categoryId, formatMoney(p.amount)])).toEqual([
      [11, '-23.00'],
      [12, '-22.99'],
    ]);
    expect(outcome.payee).toBe('REWE');
    expect(outcome.notes).toBe('checked');
    expect(outcome.tagIds).toEqual([1, 2]);
  });

  it('lets a later category replace an earlier split', () => {
    const category = rule([], [{ type: 'setCategory', categoryId: 13 }]);
    const outcome = applyRules([groceries, halves, category], subject());
    expect(outcome.categoryId).toBe(13);
    expect(outcome.split).toBeUndefined();
  });

  it('sees the payee an earlier rule set (the split rule matches "REWE" only after the rename)', () => {
    expect(applyRules([halves, groceries], subject()).matchedRuleIds).toEqual([groceries.id]);
    expect(applyRules([groceries, halves], subject()).matchedRuleIds).toEqual([groceries.id, halves.id]);
  });

  it('leaves a split that cannot be computed out, keeping the earlier choice, and says why', () => {
    const tooBig = rule(
      [],
      [
        {
          type: 'split',
          parts: [
            { categoryId: 11, amount: '100.00', percent: null },
            { categoryId: 12, amount: null, percent: null },
          ],
        },
      ],
    );
    const outcome = applyRules([groceries, tooBig], subject());
    expect(outcome.categoryId).toBe(10);
    expect(outcome.split).toBeUndefined();
    expect(outcome.skippedSplits).toEqual([
      { ruleId: tooBig.id, reason: 'The fixed parts add up to more than the amount.' },
    ]);
  });

  it('returns an empty outcome when nothing matches', () => {
    expect(applyRules([disabled, halves], subject())).toEqual({ matchedRuleIds: [], tagIds: [] });
    expect(applyRules([], subject())).toEqual({ matchedRuleIds: [], tagIds: [] });
  });

  const arbitraryRule = fc.record({
    id: fc.integer({ min: 1, max: 1000 }),
    name: fc.constant('r'),
    enabled: fc.boolean(),
    match: fc.constantFrom('all' as const, 'any' as const),
    conditions: fc.array(
      fc.oneof(
        fc.record({
          field: fc.constantFrom('payee' as const, 'description' as const),
          operator: fc.constantFrom('contains' as const, 'startsWith' as const, 'equals' as const),
          value: fc.constantFrom('rewe', 'card', 'aldi', 'rewe markt gmbh'),
        }),
        fc.record({
          field: fc.constant('amount' as const),
          operator: fc.constant('sign' as const),
          value: fc.constantFrom('inflow' as const, 'outflow' as const),
        }),
      ),
      { maxLength: 3 },
    ),
    actions: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('setCategory' as const), categoryId: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ type: fc.constant('addTag' as const), tagId: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ type: fc.constant('setNotes' as const), notes: fc.constantFrom('a', 'b') }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }) as fc.Arbitrary<Rule>;

  it('is deterministic, and compiled rules give the same outcome (property)', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryRule, { maxLength: 8 }),
        fc.bigInt({ min: -10000n, max: 10000n }),
        (rules, minor) => {
          const s = subject({ amount: { minor, currency: EUR } });
          const first = applyRules(rules, s);
          expect(applyRules(rules, s)).toEqual(first);
          expect(applyRules(compileRules(rules), s)).toEqual(first);
        },
      ),
    );
  });

  it('respects order: the outcome is that of the last matching rule that sets each field (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryRule, { maxLength: 8 }), (rules) => {
        const s = subject();
        const outcome = applyRules(rules, s);
        const matched = rules.filter((r) => r.enabled && matchRule(r, s));
        expect(outcome.matchedRuleIds).toEqual(matched.map((r) => r.id));
        const actions = matched.flatMap((r) => r.actions);
        const last = <T extends RuleAction['type']>(type: T) =>
          actions.filter((a): a is Extract<RuleAction, { type: T }> => a.type === type).at(-1);
        expect(outcome.categoryId).toBe(last('setCategory')?.categoryId);
        expect(outcome.notes).toBe(last('setNotes')?.notes);
        const tags = actions.flatMap((a) => (a.type === 'addTag' ? [a.tagId] : []));
        expect(outcome.tagIds).toEqual([...new Set(tags)]);
        // Reversing the rules' order changes only which choice wins, never which rules match.
        const reversed = applyRules([...rules].reverse(), s);
        expect([...reversed.matchedRuleIds].sort()).toEqual([...outcome.matchedRuleIds].sort());
      }),
    );
  });
});
