import { periodContaining } from '../../../core/budget/period.ts';
import type { Recurrence } from '../../../core/budget/recurrence.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import { add, currency, formatMoney, parseMoney, subtract } from '../../../core/money/index.ts';
import type {
  BudgetPeriodJson,
  EnvelopeCategoryJson,
  EnvelopeMoveJson,
  PeriodLabelJson,
  RecurrenceJson,
} from '../../api/types.ts';

/** What the new-budget form holds about the periods, whatever their kind. */
export interface RecurrenceDraft {
  kind: RecurrenceJson['kind'];
  startDay: string;
  anchor: string;
  startMonth: string;
  start: string;
  end: string;
}

export const RECURRENCE_KINDS: readonly { value: RecurrenceJson['kind']; label: string }[] = [
  { value: 'monthly', label: 'Monthly' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'biweekly', label: 'Every two weeks' },
  { value: 'quarterly', label: 'Quarterly' },
  { value: 'yearly', label: 'Yearly' },
  { value: 'custom', label: 'Once, for a date range' },
];

export const ROLLOVER_MODES = [
  { value: 'none', label: 'No rollover: every period starts afresh' },
  { value: 'unspent', label: 'Carry what is left into the next period' },
  { value: 'both', label: 'Carry what is left and what is overspent' },
] as const;

export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyRecurrence(today: string): RecurrenceDraft {
  return { kind: 'monthly', startDay: '1', anchor: today, startMonth: '1', start: today, end: today };
}

/** The recurrence the API takes, from the form's text. */
export function recurrenceOf(draft: RecurrenceDraft): RecurrenceJson {
  switch (draft.kind) {
    case 'monthly':
      return { kind: 'monthly', startDay: Number(draft.startDay) };
    case 'weekly':
    case 'biweekly':
      return { kind: draft.kind, anchor: draft.anchor };
    case 'quarterly':
      return { kind: 'quarterly', startMonth: Number(draft.startMonth) };
    case 'yearly':
      return { kind: 'yearly', startMonth: Number(draft.startMonth) };
    case 'custom':
      return { kind: 'custom', start: draft.start, end: draft.end };
  }
}

/** A problem with the form's periods the browser can see before asking the server, by input. */
export function recurrenceProblems(draft: RecurrenceDraft): Partial<Record<keyof RecurrenceDraft, string>> {
  const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);
  switch (draft.kind) {
    case 'monthly': {
      const day = Number(draft.startDay);
      return Number.isInteger(day) && day >= 1 && day <= 31 && draft.startDay.trim() !== ''
        ? {}
        : { startDay: 'Enter a day of the month from 1 to 31.' };
    }
    case 'weekly':
    case 'biweekly':
      return isDate(draft.anchor) ? {} : { anchor: 'Enter the date a period starts on.' };
    case 'custom':
      if (!isDate(draft.start)) return { start: 'Enter the first day.' };
      if (!isDate(draft.end)) return { end: 'Enter the last day.' };
      return draft.end < draft.start ? { end: 'The last day cannot come before the first.' } : {};
    default:
      return {};
  }
}

/**
 * The first amount's `from`: the start of the period holding today (an amount applies from the first
 * period starting on or after its date), or the range's start for a one-off budget.
 */
export function firstAmountFrom(recurrence: RecurrenceJson, today: string): string {
  if (recurrence.kind === 'custom') return recurrence.start;
  return periodContaining(recurrence as Recurrence, today as IsoDate).start;
}

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function formatDate(iso: string, locale: string, withYear = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    ...(withYear && { year: 'numeric' }),
  }).format(utc(iso));
}

/** "May 2026", "Q2 2026", "2026" or "1 Jun 2026 – 14 Jun 2026". */
export function formatPeriodLabel(label: PeriodLabelJson, locale: string): string {
  switch (label.kind) {
    case 'month':
      return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
        new Date(Date.UTC(label.year ?? 1970, (label.month ?? 1) - 1, 1)),
      );
    case 'quarter':
      return `Q${label.quarter} ${label.year}`;
    case 'year':
      return String(label.year);
    case 'range':
      return `${formatDate(label.start ?? '', locale)} – ${formatDate(label.end ?? '', locale)}`;
  }
}

/** Basis points (8000) as a whole percentage in the locale ("80%", "80 %"); null when nothing is available. */
export function formatPercent(basisPoints: number | string | null, locale: string): string | null {
  if (basisPoints === null) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    Number(basisPoints) / 10_000,
  );
}

/** How wide the bar is drawn: 0–100, the percent clamped. */
export function barWidth(period: Pick<BudgetPeriodJson, 'percent'>): number {
  if (period.percent === null) return 100;
  return Math.max(0, Math.min(100, Number(period.percent) / 100));
}

export function paceText(pace: BudgetPeriodJson['pace']): string {
  switch (pace.status) {
    case 'under':
      return 'Under pace';
    case 'on-track':
      return 'On track';
    case 'over':
      return 'Spending faster than planned';
  }
}

/** How a budget's periods repeat, in words. */
export function describeRecurrence(recurrence: RecurrenceJson, locale: string): string {
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long' }).format(
      new Date(Date.UTC(2000, month - 1, 1)),
    );
  switch (recurrence.kind) {
    case 'monthly':
      return recurrence.startDay === 1 ? 'Monthly' : `Monthly from day ${recurrence.startDay}`;
    case 'weekly':
      return `Weekly from ${formatDate(recurrence.anchor, locale)}`;
    case 'biweekly':
      return `Every two weeks from ${formatDate(recurrence.anchor, locale)}`;
    case 'quarterly':
      return `Quarterly from ${monthName(recurrence.startMonth ?? 1)}`;
    case 'yearly':
      return `Yearly from ${monthName(recurrence.startMonth ?? 1)}`;
    case 'custom':
      return `Once, ${formatDate(recurrence.start, locale)} – ${formatDate(recurrence.end, locale)}`;
  }
}

/** The current calendar month, YYYY-MM (local time). */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

export function isMonth(text: string | null): text is string {
  return text !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The month `by` months from `month` (YYYY-MM). */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** What the month itself assigns to a category: its `assigned` without the moves in and out of it. */
export function ownAssignment(category: EnvelopeCategoryJson, moves: readonly EnvelopeMoveJson[]): string {
  const code = currency(category.assigned.currency);
  let total = parseMoney(category.assigned.amount, code);
  for (const move of moves) {
    const amount = parseMoney(move.amount.amount, code);
    if (move.to === category.categoryId) total = subtract(total, amount);
    if (move.from === category.categoryId) total = add(total, amount);
  }
  return formatMoney(total);
}
