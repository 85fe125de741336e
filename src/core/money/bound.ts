import { fail } from '../errors.ts';
import { MAX_MINOR } from './money.ts';

const NON_NEGATIVE = /^(\d+)(?:\.(\d+))?$/;

/**
 * A non-negative decimal bound in minor units of a currency with `exponent` digits, rounded so
 * that the range stays exact: a lower bound rounds up (≥ 1.005 EUR is ≥ 1.01), an upper bound
 * rounds down (≤ 1.005 EUR is ≤ 1.00). Bounds beyond any amount Moneta holds are clamped to just
 * past MAX_MINOR, so they still fit a 64-bit column and mean what they say.
 */
export function minorBound(text: string, exponent: number, rounding: 'up' | 'down'): bigint {
  const match = NON_NEGATIVE.exec(text);
  if (!match) fail('INVALID_AMOUNT', `'${text.slice(0, 40)}' is not a non-negative decimal such as "25.00".`);
  const [, whole, fraction = ''] = match;
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fraction.slice(exponent);
  let minor = BigInt(whole! + kept);
  if (rounding === 'up' && /[1-9]/.test(dropped)) minor += 1n;
  return minor > MAX_MINOR ? MAX_MINOR + 1n : minor;
}
