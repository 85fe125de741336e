/**
 * Exact decimals of a rule (amount bounds, fixed split amounts, percentages) as an integer and a
 * scale: "-12.345" is -12345 / 10^3. The currency is only known when a rule meets a transaction,
 * so the conversion to minor units happens then, still in integers.
 */
export interface Exact {
  readonly units: bigint;
  readonly scale: number;
}

/** A signed decimal as a rule holds it: at most 20 digits before and 20 after the point. */
export const EXACT_DECIMAL = /^([+-])?(\d{1,20})(?:\.(\d{1,20}))?$/;

export function parseExact(text: string): Exact | null {
  const match = EXACT_DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole! + fraction);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** -1, 0 or 1 as a compares to b. */
export function compareExact(a: Exact, b: Exact): number {
  const scale = Math.max(a.scale, b.scale);
  const left = a.units * pow10(scale - a.scale);
  const right = b.units * pow10(scale - b.scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function addExact(a: Exact, b: Exact): Exact {
  const scale = Math.max(a.scale, b.scale);
  return { units: a.units * pow10(scale - a.scale) + b.units * pow10(scale - b.scale), scale };
}

/** The value in minor units of a currency with `exponent` digits, when it is exactly representable. */
export function exactMinor(value: Exact, exponent: number): bigint | null {
  if (value.scale <= exponent) return value.units * pow10(exponent - value.scale);
  const divisor = pow10(value.scale - exponent);
  return value.units % divisor === 0n ? value.units / divisor : null;
}

/**
 * The value in minor units rounded so that a range stays exact: a lower bound rounds up
 * (≥ 1.005 EUR is ≥ 1.01), an upper bound rounds down (≤ -1.005 EUR is ≤ -1.01).
 */
export function boundMinor(value: Exact, exponent: number, rounding: 'up' | 'down'): bigint {
  if (value.scale <= exponent) return value.units * pow10(exponent - value.scale);
  const divisor = pow10(value.scale - exponent);
  const quotient = value.units / divisor; // truncates toward zero
  const remainder = value.units % divisor;
  if (remainder === 0n) return quotient;
  if (rounding === 'up') return remainder > 0n ? quotient + 1n : quotient;
  return remainder < 0n ? quotient - 1n : quotient;
}
