import { currency, formatMoney, parseMoney } from '../../core/money/index.ts';
import type { MoneyJson } from '../api/types.ts';

/** Exact totals of amounts per currency, in first-seen order (bigint minor units, never floats). */
export function sumByCurrency(values: readonly MoneyJson[]): MoneyJson[] {
  const totals = new Map<string, bigint>();
  for (const value of values) {
    const minor = parseMoney(value.amount, currency(value.currency)).minor;
    totals.set(value.currency, (totals.get(value.currency) ?? 0n) + minor);
  }
  return [...totals].map(([code, minor]) => ({
    amount: formatMoney({ minor, currency: currency(code) }),
    currency: code,
  }));
}

export function isZeroAmount(amount: string): boolean {
  return /^-?0*(\.0*)?$/.test(amount);
}
