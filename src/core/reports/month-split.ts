import { addDays, type IsoDate } from '../calendar/date.ts';

/**
 * How a date range is read: its whole calendar months from the monthly roll-ups, and the days
 * outside them (a partial month at either end) from the postings. `from: null` means since the
 * beginning of the ledger.
 */
export interface MonthSplit {
  /** Whole months inside the range, 'YYYY-MM' inclusive (`from: null`: every earlier month); null when none. */
  readonly months: { readonly from: string | null; readonly to: string } | null;
  /** At most two day ranges, inclusive, read from the postings. */
  readonly days: readonly { readonly from: IsoDate | null; readonly to: IsoDate }[];
}

const monthOf = (date: string) => date.slice(0, 7);

function shiftMonth(month: string, by: 1 | -1): string {
  let year = Number(month.slice(0, 4));
  let number = Number(month.slice(5, 7)) + by;
  if (number === 13) [year, number] = [year + 1, 1];
  if (number === 0) [year, number] = [year - 1, 12];
  return `${String(year).padStart(4, '0')}-${String(number).padStart(2, '0')}`;
}

export function splitByMonths(from: IsoDate | null, to: IsoDate): MonthSplit {
  const endsMonth = addDays(to, 1).endsWith('-01');
  const lastWhole = endsMonth ? monthOf(to) : shiftMonth(monthOf(to), -1);
  const startsMonth = from === null || from.endsWith('-01');
  const firstWhole = from === null ? null : startsMonth ? monthOf(from) : shiftMonth(monthOf(from), 1);
  if (firstWhole !== null && firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: IsoDate | null; to: IsoDate }[] = [];
  if (!startsMonth) days.push({ from, to: addDays(`${firstWhole}-01` as IsoDate, -1) });
  if (!endsMonth) days.push({ from: `${monthOf(to)}-01` as IsoDate, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}
