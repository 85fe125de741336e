import { fail } from '../errors.ts';
import { type CurrencyCode, exponentOf } from './currency.ts';

/**
 * An exact amount of one currency, in integer minor units (cents for EUR, yen for JPY, fils for
 * KWD). Never a float. Bigint so that arithmetic cannot silently lose precision; bounded by
 * MAX_MINOR so that every amount also fits a 64-bit database integer and a safe JS number.
 */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

/** The largest magnitude of one amount: 2^53 − 1 minor units (≈ 90 trillion EUR). */
export const MAX_MINOR = 2n ** 53n - 1n;

export function money(minor: bigint, currency: CurrencyCode): Money {
  if (minor > MAX_MINOR || minor < -MAX_MINOR) {
    fail('AMOUNT_OUT_OF_RANGE', `The amount is larger than Moneta can hold (${MAX_MINOR} minor units).`);
  }
  return { minor, currency };
}

export function zero(currency: CurrencyCode): Money {
  return { minor: 0n, currency };
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string (`"-12.34"`, `"1000"`, `"0.5"`) into minor units. No exponents,
 * no thousands separators, no currency symbols: those belong to locale-aware input parsing.
 * More fractional digits than the currency has are refused unless they are zeros
 * (`"1.230"` USD is 1.23; `"1.234"` USD is TOO_MANY_DECIMALS).
 */
export function parseMoney(text: string, currency: CurrencyCode): Money {
  const match = DECIMAL.exec(text);
  if (!match) fail('INVALID_AMOUNT', `'${truncate(text)}' is not a decimal amount such as "-12.34".`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = exponentOf(currency);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    fail(
      'TOO_MANY_DECIMALS',
      `${currency} amounts have ${exponent} decimal${exponent === 1 ? '' : 's'}; '${truncate(text)}' has more.`,
    );
  }
  if (whole!.replace(/^0+/, '').length > 20) {
    fail('AMOUNT_OUT_OF_RANGE', 'The amount is larger than Moneta can hold.');
  }
  const minor = BigInt(whole! + fraction.padEnd(exponent, '0').slice(0, exponent));
  return money(sign === '-' ? -minor : minor, currency);
}

/** The canonical decimal string: `-12.34`, `1000.00`, `-5` for JPY, `0.250` for KWD. */
export function formatMoney(value: Money): string {
  return formatMinor(value.minor, exponentOf(value.currency));
}

export function formatMinor(minor: bigint, exponent: number): string {
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    fail('CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency} without an exchange rate.`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

export function negate(a: Money): Money {
  return { minor: -a.minor, currency: a.currency };
}

export function isZero(a: Money): boolean {
  return a.minor === 0n;
}

export function sign(a: Money): -1 | 0 | 1 {
  return a.minor < 0n ? -1 : a.minor > 0n ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.minor === b.minor;
}

/**
 * The sum of amounts of one currency. Intermediate sums may exceed MAX_MINOR (bigint holds
 * them exactly); only the total must fit.
 */
export function sum(values: Iterable<Money>, currency: CurrencyCode): Money {
  let total = 0n;
  for (const value of values) {
    sameCurrency(value, { minor: 0n, currency });
    total += value.minor;
  }
  return money(total, currency);
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
