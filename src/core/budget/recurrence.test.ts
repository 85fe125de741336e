import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { isoDate } from '../calendar/date.ts';
import { checkRecurrence, type Recurrence } from './recurrence.ts';

const d = (text: string) => isoDate(text);

describe('checkRecurrence', () => {
  it.each<[Recurrence, string]>([
    [{ kind: 'monthly', startDay: 0 }, '/startDay'],
    [{ kind: 'monthly', startDay: 32 }, '/startDay'],
    [{ kind: 'monthly', startDay: 1.5 }, '/startDay'],
    [{ kind: 'quarterly', startMonth: 13 }, '/startMonth'],
    [{ kind: 'yearly', startMonth: 0 }, '/startMonth'],
    [{ kind: 'yearly', startMonth: 2, startDay: 30 }, '/startDay'],
    [{ kind: 'yearly', startMonth: 4, startDay: 31 }, '/startDay'],
    [{ kind: 'custom', start: d('2026-03-10'), end: d('2026-03-09') }, '/end'],
  ])('refuses %j at %s', (recurrence, field) => {
    const error = caught(() => checkRecurrence(recurrence));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors[0]?.field).toBe(field);
  });

  it('accepts a 29 February yearly start and a one-day custom range', () => {
    expect(() => checkRecurrence({ kind: 'yearly', startMonth: 2, startDay: 29 })).not.toThrow();
    expect(() =>
      checkRecurrence({ kind: 'custom', start: d('2026-03-10'), end: d('2026-03-10') }),
    ).not.toThrow();
  });
});
