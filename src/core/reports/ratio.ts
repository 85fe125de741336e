/**
 * Exact ratios of money: `numerator / denominator` as a decimal string with a fixed number of
 * places, rounded half to even with bigint arithmetic (no floating point).
 */
export function ratio(numerator: bigint, denominator: bigint, places = 4): string {
  if (denominator === 0n) throw new RangeError('A ratio needs a non-zero denominator.');
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = (numerator < 0n ? -numerator : numerator) * 10n ** BigInt(places);
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = divideHalfEven(n, d);
  const digits = rounded.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/** a / b for non-negative a and positive b, rounded half to even. */
function divideHalfEven(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  const twice = (a % b) * 2n;
  if (twice > b || (twice === b && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}

/** a / b for any signs (b ≠ 0), rounded half to even: an exact average of minor units. */
export function divideMinor(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('Cannot divide by zero.');
  const negative = a < 0n !== b < 0n;
  const magnitude = divideHalfEven(a < 0n ? -a : a, b < 0n ? -b : b);
  return negative ? -magnitude : magnitude;
}

/**
 * The savings rate of a period: net savings ÷ income, as a fraction with 4 decimals
 * (`"0.2500"` is 25 %). Null when there was no income to save from.
 */
export function savingsRate(income: bigint, net: bigint): string | null {
  return income > 0n ? ratio(net, income) : null;
}
