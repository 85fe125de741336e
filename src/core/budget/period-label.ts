import { addDays, daysInMonth } from '../calendar/date.ts';
import { clampedDate, dateParts, daysInclusive } from './day.ts';
import type { Period, Recurrence } from './recurrence.ts';

/**
 * What a period is called, as data for the web app to format in the user's language.
 * - monthly: the calendar month the period mostly covers; on a tie (16 Apr – 15 May) the later
 *   month, since a payday period pays for the month ahead. 25 Apr – 24 May is May; 10 Apr – 9 May
 *   is April.
 * - quarterly and yearly: the cycle year, named by the calendar year it starts in (a tax year
 *   from 6 April 2026 is 2026), and for quarters their number within it (Q1 begins at startMonth).
 * - weekly, bi-weekly and custom: the dates themselves.
 */
export type PeriodLabel =
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'year'; readonly year: number }
  | { readonly kind: 'range'; readonly start: Period['start']; readonly end: Period['end'] };

export function periodLabel(recurrence: Recurrence, period: Period): PeriodLabel {
  switch (recurrence.kind) {
    case 'monthly':
      return monthMostlyCovered(period);
    case 'quarterly': {
      const startMonth = recurrence.startMonth ?? 1;
      const { year, month } = dateParts(period.start);
      const sinceCycleStart = (month - startMonth + 12) % 12;
      const cycleYear = month >= startMonth ? year : year - 1;
      return {
        kind: 'quarter',
        year: cycleYear,
        quarter: (Math.floor(sinceCycleStart / 3) + 1) as 1 | 2 | 3 | 4,
      };
    }
    case 'yearly':
      return { kind: 'year', year: dateParts(period.start).year };
    default:
      return { kind: 'range', start: period.start, end: period.end };
  }
}

function monthMostlyCovered(period: Period): PeriodLabel {
  const { year, month } = dateParts(period.start);
  let best = { year, month, days: 0 };
  let cursor = { year, month };
  // A month-long period touches at most three calendar months (a clamped 28 Feb – 30 Mar touches two).
  for (let step = 0; step < 3; step++) {
    const first = clampedDate(cursor.year, cursor.month, 1);
    if (first > period.end) break;
    const last = clampedDate(cursor.year, cursor.month, daysInMonth(cursor.year, cursor.month));
    const from = first > period.start ? first : period.start;
    const to = last < period.end ? last : period.end;
    const days = daysInclusive(from, to);
    if (days >= best.days) best = { ...cursor, days };
    cursor = dateParts(addDays(last, 1));
  }
  return { kind: 'month', year: best.year, month: best.month };
}
