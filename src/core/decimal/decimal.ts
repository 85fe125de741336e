import Big from 'big.js';
import { fail } from '../errors.ts';

/**
 * Exact decimals for quantities that are not currency amounts: shares, coin units, prices,
 * exchange rates. Backed by big.js in strict mode, so a JS number can never sneak in.
 */
export type Decimal = Big;

const Strict = Big();
Strict.strict = true;
Strict.DP = 30;
Strict.RM = Big.roundHalfEven;

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** The most significant digits a quantity may carry: plenty for satoshis and wei-scaled tokens. */
export const MAX_DIGITS = 38;

export function parseDecimal(text: string): Decimal {
  if (!DECIMAL.test(text)) {
    fail('INVALID_AMOUNT', `'${text.slice(0, 40)}' is not a decimal number such as "0.125".`);
  }
  if (text.replace(/[^\d]/g, '').length > MAX_DIGITS) {
    fail('AMOUNT_OUT_OF_RANGE', `A quantity has at most ${MAX_DIGITS} digits.`);
  }
  return new Strict(text.replace(/^\+/, '')); // big.js refuses a leading plus sign
}

/** Plain notation without exponent and without trailing zeros: `0.00000001`, `-12.5`, `3`. */
export function formatDecimal(value: Decimal): string {
  return value.toFixed();
}

/** Rounds to `places` fractional digits, half to even (banker's rounding). */
export function roundDecimal(value: Decimal, places: number): Decimal {
  return value.round(places, Big.roundHalfEven);
}
