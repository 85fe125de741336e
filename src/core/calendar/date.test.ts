import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { addDays, daysInMonth, type IsoDate, isIsoDate, isLeapYear, isoDate } from './date.ts';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Any valid date from 1010 to 9990, so that 3,000 days either way stay four-digit years. */
const dateBetween = (first: number, last: number) =>
  fc
    .integer({ min: Date.UTC(first, 0, 1) / 86_400_000, max: Date.UTC(last, 11, 31) / 86_400_000 })
    .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10) as IsoDate);
/** Far enough from the years 1000 and 9999 that ±6000 days stay inside them. */
const innerDate = dateBetween(1030, 9970);

describe('isoDate', () => {
  it.each([
    '2024-02-29',
    '2000-02-29',
    '2400-02-29',
    '2026-01-05',
    '2026-01-31',
    '2026-02-28',
    '2026-04-30',
    '2026-12-31',
    '1000-01-01',
    '1970-01-01',
    '9999-12-31',
  ])('%s is a date', (text) => {
    expect(isIsoDate(text)).toBe(true);
    expect(isoDate(text)).toBe(text);
  });

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2100-02-29',
    '2024-02-30',
    '2026-02-30',
    '2026-04-31',
    '2026-06-31',
    '2026-09-31',
    '2026-11-31',
    '2026-01-32',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '2026-01-5',
    '2026-1-05',
    '26-01-05',
    '05/01/2026',
    '2026/01/05',
    '20260105',
    '2026-01-05T00:00:00Z',
    '2026-01-05 ',
    ' 2026-01-05',
    '2026-01-05\n',
    '+02026-01-05',
    '-2026-01-05',
    '0999-12-31',
    '0000-01-01',
    '10000-01-01',
    '２０２６-01-05',
    '',
    'today',
  ])('%j is not a date', (text) => {
    expect(isIsoDate(text)).toBe(false);
    const error = caught(() => isoDate(text));
    expect(error.code).toBe('INVALID_DATE');
    expect(error.fieldErrors).toEqual([]);
  });

  it('agrees with the Gregorian calendar for every year-month-day triple', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const instant = new Date(Date.UTC(year, month - 1, day));
          const real =
            month >= 1 &&
            day >= 1 &&
            instant.getUTCFullYear() === year &&
            instant.getUTCMonth() === month - 1 &&
            instant.getUTCDate() === day;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
    [1600, true],
    [2028, true],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it.each([
    [1, 31],
    [3, 31],
    [4, 30],
    [5, 31],
    [6, 30],
    [7, 31],
    [8, 31],
    [9, 30],
    [10, 31],
    [11, 30],
    [12, 31],
  ])('month %i has %i days', (month, days) => {
    expect(daysInMonth(2026, month)).toBe(days);
    expect(daysInMonth(2024, month)).toBe(days);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-05', 0, '2026-01-05'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-01', -1, '2026-01-31'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2023-01-01', 365, '2024-01-01'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2024-02-29', -366, '2023-02-28'],
    ['2026-03-28', 2, '2026-03-30'], // a DST change in Europe: irrelevant to calendar days
    ['2026-10-24', 2, '2026-10-26'],
    ['2026-01-15', 30, '2026-02-14'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2026-01-01', 3652, '2036-01-01'],
  ])('%s + %i days is %s', (date, days, expected) => {
    expect(addDays(isoDate(date), days)).toBe(expected);
  });

  it('refuses to leave the years 1000 to 9999', () => {
    expect(() => addDays(isoDate('9999-12-31'), 1)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
    expect(() => addDays(isoDate('1000-01-01'), -1)).toThrow(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });

  it('stays a valid date, steps by exactly one day, and undoes itself', () => {
    fc.assert(
      fc.property(
        innerDate,
        fc.integer({ min: -3000, max: 3000 }),
        fc.integer({ min: -3000, max: 3000 }),
        (date, a, b) => {
          const later = addDays(date, a);
          expect(isIsoDate(later)).toBe(true);
          expect(addDays(later, -a)).toBe(date);
          expect(addDays(addDays(date, a), b)).toBe(addDays(date, a + b));
          const next = addDays(date, 1);
          expect(next > date).toBe(true);
          expect(addDays(next, -1)).toBe(date);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the day after the last of a month is the first of the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const last = isoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`);
        const nextMonth = month === 12 ? `${pad(year + 1, 4)}-01` : `${pad(year, 4)}-${pad(month + 1, 2)}`;
        expect(addDays(last, 1)).toBe(`${nextMonth}-01`);
      }),
      { numRuns: 300 },
    );
  });
});
