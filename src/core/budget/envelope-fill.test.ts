import { describe, expect, it } from 'vitest';
import { type FillHistory, fillAmount, fillMonth, shiftBudgetMonth } from './envelope-fill.ts';

const history = (
  lastAssigned: bigint,
  spent: [bigint, bigint, bigint],
  target: bigint | null = null,
): FillHistory => ({ lastAssigned, spent, target });

describe('envelope fill strategies', () => {
  it('copies last month’s assignment as it was, negative or zero included', () => {
    expect(fillAmount('copy-last-month', history(40_000n, [1n, 2n, 3n]))).toBe(40_000n);
    expect(fillAmount('copy-last-month', history(-500n, [0n, 0n, 0n]))).toBe(-500n);
    expect(fillAmount('copy-last-month', history(0n, [9n, 9n, 9n]))).toBe(0n);
  });

  it('budgets last month’s net spending, never below zero', () => {
    expect(fillAmount('last-month-spending', history(1n, [100n, 200n, 35_000n]))).toBe(35_000n);
    expect(fillAmount('last-month-spending', history(1n, [100n, 200n, -700n]))).toBe(0n);
  });

  it('budgets the three-month mean, rounded half to even, never below zero', () => {
    expect(fillAmount('average-3-months', history(0n, [100n, 200n, 300n]))).toBe(200n);
    expect(fillAmount('average-3-months', history(0n, [0n, 0n, 100n]))).toBe(33n); // 33.33…
    expect(fillAmount('average-3-months', history(0n, [0n, 0n, 200n]))).toBe(67n); // 66.66…
    expect(fillAmount('average-3-months', history(0n, [0n, 1n, 0n]))).toBe(0n); // 0.33…
    expect(fillAmount('average-3-months', history(0n, [-900n, 0n, 300n]))).toBe(0n);
  });

  it('assigns the target exactly, whatever was assigned or spent, and leaves out a category without one', () => {
    expect(fillAmount('targets', history(5n, [1n, 2n, 3n], 40_000n))).toBe(40_000n);
    expect(fillAmount('targets', history(5n, [1n, 2n, 3n], 0n))).toBe(0n);
    expect(fillAmount('targets', history(5n, [1n, 2n, 3n]))).toBeNull();
    const byId: Record<number, FillHistory> = {
      7: history(0n, [0n, 0n, 0n], 12_345n),
      3: history(9n, [0n, 0n, 2n]),
      5: history(0n, [0n, 0n, 0n], 0n),
    };
    expect(fillMonth('targets', [7, 3, 5], (id) => byId[id]!)).toEqual([
      { categoryId: 7, amount: 12_345n },
      { categoryId: 5, amount: 0n },
    ]);
  });

  it('fills every listed category in order', () => {
    const byId: Record<number, FillHistory> = { 7: history(5n, [0n, 0n, 1n]), 3: history(9n, [0n, 0n, 2n]) };
    expect(fillMonth('copy-last-month', [7, 3], (id) => byId[id]!)).toEqual([
      { categoryId: 7, amount: 5n },
      { categoryId: 3, amount: 9n },
    ]);
  });

  it('shifts months across years', () => {
    expect(shiftBudgetMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftBudgetMonth('2026-03', -3)).toBe('2025-12');
    expect(shiftBudgetMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftBudgetMonth('2026-05', 0)).toBe('2026-05');
  });
});
