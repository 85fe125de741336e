import { daysInMonth, type IsoDate, isoDate } from '../calendar/date.ts';

/**
 * Day arithmetic for periods: dates as whole days since 1970-01-01 (negative before), and dates
 * built from year, month and day. Pure UTC, so no daylight-saving day is ever 23 or 25 hours.
 */
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function dayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromDayNumber(days: number): IsoDate {
  return isoDate(new Date(days * MS_PER_DAY).toISOString().slice(0, 10));
}

export function dateParts(date: IsoDate): DateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The date of `year`-`month` (month may run past 12 or below 1) on `day`, clamped to the month's length. */
export function clampedDate(year: number, month: number, day: number): IsoDate {
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return isoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
}

/** Days from `from` to `to`, both counted: 1 when they are the same day. */
export function daysInclusive(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Floor division that rounds towards −∞ also for negative numbers. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
