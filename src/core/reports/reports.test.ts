import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/date.ts';
import { csvField, toCsv } from './csv.ts';
import { bucketOf, countPeriods, periodsBetween } from './periods.ts';
import { divideMinor, ratio, savingsRate } from './ratio.ts';

describe('report periods', () => {
  it.each([
    ['2026-01-01', 'week', '2026-W01', '2025-12-29', '2026-01-04'],
    ['2027-01-01', 'week', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2024-12-30', 'week', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2024-02-10', 'month', '2024-02', '2024-02-01', '2024-02-29'],
    ['2026-11-30', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-05-05', 'year', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('%s in a %s is %s (%s … %s)', (date, interval, label, start, end) => {
    expect(bucketOf(isoDate(date), interval)).toEqual({ label, start, end });
  });

  it('clips the first and last periods to the range', () => {
    expect(periodsBetween(isoDate('2026-01-15'), isoDate('2026-03-10'), 'month')).toEqual([
      { label: '2026-01', start: '2026-01-15', end: '2026-01-31' },
      { label: '2026-02', start: '2026-02-01', end: '2026-02-28' },
      { label: '2026-03', start: '2026-03-01', end: '2026-03-10' },
    ]);
    expect(countPeriods(isoDate('2024-01-01'), isoDate('2024-12-31'), 'day')).toBe(366);
    expect(countPeriods(isoDate('2024-11-30'), isoDate('2025-02-01'), 'month')).toBe(4);
  });
});

describe('exact ratios', () => {
  it.each([
    [1n, 3n, '0.3333'],
    [2n, 3n, '0.6667'],
    [-1n, 8n, '-0.1250'],
    [1n, 20_000n, '0.0000'], // 0.00005: half to even → 0.0000
    [3n, 20_000n, '0.0002'], // 0.00015 → 0.0002
    [-320n, 5n, '-64.0000'],
  ])('%d / %d = %s', (a, b, expected) => expect(ratio(a, b)).toBe(expected));

  it('rounds averages half to even and has no savings rate without income', () => {
    expect([divideMinor(5n, 2n), divideMinor(7n, 2n), divideMinor(-5n, 2n)]).toEqual([2n, 4n, -2n]);
    expect(savingsRate(0n, -10n)).toBeNull();
    expect(savingsRate(250000n, 2500n)).toBe('0.0100');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(
      toCsv(
        ['x', 'y'],
        [
          [1, null],
          ['-1.50', 'ok'],
        ],
      ),
    ).toBe('x,y\r\n1,\r\n-1.50,ok\r\n');
  });
});
