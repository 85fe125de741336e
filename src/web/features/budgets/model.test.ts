import { describe, expect, it } from 'vitest';
import {
  barWidth,
  emptyRecurrence,
  firstAmountFrom,
  formatPercent,
  formatPeriodLabel,
  recurrenceOf,
  recurrenceProblems,
} from './model.ts';

describe('budget form and display helpers', () => {
  it('builds a payday-monthly recurrence and starts its amount at the period holding today', () => {
    const draft = { ...emptyRecurrence('2026-05-10'), startDay: '25' };
    const recurrence = recurrenceOf(draft);
    expect(recurrence).toEqual({ kind: 'monthly', startDay: 25 });
    expect(firstAmountFrom(recurrence, '2026-05-10')).toBe('2026-04-25');
    expect(firstAmountFrom(recurrence, '2026-05-25')).toBe('2026-05-25');
  });

  it('checks days and date ranges before asking the server', () => {
    expect(recurrenceProblems({ ...emptyRecurrence('2026-01-01'), startDay: '32' })).toHaveProperty(
      'startDay',
    );
    expect(recurrenceProblems({ ...emptyRecurrence('2026-01-01'), startDay: '25' })).toEqual({});
    const custom = { ...emptyRecurrence('2026-01-01'), kind: 'custom' as const, end: '2025-12-31' };
    expect(recurrenceProblems(custom)).toHaveProperty('end');
  });

  it('names periods and percentages in the locale', () => {
    expect(formatPeriodLabel({ kind: 'month', year: 2026, month: 5 }, 'en-US')).toBe('May 2026');
    expect(formatPeriodLabel({ kind: 'quarter', year: 2026, quarter: 2 }, 'en-US')).toBe('Q2 2026');
    expect(formatPercent(8500, 'en-US')).toBe('85%');
    expect(formatPercent(null, 'en-US')).toBeNull();
    expect(barWidth({ percent: 12_000 })).toBe(100);
    expect(barWidth({ percent: '4250' })).toBe(42.5);
  });
});
