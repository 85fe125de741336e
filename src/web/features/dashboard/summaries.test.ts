import { describe, expect, it } from 'vitest';
import type { AccountJson } from '../../api/types.ts';
import { incomeVsExpense, lastMonths, leftOut, spendingByCategory } from './summaries.ts';

const category = (id: number, name: string, type: 'income' | 'expense') =>
  ({ id, name, type }) as AccountJson;
const categories = [
  category(1, 'Food', 'expense'),
  category(2, 'Rent', 'expense'),
  category(3, 'Salary', 'income'),
  category(4, 'Fun', 'expense'),
];
const eur = (amount: string) => ({ amount, currency: 'EUR' });

describe('dashboard summaries', () => {
  it('ranks spending per category, largest first, leaving out income, zeros and other currencies', () => {
    const rows = [
      { period: null, categoryId: 1, total: eur('75.10') },
      { period: null, categoryId: 2, total: eur('900.00') },
      { period: null, categoryId: 3, total: eur('-2500.00') },
      { period: null, categoryId: 4, total: eur('0.00') },
      { period: null, categoryId: 4, total: { amount: '5.00', currency: 'USD' } },
    ];
    expect(spendingByCategory(rows, categories, 'EUR')).toEqual([
      { categoryId: 2, name: 'Rent', spent: eur('900.00') },
      { categoryId: 1, name: 'Food', spent: eur('75.10') },
    ]);
  });

  it('says what the base-currency sums leave out, per currency, income as a positive amount', () => {
    const usd = (amount: string) => ({ amount, currency: 'USD' });
    const rows = [
      { period: '2026-01', categoryId: 1, total: usd('5.25') },
      { period: '2026-02', categoryId: 2, total: usd('10.00') },
      { period: '2026-02', categoryId: 3, total: usd('-300.00') },
      { period: '2026-02', categoryId: 1, total: eur('1.00') },
      { period: '2026-02', categoryId: 4, total: { amount: '0', currency: 'JPY' } },
    ];
    expect(leftOut(rows, categories, 'EUR', 'expense')).toEqual([usd('15.25')]);
    expect(leftOut(rows, categories, 'EUR', 'income')).toEqual([usd('300.00')]);
  });

  it('adds income and expense per month exactly, with empty months as zero', () => {
    const rows = [
      { period: '2026-01', categoryId: 3, total: eur('-2500.00') },
      { period: '2026-01', categoryId: 1, total: eur('0.10') },
      { period: '2026-01', categoryId: 2, total: eur('0.20') },
      { period: '2026-03', categoryId: 1, total: eur('-5.00') },
    ];
    expect(incomeVsExpense(rows, categories, 'EUR', ['2026-01', '2026-02', '2026-03'])).toEqual([
      { month: '2026-01', income: eur('2500.00'), expense: eur('0.30'), net: eur('2499.70') },
      { month: '2026-02', income: eur('0.00'), expense: eur('0.00'), net: eur('0.00') },
      { month: '2026-03', income: eur('0.00'), expense: eur('-5.00'), net: eur('5.00') },
    ]);
  });

  it('counts months back across a year end', () => {
    expect(lastMonths('2026-02-15', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastMonths('2026-12-01', 12)[0]).toBe('2026-01');
  });
});
