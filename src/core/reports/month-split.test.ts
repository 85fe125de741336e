import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type IsoDate, isoDate } from '../calendar/date.ts';
import { splitByMonths } from './month-split.ts';

const d = isoDate;

/** Every day the split covers, whole months expanded, sorted: a day covered twice appears twice. */
function coveredDays(from: IsoDate, to: IsoDate): string[] {
  const split = splitByMonths(from, to);
  const days: string[] = [];
  for (const range of split.days) {
    for (let day = range.from!; day <= range.to; day = addDays(day, 1)) days.push(day);
  }
  if (split.months) {
    for (let day = d(`${split.months.from}-01`); day.slice(0, 7) <= split.months.to; day = addDays(day, 1))
      days.push(day);
  }
  return days.sort();
}

describe('splitByMonths', () => {
  it('reads whole months from roll-ups and the partial ends from postings', () => {
    expect(splitByMonths(d('2006-11-01'), d('2026-10-31'))).toEqual({
      months: { from: '2006-11', to: '2026-10' },
      days: [],
    });
    expect(splitByMonths(d('2026-01-15'), d('2026-04-10'))).toEqual({
      months: { from: '2026-02', to: '2026-03' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
    expect(splitByMonths(d('2026-01-15'), d('2026-02-10'))).toEqual({
      months: null,
      days: [{ from: '2026-01-15', to: '2026-02-10' }],
    });
    expect(splitByMonths(d('2024-02-01'), d('2024-02-29')).months).toEqual({
      from: '2024-02',
      to: '2024-02',
    });
    expect(splitByMonths(d('2025-12-02'), d('2026-01-31'))).toEqual({
      months: { from: '2026-01', to: '2026-01' },
      days: [{ from: '2025-12-02', to: '2025-12-31' }],
    });
  });

  it('reads everything before a date as open-ended months and the month so far', () => {
    expect(splitByMonths(null, d('2026-11-21'))).toEqual({
      months: { from: null, to: '2026-10' },
      days: [{ from: '2026-11-01', to: '2026-11-21' }],
    });
    expect(splitByMonths(null, d('2026-12-31'))).toEqual({ months: { from: null, to: '2026-12' }, days: [] });
  });

  it('covers every day of any range exactly once', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => addDays(d('2023-11-15'), n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, length) => {
        const to = addDays(from, length);
        const expected: string[] = [];
        for (let x = from; x <= to; x = addDays(x, 1)) expected.push(x);
        expect(coveredDays(from, to)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
