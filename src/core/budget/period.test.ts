import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { addDays, isoDate } from '../calendar/date.ts';
import { isPeriodStart, nextPeriod, periodContaining, periodsBetween, previousPeriod } from './period.ts';
import type { Recurrence } from './recurrence.ts';

const d = (text: string) => isoDate(text);
const range = (text: string) => {
  const [start, end] = text.split('..');
  return { start: d(start!), end: d(end!) };
};

describe('periodContaining', () => {
  it.each<[string, Recurrence, string, string]>([
    // payday on the 25th: "May" runs 25 Apr – 24 May
    ['payday 25, mid period', { kind: 'monthly', startDay: 25 }, '2026-05-10', '2026-04-25..2026-05-24'],
    ['payday 25, first day', { kind: 'monthly', startDay: 25 }, '2026-04-25', '2026-04-25..2026-05-24'],
    ['payday 25, last day', { kind: 'monthly', startDay: 25 }, '2026-05-24', '2026-04-25..2026-05-24'],
    ['payday 25, day before', { kind: 'monthly', startDay: 25 }, '2026-04-24', '2026-03-25..2026-04-24'],
    ['payday 25, next', { kind: 'monthly', startDay: 25 }, '2026-05-25', '2026-05-25..2026-06-24'],
    ['payday 25, across new year', { kind: 'monthly', startDay: 25 }, '2026-01-10', '2025-12-25..2026-01-24'],
    // start day 31 clamps to the month's last day
    ['day 31, Feb of leap 2024', { kind: 'monthly', startDay: 31 }, '2024-02-15', '2024-01-31..2024-02-28'],
    ['day 31, 29 Feb 2024', { kind: 'monthly', startDay: 31 }, '2024-02-29', '2024-02-29..2024-03-30'],
    ['day 31, Feb of 2025', { kind: 'monthly', startDay: 31 }, '2025-02-27', '2025-01-31..2025-02-27'],
    ['day 31, 28 Feb 2025', { kind: 'monthly', startDay: 31 }, '2025-02-28', '2025-02-28..2025-03-30'],
    ['day 31, 31 Mar 2025', { kind: 'monthly', startDay: 31 }, '2025-03-31', '2025-03-31..2025-04-29'],
    ['day 31, 30 Apr 2025', { kind: 'monthly', startDay: 31 }, '2025-04-30', '2025-04-30..2025-05-30'],
    ['day 30, March 2025', { kind: 'monthly', startDay: 30 }, '2025-03-15', '2025-02-28..2025-03-29'],
    // start day 1 is the calendar month
    ['day 1, Feb 2026', { kind: 'monthly', startDay: 1 }, '2026-02-14', '2026-02-01..2026-02-28'],
    ['day 1, Feb 2024', { kind: 'monthly', startDay: 1 }, '2024-02-14', '2024-02-01..2024-02-29'],
    ['day 1, 31 Dec', { kind: 'monthly', startDay: 1 }, '2026-12-31', '2026-12-01..2026-12-31'],
    // weekly and bi-weekly across 29 February
    [
      'weekly over leap day',
      { kind: 'weekly', anchor: d('2024-02-26') },
      '2024-02-29',
      '2024-02-26..2024-03-03',
    ],
    [
      'weekly anchored 29 Feb',
      { kind: 'weekly', anchor: d('2024-02-29') },
      '2024-03-07',
      '2024-03-07..2024-03-13',
    ],
    [
      'weekly before anchor',
      { kind: 'weekly', anchor: d('2024-02-29') },
      '2024-02-28',
      '2024-02-22..2024-02-28',
    ],
    [
      'biweekly over leap day',
      { kind: 'biweekly', anchor: d('2024-02-16') },
      '2024-02-29',
      '2024-02-16..2024-02-29',
    ],
    [
      'biweekly after leap day',
      { kind: 'biweekly', anchor: d('2024-02-16') },
      '2024-03-01',
      '2024-03-01..2024-03-14',
    ],
    // bi-weekly anchors
    [
      'biweekly on the anchor',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-02',
      '2026-01-02..2026-01-15',
    ],
    [
      'biweekly +13 days',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-15',
      '2026-01-02..2026-01-15',
    ],
    [
      'biweekly +14 days',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-16',
      '2026-01-16..2026-01-29',
    ],
    [
      'biweekly +15 days',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-17',
      '2026-01-16..2026-01-29',
    ],
    [
      'biweekly −1 day',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-01',
      '2025-12-19..2026-01-01',
    ],
    [
      'biweekly −14 days',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2025-12-19',
      '2025-12-19..2026-01-01',
    ],
    [
      'biweekly −15 days',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2025-12-18',
      '2025-12-05..2025-12-18',
    ],
    [
      'biweekly a year before',
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2025-01-01',
      '2024-12-20..2025-01-02',
    ],
    // quarterly
    ['quarter, calendar', { kind: 'quarterly' }, '2026-05-15', '2026-04-01..2026-06-30'],
    ['quarter, 31 Dec', { kind: 'quarterly' }, '2026-12-31', '2026-10-01..2026-12-31'],
    ['quarter from Feb', { kind: 'quarterly', startMonth: 2 }, '2026-01-15', '2025-11-01..2026-01-31'],
    ['quarter from Feb, leap', { kind: 'quarterly', startMonth: 2 }, '2024-02-29', '2024-02-01..2024-04-30'],
    ['quarter from Dec', { kind: 'quarterly', startMonth: 12 }, '2026-02-28', '2025-12-01..2026-02-28'],
    // yearly
    ['year, calendar, leap', { kind: 'yearly' }, '2024-02-29', '2024-01-01..2024-12-31'],
    [
      'tax year, day before',
      { kind: 'yearly', startMonth: 4, startDay: 6 },
      '2026-04-05',
      '2025-04-06..2026-04-05',
    ],
    [
      'tax year, first day',
      { kind: 'yearly', startMonth: 4, startDay: 6 },
      '2026-04-06',
      '2026-04-06..2027-04-05',
    ],
    ['fiscal July', { kind: 'yearly', startMonth: 7 }, '2026-01-01', '2025-07-01..2026-06-30'],
    [
      'from 29 Feb, leap',
      { kind: 'yearly', startMonth: 2, startDay: 29 },
      '2024-03-01',
      '2024-02-29..2025-02-27',
    ],
    [
      'from 29 Feb, common',
      { kind: 'yearly', startMonth: 2, startDay: 29 },
      '2025-02-28',
      '2025-02-28..2026-02-27',
    ],
    [
      'from 29 Feb, into leap',
      { kind: 'yearly', startMonth: 2, startDay: 29 },
      '2028-02-28',
      '2027-02-28..2028-02-28',
    ],
    [
      'from 29 Feb, 2028',
      { kind: 'yearly', startMonth: 2, startDay: 29 },
      '2028-02-29',
      '2028-02-29..2029-02-27',
    ],
    // custom
    [
      'custom, first day',
      { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') },
      '2026-03-10',
      '2026-03-10..2026-04-20',
    ],
    [
      'custom, last day',
      { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') },
      '2026-04-20',
      '2026-03-10..2026-04-20',
    ],
  ])('%s: %s → %s', (_name, recurrence, date, expected) => {
    expect(periodContaining(recurrence, d(date))).toEqual(range(expected));
  });

  it('a date outside a custom range has no period', () => {
    const custom: Recurrence = { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') };
    expect(caught(() => periodContaining(custom, d('2026-04-21'))).code).toBe('VALIDATION_FAILED');
    expect(caught(() => periodContaining(custom, d('2026-03-09'))).code).toBe('VALIDATION_FAILED');
  });
});

describe('nextPeriod and previousPeriod', () => {
  it.each<[Recurrence, string, string, string]>([
    [
      { kind: 'monthly', startDay: 31 },
      '2024-01-31..2024-02-28',
      '2024-02-29..2024-03-30',
      '2023-12-31..2024-01-30',
    ],
    [
      { kind: 'monthly', startDay: 25 },
      '2026-04-25..2026-05-24',
      '2026-05-25..2026-06-24',
      '2026-03-25..2026-04-24',
    ],
    [
      { kind: 'biweekly', anchor: d('2026-01-02') },
      '2026-01-02..2026-01-15',
      '2026-01-16..2026-01-29',
      '2025-12-19..2026-01-01',
    ],
    [
      { kind: 'quarterly', startMonth: 3 },
      '2026-03-01..2026-05-31',
      '2026-06-01..2026-08-31',
      '2025-12-01..2026-02-28',
    ],
    [
      { kind: 'yearly', startMonth: 2, startDay: 29 },
      '2027-02-28..2028-02-28',
      '2028-02-29..2029-02-27',
      '2026-02-28..2027-02-27',
    ],
  ])('%j: after %s comes %s, before it %s', (recurrence, period, next, previous) => {
    expect(nextPeriod(recurrence, range(period))).toEqual(range(next));
    expect(previousPeriod(recurrence, range(period))).toEqual(range(previous));
  });

  it('a custom range has neither', () => {
    const custom: Recurrence = { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') };
    expect(nextPeriod(custom, range('2026-03-10..2026-04-20'))).toBeNull();
    expect(previousPeriod(custom, range('2026-03-10..2026-04-20'))).toBeNull();
  });
});

describe('periodsBetween', () => {
  it.each<[Recurrence, string, string, string[]]>([
    [
      { kind: 'monthly', startDay: 25 },
      '2026-01-01',
      '2026-03-31',
      [
        '2025-12-25..2026-01-24',
        '2026-01-25..2026-02-24',
        '2026-02-25..2026-03-24',
        '2026-03-25..2026-04-24',
      ],
    ],
    [{ kind: 'monthly', startDay: 1 }, '2026-02-01', '2026-02-28', ['2026-02-01..2026-02-28']],
    [
      { kind: 'weekly', anchor: d('2026-01-05') },
      '2026-01-11',
      '2026-01-12',
      ['2026-01-05..2026-01-11', '2026-01-12..2026-01-18'],
    ],
    [{ kind: 'yearly' }, '2024-06-01', '2025-01-01', ['2024-01-01..2024-12-31', '2025-01-01..2025-12-31']],
    [
      { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') },
      '2026-01-01',
      '2026-03-10',
      ['2026-03-10..2026-04-20'],
    ],
    [
      { kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') },
      '2026-04-20',
      '2026-12-31',
      ['2026-03-10..2026-04-20'],
    ],
    [{ kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') }, '2026-04-21', '2026-12-31', []],
  ])('%j from %s to %s', (recurrence, from, to, expected) => {
    expect(periodsBetween(recurrence, d(from), d(to))).toEqual(expected.map(range));
  });

  it('lists at most 1,000 periods', () => {
    const weekly: Recurrence = { kind: 'weekly', anchor: d('2026-01-01') };
    expect(periodsBetween(weekly, d('2026-01-01'), addDays(d('2026-01-01'), 6_999))).toHaveLength(1_000);
    expect(caught(() => periodsBetween(weekly, d('2026-01-01'), addDays(d('2026-01-01'), 7_000))).code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses a range that ends before it starts', () => {
    const error = caught(() =>
      periodsBetween({ kind: 'monthly', startDay: 1 }, d('2026-02-01'), d('2026-01-31')),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors[0]?.field).toBe('/to');
  });
});

describe('isPeriodStart', () => {
  it.each<[Recurrence, string, boolean]>([
    [{ kind: 'monthly', startDay: 31 }, '2025-02-28', true],
    [{ kind: 'monthly', startDay: 31 }, '2024-02-28', false],
    [{ kind: 'biweekly', anchor: d('2026-01-02') }, '2025-12-19', true],
    [{ kind: 'biweekly', anchor: d('2026-01-02') }, '2025-12-26', false],
    [{ kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') }, '2026-03-10', true],
    [{ kind: 'custom', start: d('2026-03-10'), end: d('2026-04-20') }, '2026-03-11', false],
  ])('%j, %s → %s', (recurrence, date, expected) => {
    expect(isPeriodStart(recurrence, d(date))).toBe(expected);
  });
});
