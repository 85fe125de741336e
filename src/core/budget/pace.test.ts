import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/date.ts';
import { currency, formatMoney, parseMoney } from '../money/index.ts';
import { type PaceStatus, pace } from './pace.ts';

const EUR = currency('EUR');
const m = (text: string) => parseMoney(text, EUR);
const APRIL = { start: isoDate('2026-04-01'), end: isoDate('2026-04-30') }; // 30 days

describe('pace over April with 300.00 available', () => {
  it.each<[string, string, string, number, string, PaceStatus]>([
    // asOf, spent → elapsed days, expectedByNow, status
    ['before the period', '2026-03-31', '0.00', 0, '0.00', 'on-track'],
    ['before the period, already spending', '2026-03-31', '20.00', 0, '0.00', 'over'],
    ['first day, nothing spent', '2026-04-01', '0.00', 1, '10.00', 'on-track'],
    ['first day, at the tolerance', '2026-04-01', '25.00', 1, '10.00', 'on-track'],
    ['first day, past the tolerance', '2026-04-01', '25.01', 1, '10.00', 'over'],
    ['middle, well under', '2026-04-15', '100.00', 15, '150.00', 'under'],
    ['middle, at the lower edge', '2026-04-15', '135.00', 15, '150.00', 'on-track'],
    ['middle, just under the lower edge', '2026-04-15', '134.99', 15, '150.00', 'under'],
    ['middle, on track', '2026-04-15', '160.00', 15, '150.00', 'on-track'],
    ['middle, at the upper edge', '2026-04-15', '165.00', 15, '150.00', 'on-track'],
    ['middle, ahead of pace', '2026-04-15', '170.00', 15, '150.00', 'over'],
    ['last day, under', '2026-04-30', '280.00', 30, '300.00', 'under'],
    ['last day, on track', '2026-04-30', '290.00', 30, '300.00', 'on-track'],
    ['last day, exactly spent', '2026-04-30', '300.00', 30, '300.00', 'on-track'],
    ['last day, a cent over the limit', '2026-04-30', '300.01', 30, '300.00', 'over'],
    ['after the period', '2026-05-10', '295.00', 30, '300.00', 'on-track'],
    ['refunds exceed spending', '2026-04-15', '-20.00', 15, '150.00', 'under'],
  ])('%s: on %s with %s spent', (_name, asOf, spent, elapsedDays, expectedByNow, status) => {
    const result = pace(APRIL, m('300.00'), m(spent), isoDate(asOf));
    expect(result.totalDays).toBe(30);
    expect(result.elapsedDays).toBe(elapsedDays);
    expect(formatMoney(result.expectedByNow)).toBe(expectedByNow);
    expect(result.status).toBe(status);
  });

  it.each<[string, string, string]>([
    // available, asOf → expectedByNow (half-even to the cent)
    ['100.00', '2026-04-01', '3.33'], // 3.333…
    ['100.00', '2026-04-02', '6.67'], // 6.666…
    ['0.15', '2026-04-01', '0.00'], // 0.005 → 0.00 (to even)
    ['0.15', '2026-04-03', '0.02'], // 0.015 → 0.02 (to even)
    ['0.15', '2026-04-05', '0.02'], // 0.025 → 0.02 (to even)
    ['-30.00', '2026-04-10', '-10.00'],
  ])('expectedByNow of %s on %s is %s', (available, asOf, expected) => {
    expect(formatMoney(pace(APRIL, m(available), m('0.00'), isoDate(asOf)).expectedByNow)).toBe(expected);
  });

  it.each<[string, string, PaceStatus]>([
    // nothing or less available: no tolerance, any spending past it is over
    ['0.00', '0.00', 'on-track'],
    ['0.00', '0.01', 'over'],
    ['-30.00', '0.00', 'over'],
    ['-30.00', '-30.00', 'on-track'],
    ['-30.00', '-40.00', 'under'],
  ])('with %s available and %s spent mid-month: %s', (available, spent, status) => {
    expect(pace(APRIL, m(available), m(spent), isoDate('2026-04-30')).status).toBe(status);
  });
});
