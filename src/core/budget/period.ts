import { addDays, type IsoDate } from '../calendar/date.ts';
import { fail } from '../errors.ts';
import { clampedDate, dateParts, dayNumber, floorDiv, fromDayNumber } from './day.ts';
import { checkRecurrence, type Period, type Recurrence } from './recurrence.ts';

/** The most periods one call lists: 1,000 (19 years of weeks, 83 of months). */
export const MAX_PERIODS = 1_000;

/**
 * The period of `recurrence` that holds `date`. Periods of every recurrence tile the calendar:
 * each date is in exactly one, and each period ends the day before the next starts. A custom
 * range has only itself; a date outside it fails with VALIDATION_FAILED.
 */
export function periodContaining(recurrence: Recurrence, date: IsoDate): Period {
  checkRecurrence(recurrence);
  switch (recurrence.kind) {
    case 'weekly':
      return everyNDays(recurrence.anchor, 7, date);
    case 'biweekly':
      return everyNDays(recurrence.anchor, 14, date);
    case 'monthly':
      return monthly(recurrence.startDay, date);
    case 'quarterly':
      return quarterly(recurrence.startMonth ?? 1, date);
    case 'yearly':
      return yearly(recurrence.startMonth ?? 1, recurrence.startDay ?? 1, date);
    case 'custom':
      if (date < recurrence.start || date > recurrence.end) {
        fail(
          'VALIDATION_FAILED',
          `${date} is outside the custom period ${recurrence.start}…${recurrence.end}.`,
        );
      }
      return { start: recurrence.start, end: recurrence.end };
  }
}

/** The period after `period`; null for a custom range, which has no next. */
export function nextPeriod(recurrence: Recurrence, period: Period): Period | null {
  if (recurrence.kind === 'custom') return null;
  return periodContaining(recurrence, addDays(period.end, 1));
}

/** The period before `period`; null for a custom range, which has no previous. */
export function previousPeriod(recurrence: Recurrence, period: Period): Period | null {
  if (recurrence.kind === 'custom') return null;
  return periodContaining(recurrence, addDays(period.start, -1));
}

/** Whether `date` is the first day of one of the recurrence's periods. */
export function isPeriodStart(recurrence: Recurrence, date: IsoDate): boolean {
  if (recurrence.kind === 'custom') return date === recurrence.start;
  return periodContaining(recurrence, date).start === date;
}

/**
 * Every period that overlaps `from`…`to` (inclusive), in order: the first holds `from`, the last
 * holds `to`. A custom range gives itself when it overlaps, else nothing. More than MAX_PERIODS
 * periods, or `to` before `from`, fail with VALIDATION_FAILED.
 */
export function periodsBetween(recurrence: Recurrence, from: IsoDate, to: IsoDate): Period[] {
  checkRecurrence(recurrence);
  if (to < from) {
    fail('VALIDATION_FAILED', 'The range ends before it starts.', [
      { field: '/to', code: 'VALIDATION_FAILED', message: `${to} is before ${from}.` },
    ]);
  }
  if (recurrence.kind === 'custom') {
    const overlaps = recurrence.start <= to && recurrence.end >= from;
    return overlaps ? [{ start: recurrence.start, end: recurrence.end }] : [];
  }
  const periods: Period[] = [];
  let period = periodContaining(recurrence, from);
  for (;;) {
    periods.push(period);
    if (period.end >= to) return periods;
    if (periods.length === MAX_PERIODS) {
      fail('VALIDATION_FAILED', `The range holds more than ${MAX_PERIODS} periods; choose a shorter one.`);
    }
    period = periodContaining(recurrence, addDays(period.end, 1));
  }
}

function everyNDays(anchor: IsoDate, length: number, date: IsoDate): Period {
  const first = dayNumber(anchor);
  const start = first + floorDiv(dayNumber(date) - first, length) * length;
  return { start: fromDayNumber(start), end: fromDayNumber(start + length - 1) };
}

function monthly(startDay: number, date: IsoDate): Period {
  const { year, month } = dateParts(date);
  const thisMonth = clampedDate(year, month, startDay);
  const startMonth = date >= thisMonth ? month : month - 1;
  const start = clampedDate(year, startMonth, startDay);
  return { start, end: addDays(clampedDate(year, startMonth + 1, startDay), -1) };
}

function quarterly(startMonth: number, date: IsoDate): Period {
  const { year, month } = dateParts(date);
  const offset = startMonth - 1;
  const first = offset + floorDiv(year * 12 + month - 1 - offset, 3) * 3; // months since year 0
  return { start: clampedDate(0, first + 1, 1), end: addDays(clampedDate(0, first + 4, 1), -1) };
}

function yearly(startMonth: number, startDay: number, date: IsoDate): Period {
  const { year } = dateParts(date);
  const startYear = date >= clampedDate(year, startMonth, startDay) ? year : year - 1;
  return {
    start: clampedDate(startYear, startMonth, startDay),
    end: addDays(clampedDate(startYear + 1, startMonth, startDay), -1),
  };
}
