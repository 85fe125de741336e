import { isIsoDate } from '../../calendar/date.ts';

/**
 * QIF dates: `12/25/2001`, `1/ 5'98`, `8/31' 0` (Quicken's apostrophe years, padded with spaces),
 * `D2/10'2020`, `23/10/2013`, `12.25.01`, `2001-12-25`, and `03/25/099` (a year counted from
 * 1900). The file never says whether the month or the day comes first, so the order is inferred
 * from every record of the file together, and asked of the user when no date settles it.
 */

export const QIF_DATE_ORDERS = ['MDY', 'DMY'] as const;
export type QifDateOrder = (typeof QIF_DATE_ORDERS)[number];

export interface QifDateParts {
  /** The first two numbers as written (month and day in some order), or month and day for `YYYY-MM-DD`. */
  first: number;
  second: number;
  year: number;
  /** `YYYY-MM-DD`: no order to infer. */
  yearFirst: boolean;
  /** Text after the date on the same line (some bank exports glue the description to the date). */
  trailing: string;
}

const DAY_MONTH_YEAR = /^\s*(\d{1,4})\s*[/.\-']\s*(\d{1,2})\s*[/.\-']\s*(\d{1,4})(.*)$/s;

export function splitQifDate(text: string): QifDateParts | null {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return null;
  const [, a, b, c, rest] = match;
  const trailing = rest!.trim();
  if (a!.length === 4) {
    if (c!.length > 2) return null;
    return { first: Number(b), second: Number(c), year: Number(a), yearFirst: true, trailing };
  }
  if (a!.length > 2) return null;
  return { first: Number(a), second: Number(b), year: fullYear(c!), yearFirst: false, trailing };
}

/**
 * Four digits as written; three digits count from 1900 (`099` → 1999, as some 1999 bank exports
 * wrote); one or two digits fall in 1969–2068, the usual two-digit window (`95` → 1995, `' 0` → 2000).
 */
function fullYear(digits: string): number {
  const value = Number(digits);
  if (digits.length === 4) return value;
  if (digits.length === 3) return 1900 + value;
  return value >= 69 ? 1900 + value : 2000 + value;
}

/** The ISO date of `parts` read in `order`, or null when that is no calendar date. */
export function qifIsoDate(parts: QifDateParts, order: QifDateOrder): string | null {
  const [month, day] =
    parts.yearFirst || order === 'MDY' ? [parts.first, parts.second] : [parts.second, parts.first];
  const iso = `${String(parts.year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export interface DateOrderInference {
  order: QifDateOrder;
  /** Both orders fit every date and give different days for some: the user must choose. */
  ambiguous: boolean;
  /** A date that reads differently in the two orders, with both readings, to show in the question. */
  example: { text: string; mdy: string; dmy: string } | null;
}

/**
 * The order that fits every date: `23/10/2013` settles DMY, `2/14/2020` MDY. When dates contradict
 * each other the order more of them fit wins (the rest become invalid dates). When nothing settles
 * it, MDY, Quicken's own order, is the provisional reading.
 */
export function inferDateOrder(dates: readonly { text: string; parts: QifDateParts }[]): DateOrderInference {
  let onlyMdy = 0;
  let onlyDmy = 0;
  let example: DateOrderInference['example'] = null;
  for (const { text, parts } of dates) {
    if (parts.yearFirst) continue;
    const mdy = qifIsoDate(parts, 'MDY');
    const dmy = qifIsoDate(parts, 'DMY');
    if (mdy && !dmy) onlyMdy++;
    else if (dmy && !mdy) onlyDmy++;
    else if (mdy && dmy && mdy !== dmy) example ??= { text: withoutTrailing(text, parts), mdy, dmy };
  }
  if (onlyMdy > 0 || onlyDmy > 0)
    return { order: onlyDmy > onlyMdy ? 'DMY' : 'MDY', ambiguous: false, example };
  return { order: 'MDY', ambiguous: example !== null, example };
}

function withoutTrailing(text: string, parts: QifDateParts): string {
  const trimmed = text.trim();
  return trimmed.slice(0, trimmed.length - parts.trailing.length).trim();
}
