import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/date.ts';
import { periodContaining } from './period.ts';
import { type PeriodLabel, periodLabel } from './period-label.ts';
import type { Recurrence } from './recurrence.ts';

const d = (text: string) => isoDate(text);

describe('periodLabel', () => {
  it.each<[string, Recurrence, string, PeriodLabel]>([
    [
      'payday 25 is the month ahead',
      { kind: 'monthly', startDay: 25 },
      '2026-05-01',
      { kind: 'month', year: 2026, month: 5 },
    ],
    [
      'payday 25 in December is January',
      { kind: 'monthly', startDay: 25 },
      '2025-12-28',
      { kind: 'month', year: 2026, month: 1 },
    ],
    [
      'start day 10 is the month it starts',
      { kind: 'monthly', startDay: 10 },
      '2026-05-01',
      { kind: 'month', year: 2026, month: 4 },
    ],
    [
      'a 15/15 tie goes to the later month',
      { kind: 'monthly', startDay: 16 },
      '2026-04-20',
      { kind: 'month', year: 2026, month: 5 },
    ],
    [
      'start day 1 is the calendar month',
      { kind: 'monthly', startDay: 1 },
      '2026-02-10',
      { kind: 'month', year: 2026, month: 2 },
    ],
    [
      '31 Jan – 28 Feb 2024 is February',
      { kind: 'monthly', startDay: 31 },
      '2024-02-10',
      { kind: 'month', year: 2024, month: 2 },
    ],
    [
      '29 Feb – 30 Mar 2024 is March',
      { kind: 'monthly', startDay: 31 },
      '2024-03-10',
      { kind: 'month', year: 2024, month: 3 },
    ],
    ['calendar Q3', { kind: 'quarterly' }, '2026-08-10', { kind: 'quarter', year: 2026, quarter: 3 }],
    [
      'fiscal April, Q1',
      { kind: 'quarterly', startMonth: 4 },
      '2026-04-01',
      { kind: 'quarter', year: 2026, quarter: 1 },
    ],
    [
      'fiscal April, Q4 in January',
      { kind: 'quarterly', startMonth: 4 },
      '2027-01-15',
      { kind: 'quarter', year: 2026, quarter: 4 },
    ],
    [
      'tax year named by its start',
      { kind: 'yearly', startMonth: 4, startDay: 6 },
      '2027-01-15',
      { kind: 'year', year: 2026 },
    ],
    [
      'a week is its dates',
      { kind: 'weekly', anchor: d('2026-01-05') },
      '2026-01-07',
      { kind: 'range', start: d('2026-01-05'), end: d('2026-01-11') },
    ],
    [
      'a custom range is its dates',
      { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') },
      '2026-03-12',
      { kind: 'range', start: d('2026-03-10'), end: d('2026-04-20') },
    ],
  ])('%s', (_name, recurrence, date, expected) => {
    expect(periodLabel(recurrence, periodContaining(recurrence, d(date)))).toEqual(expected);
  });
});
