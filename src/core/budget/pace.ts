import type { IsoDate } from '../calendar/date.ts';
import { type Money, money } from '../money/index.ts';
import { dayNumber, daysInclusive } from './day.ts';
import type { Period } from './recurrence.ts';
import { divideHalfEven } from './rounding.ts';

export type PaceStatus = 'under' | 'on-track' | 'over';

/**
 * Spending so far against the elapsed part of a period. The elapsed fraction is exactly
 * `elapsedDays / totalDays`; `asOf` counts as elapsed (the first day is 1/30 of April), a date
 * before the period gives 0 and one after it the whole period.
 */
export interface Pace {
  readonly elapsedDays: number;
  readonly totalDays: number;
  /** available × elapsedDays / totalDays, rounded half to even to a minor unit. */
  readonly expectedByNow: Money;
  readonly status: PaceStatus;
}

/**
 * How far from the straight line spending may stray and still be on track: 5 % of the period's
 * available amount, either way (500 basis points).
 */
export const PACE_TOLERANCE_BP = 500n;

/**
 * The pace of `spent` against `available` over `period` on `asOf`. Status, decided on exact
 * fractions (never on the rounded expectedByNow):
 * - `over` when spent exceeds available, or exceeds the expected amount by more than the tolerance;
 * - `under` when spent is below the expected amount by more than the tolerance;
 * - `on-track` otherwise. With nothing (or less) available there is no tolerance.
 */
export function pace(period: Period, available: Money, spent: Money, asOf: IsoDate): Pace {
  const totalDays = daysInclusive(period.start, period.end);
  const elapsedDays = Math.min(totalDays, Math.max(0, dayNumber(asOf) - dayNumber(period.start) + 1));
  const total = BigInt(totalDays);
  const elapsed = BigInt(elapsedDays);
  const expectedByNow = money(divideHalfEven(available.minor * elapsed, total), available.currency);
  // Everything scaled by totalDays × 10,000 so that the comparison stays in integers.
  const actual = spent.minor * total * 10_000n;
  const expected = available.minor * elapsed * 10_000n;
  const tolerance = (available.minor > 0n ? available.minor : 0n) * PACE_TOLERANCE_BP * total;
  let status: PaceStatus = 'on-track';
  if (spent.minor > available.minor || actual > expected + tolerance) status = 'over';
  else if (actual < expected - tolerance) status = 'under';
  return { elapsedDays, totalDays, expectedByNow, status };
}
