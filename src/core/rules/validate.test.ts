import { describe, expect, it } from 'vitest';
import { MonetaError } from '../errors.ts';
import { validateRule } from './validate.ts';

const valid = {
  name: ' Groceries ',
  conditions: [{ field: 'payee', operator: 'contains', value: ' rewe ' }],
  actions: [{ type: 'setCategory', categoryId: 7 }],
};

/** The field errors validateRule reports for `input`, as [field, code] pairs. */
function errorsOf(input: unknown): [string, string][] {
  try {
    validateRule(input);
  } catch (error) {
    if (!(error instanceof MonetaError)) throw error;
    return error.fieldErrors.map((e) => [e.field, e.code]);
  }
  return [];
}

const withCondition = (condition: object) => ({ ...valid, conditions: [condition] });
const withAction = (action: object) => ({ ...valid, actions: [action] });
const split = (...parts: object[]) => withAction({ type: 'split', parts });

describe('validateRule', () => {
  it('returns the canonical rule: trimmed, defaults filled in', () => {
    expect(validateRule(valid)).toEqual({
      name: 'Groceries',
      enabled: true,
      match: 'all',
      conditions: [{ field: 'payee', operator: 'contains', value: 'rewe' }],
      actions: [{ type: 'setCategory', categoryId: 7 }],
    });
  });

  it('accepts a rule without conditions (it matches everything), keeps regex text as written', () => {
    expect(validateRule({ ...valid, conditions: [] }).conditions).toEqual([]);
    expect(validateRule({ name: 'x', actions: valid.actions }).conditions).toEqual([]);
    const regex = validateRule(
      withCondition({ field: 'description', operator: 'regex', value: ' ^card \\d+ ' }),
    );
    expect(regex.conditions[0]).toEqual({ field: 'description', operator: 'regex', value: ' ^card \\d+ ' });
  });

  it('accepts every kind of condition and action', () => {
    const rule = validateRule({
      name: 'All of it',
      enabled: false,
      match: 'any',
      conditions: [
        { field: 'notes', operator: 'startsWith', value: 'x' },
        { field: 'amount', operator: 'between', min: '-100.5', max: null },
        { field: 'amount', operator: 'between', min: '-100.5', max: '-0.001' },
        { field: 'amount', operator: 'sign', value: 'outflow' },
        { field: 'account', operator: 'in', accountIds: [3, 3, 4] },
        { field: 'date', operator: 'between', from: '2024-02-29', to: null },
      ],
      actions: [
        { type: 'setPayee', payee: ' Rewe ' },
        { type: 'addTag', tagId: 2 },
        { type: 'setNotes', notes: '' },
        {
          type: 'split',
          parts: [
            { categoryId: 1, amount: '10.00', percent: null },
            { categoryId: 2, percent: '33.333' },
            { categoryId: 3 },
          ],
        },
      ],
    });
    expect(rule.enabled).toBe(false);
    expect(rule.conditions[4]).toEqual({ field: 'account', operator: 'in', accountIds: [3, 4] });
    expect(rule.actions[0]).toEqual({ type: 'setPayee', payee: 'Rewe' });
    expect(rule.actions[3]).toEqual({
      type: 'split',
      parts: [
        { categoryId: 1, amount: '10.00', percent: null },
        { categoryId: 2, amount: null, percent: '33.333' },
        { categoryId: 3, amount: null, percent: null },
      ],
    });
  });

  it.each<[string, unknown, [string, string][]]>([
    ['not an object', 'rule', [['/', 'VALIDATION_FAILED']]],
    ['blank name', { ...valid, name: '  ' }, [['/name', 'VALIDATION_FAILED']]],
    ['no actions', { ...valid, actions: [] }, [['/actions', 'VALIDATION_FAILED']]],
    ['actions missing', { name: 'x' }, [['/actions', 'VALIDATION_FAILED']]],
    ['wrong match', { ...valid, match: 'some' }, [['/match', 'VALIDATION_FAILED']]],
    ['enabled as text', { ...valid, enabled: 'yes' }, [['/enabled', 'VALIDATION_FAILED']]],
    ['conditions not a list', { ...valid, conditions: {} }, [['/conditions', 'VALIDATION_FAILED']]],
    [
      'invalid regex',
      withCondition({ field: 'payee', operator: 'regex', value: '(unclosed' }),
      [['/conditions/0/value', 'INVALID_PATTERN']],
    ],
    [
      'backreference',
      withCondition({ field: 'payee', operator: 'regex', value: '^(a)\\1$' }),
      [['/conditions/0/value', 'INVALID_PATTERN']],
    ],
    [
      'pattern too long',
      withCondition({ field: 'payee', operator: 'regex', value: 'a'.repeat(501) }),
      [['/conditions/0/value', 'VALIDATION_FAILED']],
    ],
    [
      'empty text',
      withCondition({ field: 'payee', operator: 'contains', value: ' ' }),
      [['/conditions/0/value', 'VALIDATION_FAILED']],
    ],
    [
      'unknown operator',
      withCondition({ field: 'payee', operator: 'like', value: 'x' }),
      [['/conditions/0/operator', 'VALIDATION_FAILED']],
    ],
    [
      'unknown field',
      withCondition({ field: 'colour', operator: 'in', value: 'x' }),
      [['/conditions/0', 'VALIDATION_FAILED']],
    ],
    [
      'amount as number',
      withCondition({ field: 'amount', operator: 'between', min: 10, max: null }),
      [['/conditions/0/min', 'INVALID_AMOUNT']],
    ],
    [
      'amount with exponent',
      withCondition({ field: 'amount', operator: 'between', min: '1e3', max: null }),
      [['/conditions/0/min', 'INVALID_AMOUNT']],
    ],
    [
      'no bounds',
      withCondition({ field: 'amount', operator: 'between', min: null, max: null }),
      [['/conditions/0', 'VALIDATION_FAILED']],
    ],
    [
      'min above max',
      withCondition({ field: 'amount', operator: 'between', min: '10', max: '9.99' }),
      [['/conditions/0/max', 'VALIDATION_FAILED']],
    ],
    [
      'bad sign',
      withCondition({ field: 'amount', operator: 'sign', value: 'out' }),
      [['/conditions/0/value', 'VALIDATION_FAILED']],
    ],
    [
      'no accounts',
      withCondition({ field: 'account', operator: 'in', accountIds: [] }),
      [['/conditions/0/accountIds', 'VALIDATION_FAILED']],
    ],
    [
      'account id as text',
      withCondition({ field: 'account', operator: 'in', accountIds: ['1'] }),
      [['/conditions/0/accountIds', 'VALIDATION_FAILED']],
    ],
    [
      'impossible date',
      withCondition({ field: 'date', operator: 'between', from: '2026-02-30', to: null }),
      [['/conditions/0/from', 'INVALID_DATE']],
    ],
    [
      'dates reversed',
      withCondition({ field: 'date', operator: 'between', from: '2026-02-02', to: '2026-02-01' }),
      [['/conditions/0/to', 'VALIDATION_FAILED']],
    ],
    ['unknown action', withAction({ type: 'delete' }), [['/actions/0/type', 'VALIDATION_FAILED']]],
    [
      'category id as text',
      withAction({ type: 'setCategory', categoryId: '7' }),
      [['/actions/0/categoryId', 'VALIDATION_FAILED']],
    ],
    ['blank payee', withAction({ type: 'setPayee', payee: '' }), [['/actions/0/payee', 'VALIDATION_FAILED']]],
    [
      'notes as null',
      withAction({ type: 'setNotes', notes: null }),
      [['/actions/0/notes', 'VALIDATION_FAILED']],
    ],
    ['one part', split({ categoryId: 1 }), [['/actions/0/parts', 'VALIDATION_FAILED']]],
    [
      'percentages over 100',
      split({ categoryId: 1, percent: '60' }, { categoryId: 2, percent: '40.01' }),
      [['/actions/0/parts', 'VALIDATION_FAILED']],
    ],
    [
      'percentages under 100 with nothing taking the rest',
      split({ categoryId: 1, percent: '60' }, { categoryId: 2, percent: '39.99' }),
      [['/actions/0/parts', 'VALIDATION_FAILED']],
    ],
    [
      'a fixed part and percentages under 100',
      split({ categoryId: 1, amount: '5' }, { categoryId: 2, percent: '50' }),
      [['/actions/0/parts', 'VALIDATION_FAILED']],
    ],
    [
      'a percentage over 100',
      split({ categoryId: 1, percent: '100.5' }, { categoryId: 2 }),
      [['/actions/0/parts/0/percent', 'VALIDATION_FAILED']],
    ],
    [
      'a zero percentage',
      split({ categoryId: 1, percent: '0' }, { categoryId: 2 }),
      [['/actions/0/parts/0/percent', 'VALIDATION_FAILED']],
    ],
    [
      'a negative fixed amount',
      split({ categoryId: 1, amount: '-5.00' }, { categoryId: 2 }),
      [['/actions/0/parts/0/amount', 'INVALID_AMOUNT']],
    ],
    [
      'amount and percent on one part',
      split({ categoryId: 1, amount: '5', percent: '5' }, { categoryId: 2 }),
      [['/actions/0/parts/0', 'VALIDATION_FAILED']],
    ],
    [
      'two parts taking the rest',
      split({ categoryId: 1 }, { categoryId: 2 }),
      [['/actions/0/parts/1', 'VALIDATION_FAILED']],
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it('says why a pattern cannot be used', () => {
    const message = (value: string) => {
      try {
        validateRule(withCondition({ field: 'payee', operator: 'regex', value }));
      } catch (error) {
        return (error as MonetaError).fieldErrors[0]?.message;
      }
    };
    expect(message('(a: b')).toBe('Not a valid regular expression: missing closing ) in "(a: b".');
    expect(message('(x) and \\1')).toBe(
      'Backreferences such as \\1 or \\k<name> are not supported: rules match in linear time with RE2 syntax.',
    );
    expect(message('(\\d+\\s?)+$')).toBeUndefined();
    expect(message('(ab|cd)+ (\\d{2,}\\.)?x*')).toBeUndefined();
  });

  it('reports every problem at once, with the first one’s code on the whole', () => {
    let caught: MonetaError | undefined;
    try {
      validateRule({
        name: '',
        conditions: [{ field: 'payee', operator: 'regex', value: '[' }],
        actions: [{ type: 'setCategory', categoryId: 0 }],
      });
    } catch (error) {
      caught = error as MonetaError;
    }
    expect(caught?.code).toBe('VALIDATION_FAILED');
    expect(caught?.fieldErrors.map((e) => e.field)).toEqual([
      '/name',
      '/conditions/0/value',
      '/actions/0/categoryId',
    ]);
  });

  it('accepts splits that add up: percentages to 100, fixed + rest, fixed + percentages of the rest', () => {
    for (const parts of [
      [
        { categoryId: 1, percent: '33.34' },
        { categoryId: 2, percent: '66.66' },
      ],
      [{ categoryId: 1, amount: '500.00' }, { categoryId: 2 }],
      [
        { categoryId: 1, amount: '500' },
        { categoryId: 2, percent: '50' },
        { categoryId: 3, percent: '50' },
      ],
      [
        { categoryId: 1, amount: '5' },
        { categoryId: 2, amount: '7' },
      ],
    ]) {
      expect(errorsOf(split(...parts))).toEqual([]);
    }
  });
});
