import type { IsoDate } from '../core/calendar/date.ts';

/** The one place the server reads the time; the core never does. */
export function now(): string {
  return new Date().toISOString();
}

export function today(): IsoDate {
  return now().slice(0, 10) as IsoDate;
}
