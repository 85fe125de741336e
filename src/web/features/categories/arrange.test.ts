import { describe, expect, it } from 'vitest';
import type { CategoryGroupJson, CategoryJson } from '../../api/types.ts';
import { arrangeCategories, displayedBalance, mergeTargets, sectionTotal } from './arrange.ts';

const STAMP = '2026-01-01T00:00:00.000Z';
const group = (id: number, name: string, kind: 'income' | 'expense', hidden = false): CategoryGroupJson => ({
  id,
  name,
  kind,
  position: id,
  hidden,
  createdAt: STAMP,
  updatedAt: STAMP,
});
const category = (
  id: number,
  name: string,
  type: 'income' | 'expense',
  groupId: number | null,
  amount = '0.00',
  extra: Partial<CategoryJson> = {},
): CategoryJson => ({
  id,
  name,
  type,
  subtype: null,
  currency: 'EUR',
  parentId: null,
  groupId,
  role: null,
  notes: null,
  archived: false,
  hidden: false,
  balance: { amount, currency: 'EUR' },
  target: null,
  createdAt: STAMP,
  updatedAt: STAMP,
  ...extra,
});

const groups = [
  group(1, 'Food', 'expense'),
  group(2, 'Housing', 'expense', true),
  group(3, 'Empty', 'expense'),
];
const categories = [
  category(10, 'Groceries', 'expense', 1, '30.00'),
  category(11, 'Old snacks', 'expense', 1, '5.00', { hidden: true }),
  category(12, 'Rent', 'expense', 2, '800.00'),
  category(13, 'Gifts', 'expense', null),
  category(14, 'Lost group', 'expense', 99),
  category(20, 'Salary', 'income', null, '-2500.00'),
];
const names = (section: { categories: CategoryJson[] }) => section.categories.map((c) => c.name);

describe('arrangeCategories', () => {
  it('leaves hidden groups and categories out, and counts them', () => {
    const { kinds, hiddenCount } = arrangeCategories(categories, groups, false);
    const [expense, income] = kinds;
    expect(expense!.sections.map((s) => [s.group?.name ?? 'No group', names(s), s.size])).toEqual([
      ['Food', ['Groceries'], 2],
      ['Empty', [], 0],
      ['No group', ['Gifts', 'Lost group'], 2],
    ]);
    expect(income!.sections.map((s) => [s.group?.name ?? 'No group', names(s)])).toEqual([
      ['No group', ['Salary']],
    ]);
    // Housing, Old snacks and Rent (in the hidden Housing).
    expect(hiddenCount).toBe(3);
  });

  it('shows everything when asked', () => {
    const { kinds, hiddenCount } = arrangeCategories(categories, groups, true);
    expect(kinds[0]!.sections.map((s) => [s.group?.name ?? 'No group', names(s)])).toEqual([
      ['Food', ['Groceries', 'Old snacks']],
      ['Housing', ['Rent']],
      ['Empty', []],
      ['No group', ['Gifts', 'Lost group']],
    ]);
    expect(hiddenCount).toBe(0);
  });

  it('has no sections for a kind without groups or categories', () => {
    expect(arrangeCategories([], [], false).kinds.map((k) => k.sections)).toEqual([[], []]);
  });
});

describe('balances', () => {
  it('shows income received as a positive amount, spending as it is, totals exactly', () => {
    expect(displayedBalance(categories[5]!)).toEqual({ amount: '2500.00', currency: 'EUR' });
    expect(displayedBalance(categories[0]!)).toEqual({ amount: '30.00', currency: 'EUR' });
    expect(
      sectionTotal([categories[0]!, categories[1]!, category(30, 'x', 'expense', null, '0.10')]),
    ).toEqual([{ amount: '35.10', currency: 'EUR' }]);
  });
});

describe('mergeTargets', () => {
  it('offers categories of the same kind and currency, never itself or archived ones', () => {
    const all = [
      ...categories,
      category(40, 'Dollars', 'expense', null, '0.00', { currency: 'USD' }),
      category(41, 'Archived', 'expense', null, '0.00', { archived: true }),
    ];
    expect(mergeTargets(categories[0]!, all).map((c) => c.name)).toEqual([
      'Old snacks',
      'Rent',
      'Gifts',
      'Lost group',
    ]);
  });
});
