import { addDays, type IsoDate, isoDate } from '../calendar/date.ts';

/** How a report buckets time. Weeks run Monday to Sunday (ISO 8601) and are labelled `2026-W03`. */
export type Interval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** One bucket of a report, clipped to the report's range. */
export interface Period {
  /** `2026-01-05`, `2026-W02`, `2026-01`, `2026-Q1` or `2026`. */
  readonly label: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
}

/** The ISO week label of a date: the week belongs to the year of its Thursday. */
function isoWeekLabel(date: IsoDate): string {
  const thursday = addDays(date, 3 - weekday(date));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(isoDate(`${year}-01-04`), 3 - weekday(`${year}-01-04`));
  const week = 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** The calendar bucket holding `date`, unclipped. */
export function bucketOf(date: IsoDate, interval: Interval): Period {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const lastOfMonth = (y: number, m: number) =>
    addDays(isoDate(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`), -1);
  switch (interval) {
    case 'day':
      return { label: date, start: date, end: date };
    case 'week': {
      const start = addDays(date, -weekday(date));
      return { label: isoWeekLabel(date), start, end: addDays(start, 6) };
    }
    case 'month':
      return {
        label: date.slice(0, 7),
        start: isoDate(`${date.slice(0, 7)}-01`),
        end: lastOfMonth(year, month),
      };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      return {
        label: `${year}-Q${q + 1}`,
        start: isoDate(`${year}-${pad(q * 3 + 1)}-01`),
        end: lastOfMonth(year, q * 3 + 3),
      };
    }
    case 'year':
      return { label: String(year), start: isoDate(`${year}-01-01`), end: isoDate(`${year}-12-31`) };
  }
}

/** Every bucket that meets [from, to], in order, each clipped to the range. */
export function periodsBetween(from: IsoDate, to: IsoDate, interval: Interval): Period[] {
  const periods: Period[] = [];
  let cursor = from;
  while (cursor <= to) {
    const bucket = bucketOf(cursor, interval);
    const end = bucket.end < to ? bucket.end : to;
    periods.push({ label: bucket.label, start: cursor, end });
    cursor = addDays(end, 1);
  }
  return periods;
}

/** How many buckets [from, to] spans, without building them (to refuse huge requests cheaply). */
export function countPeriods(from: IsoDate, to: IsoDate, interval: 'day' | 'month'): number {
  if (interval === 'day') return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return months(to) - months(from) + 1;
}
