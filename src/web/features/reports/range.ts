/**
 * The reports' shared date range, kept in the URL (`?from=…&to=…`): a hand-edited or missing value
 * falls back to the last 12 months. Pure: `today` comes in as `YYYY-MM-DD`.
 */
export interface DateRange {
  from: string;
  to: string;
}

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (`month` 1–12). */
function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

export type Preset = 'this-month' | 'last-12-months' | 'this-year';

export const presets: readonly [Preset, string][] = [
  ['this-month', 'This month'],
  ['last-12-months', 'Last 12 months'],
  ['this-year', 'This year'],
];

export function presetRange(preset: Preset, today: string): DateRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (preset === 'this-month') return { from: `${today.slice(0, 7)}-01`, to: monthEnd(year, month) };
  if (preset === 'this-year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  // The 12 calendar months ending with this one.
  const start = month === 12 ? { y: year, m: 1 } : { y: year - 1, m: month + 1 };
  return { from: `${start.y}-${pad(start.m)}-01`, to: monthEnd(year, month) };
}

/** The range in the address, or the last 12 months; a reversed range is put the right way round. */
export function readRange(search: URLSearchParams, today: string): DateRange {
  const fallback = presetRange('last-12-months', today);
  const from = search.get('from');
  const to = search.get('to');
  const range = { from: isDate(from) ? from : fallback.from, to: isDate(to) ? to : fallback.to };
  return range.from <= range.to ? range : { from: range.to, to: range.from };
}

/** Which preset, if any, the range is. */
export function matchingPreset(range: DateRange, today: string): Preset | null {
  return (
    presets
      .map(([preset]) => preset)
      .find((preset) => {
        const candidate = presetRange(preset, today);
        return candidate.from === range.from && candidate.to === range.to;
      }) ?? null
  );
}
