import type { IsoDate } from '../calendar/date.ts';
import { daysInMonth } from '../calendar/date.ts';
import { fail } from '../errors.ts';

/**
 * How a budget's periods repeat.
 * - `weekly` / `biweekly`: 7 or 14 days, counted from `anchor` forwards and backwards, so any date
 *   (before the anchor too) falls in exactly one period; the anchor starts a period.
 * - `monthly`: each period starts on `startDay` of a month and ends the day before the next start.
 *   A payday on the 25th makes the period 25 Apr – 24 May (labelled May, the month it mostly
 *   covers). A start day beyond a month's length clamps to that month's last day: with 31 the
 *   periods start 31 Jan, 28 Feb (29 in a leap year), 31 Mar, 30 Apr, 31 May, …
 * - `quarterly`: three calendar months from the 1st of `startMonth` (default January), of
 *   `startMonth + 3`, and so on.
 * - `yearly`: from `startDay` (default 1) of `startMonth` (default January) to the day before the
 *   next year's start; a 29 February start clamps to 28 February in common years.
 * - `custom`: exactly one period, `start` to `end` inclusive.
 */
export type Recurrence =
  | { readonly kind: 'weekly'; readonly anchor: IsoDate }
  | { readonly kind: 'biweekly'; readonly anchor: IsoDate }
  | { readonly kind: 'monthly'; readonly startDay: number }
  | { readonly kind: 'quarterly'; readonly startMonth?: number }
  | { readonly kind: 'yearly'; readonly startMonth?: number; readonly startDay?: number }
  | { readonly kind: 'custom'; readonly start: IsoDate; readonly end: IsoDate };

export type RecurrenceKind = Recurrence['kind'];

/** A budget period, both ends inclusive. */
export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** Checks the numbers of a recurrence, failing with VALIDATION_FAILED naming the field. */
export function checkRecurrence(recurrence: Recurrence): Recurrence {
  switch (recurrence.kind) {
    case 'weekly':
    case 'biweekly':
      return recurrence;
    case 'monthly':
      checkInteger('/startDay', recurrence.startDay, 1, 31, 'a day of the month');
      return recurrence;
    case 'quarterly':
      checkInteger('/startMonth', recurrence.startMonth ?? 1, 1, 12, 'a month');
      return recurrence;
    case 'yearly': {
      const month = recurrence.startMonth ?? 1;
      checkInteger('/startMonth', month, 1, 12, 'a month');
      // The longest the month ever is (29 for February): 30 February is refused, 29 clamps.
      const longest = month === 2 ? 29 : daysInMonth(2024, month);
      checkInteger('/startDay', recurrence.startDay ?? 1, 1, longest, `a day of month ${month}`);
      return recurrence;
    }
    case 'custom':
      if (recurrence.end < recurrence.start) {
        fail('VALIDATION_FAILED', 'A custom period must not end before it starts.', [
          {
            field: '/end',
            code: 'VALIDATION_FAILED',
            message: `The end is before the start ${recurrence.start}.`,
          },
        ]);
      }
      return recurrence;
  }
}

function checkInteger(field: string, value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    const message = `${String(value)} is not ${what} (${min}–${max}).`;
    fail('VALIDATION_FAILED', message, [{ field, code: 'VALIDATION_FAILED', message }]);
  }
}
