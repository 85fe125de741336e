import { currency, parseMoney } from '../../core/money/index.ts';
import type { MoneyJson } from '../api/types.ts';

/** Scales for the SVG charts: geometry from plain numbers, never used for arithmetic on money. */

/** A "nice" upper bound for an axis: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= value)!;
}

/** Minor units as a plain number, for chart geometry only: every label shows the exact decimal. */
export function plotValue(value: MoneyJson): number {
  const minor = parseMoney(value.amount, currency(value.currency)).minor;
  const exponent = value.amount.split('.')[1]?.length ?? 0;
  return Number(minor) / 10 ** exponent;
}
