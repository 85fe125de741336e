import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoDate } from '../calendar/date.ts';
import { dayNumber, daysInclusive, fromDayNumber } from './day.ts';
import { isPeriodStart, nextPeriod, periodContaining, periodsBetween, previousPeriod } from './period.ts';
import type { Recurrence } from './recurrence.ts';

const d = (text: string) => isoDate(text);

/** Any date from 1900 to 2200. */
const date = fc
  .integer({ min: dayNumber(d('1900-01-01')), max: dayNumber(d('2200-12-31')) })
  .map((day) => fromDayNumber(day));

const recurrence: fc.Arbitrary<Recurrence> = fc.oneof(
  date.map((anchor): Recurrence => ({ kind: 'weekly', anchor })),
  date.map((anchor): Recurrence => ({ kind: 'biweekly', anchor })),
  fc.integer({ min: 1, max: 31 }).map((startDay): Recurrence => ({ kind: 'monthly', startDay })),
  fc.integer({ min: 1, max: 12 }).map((startMonth): Recurrence => ({ kind: 'quarterly', startMonth })),
  fc
    .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .map(([startMonth, day]): Recurrence => {
      const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][startMonth - 1]!;
      return { kind: 'yearly', startMonth, startDay: Math.min(day, longest) };
    }),
);

const LENGTHS: Record<string, [number, number]> = {
  weekly: [7, 7],
  biweekly: [14, 14],
  monthly: [28, 31],
  quarterly: [89, 92],
  yearly: [365, 366],
};

describe('periods tile the timeline', () => {
  it('the period holding a date holds it, and is the period of its own first and last day', () => {
    fc.assert(
      fc.property(recurrence, date, (r, day) => {
        const period = periodContaining(r, day);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(periodContaining(r, period.start)).toEqual(period);
        expect(periodContaining(r, period.end)).toEqual(period);
        const [shortest, longest] = LENGTHS[r.kind]!;
        const length = daysInclusive(period.start, period.end);
        expect(length >= shortest && length <= longest).toBe(true);
      }),
    );
  });

  it('consecutive periods meet without gap or overlap, and previous undoes next', () => {
    fc.assert(
      fc.property(recurrence, date, (r, day) => {
        const period = periodContaining(r, day);
        const next = nextPeriod(r, period)!;
        expect(next.start).toBe(addDays(period.end, 1));
        expect(previousPeriod(r, next)).toEqual(period);
        expect(isPeriodStart(r, next.start)).toBe(true);
      }),
    );
  });

  it('periodsBetween lists adjacent periods covering the range', () => {
    fc.assert(
      fc.property(recurrence, date, fc.integer({ min: 0, max: 400 }), (r, from, span) => {
        const to = addDays(from, span);
        const periods = periodsBetween(r, from, to);
        expect(periods[0]!.start <= from).toBe(true);
        expect(periods.at(-1)!.end >= to).toBe(true);
        periods.slice(1).forEach((period, index) => {
          expect(period.start).toBe(addDays(periods[index]!.end, 1));
        });
      }),
    );
  });
});
