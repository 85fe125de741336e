import { fail } from '../errors.ts';
import { type CurrencyCode, currency as checkCurrency, exponentOf } from './currency.ts';
import { MAX_FRACTION_DIGITS, quote } from './locale-rules.ts';
import { formatMinor, type Money } from './money.ts';

export interface LocaleFormatOptions {
  /** An ISO 4217 code: the amount is shown as the locale shows money (`1.234,56 €`, `$1,234.56`). */
  readonly currency?: string;
  readonly currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code';
  /** Negative amounts always carry a minus sign; `always` and `exceptZero` also mark positives. */
  readonly signDisplay?: 'auto' | 'always' | 'exceptZero';
  /**
   * Fraction digits shown at least. Defaults to the currency's exponent with `currency`, else to
   * the digits the decimal string has. Digits beyond it are shown when they are not zeros: an
   * amount is never rounded for display.
   */
  readonly minimumFractionDigits?: number;
  /** `false` leaves out group separators (`1234,56`), as an amount field being edited shows. */
  readonly useGrouping?: boolean;
}

const PLAIN_DECIMAL = /^([+-])?([0-9]+)(?:\.([0-9]+))?$/;

// ————————————————————————————————————————————————————————— formatting

const formatterCache = new Map<string, Intl.NumberFormat>();

/** A cached formatter showing exactly `fractionDigits` fraction digits. */
function formatterOf(
  locale: string,
  code: CurrencyCode | undefined,
  options: LocaleFormatOptions,
  fractionDigits: number,
): Intl.NumberFormat {
  const { currencyDisplay = 'symbol', signDisplay = 'auto', useGrouping = true } = options;
  const key = [locale, code, currencyDisplay, signDisplay, useGrouping, fractionDigits].join('|');
  let format = formatterCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      ...(code ? { style: 'currency', currency: code, currencyDisplay } : {}),
      signDisplay,
      // 'auto' (not true) keeps the locale's minimum grouping digits: es-ES writes 1234,56.
      useGrouping: useGrouping ? 'auto' : false,
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    if (formatterCache.size >= 1000) formatterCache.clear();
    formatterCache.set(key, format);
  }
  return format;
}

let exactStrings: boolean | undefined;

/** Whether this engine formats a decimal string exactly (Intl.NumberFormat v3, Node 20). */
function formatsStringsExactly(): boolean {
  exactStrings ??=
    new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: false }).format(
      '0.10000000000000001',
    ) === '0.10000000000000001';
  return exactStrings;
}

/**
 * Shows an exact plain decimal (`"-1234.56"`) for `locale`: grouped, with the locale's separators
 * and digits and, with `currency`, as the locale shows money (`-1.234,56 €`, `-$1,234.56`, `-¥5`).
 * Never rounds, never goes through a float. Negative amounts always show a minus sign (colour
 * must never be the only signal); `-0` shows as zero.
 */
export function formatLocaleAmount(
  decimal: string,
  locale: string,
  options: LocaleFormatOptions = {},
): string {
  const match = PLAIN_DECIMAL.exec(decimal);
  if (!match) fail('INVALID_AMOUNT', `${quote(decimal)} is not a decimal amount such as "-12.34".`);
  const [, sign, wholeText, fraction = ''] = match;
  if (fraction.length > MAX_FRACTION_DIGITS) {
    fail('INVALID_AMOUNT', `${quote(decimal)} has more than ${MAX_FRACTION_DIGITS} decimals to show.`);
  }
  const code = options.currency === undefined ? undefined : checkCurrency(options.currency);
  const minimum = options.minimumFractionDigits ?? (code ? exponentOf(code) : fraction.length);
  if (!Number.isInteger(minimum) || minimum < 0 || minimum > MAX_FRACTION_DIGITS) {
    throw new RangeError(`minimumFractionDigits must be an integer from 0 to ${MAX_FRACTION_DIGITS}`);
  }
  const significant = fraction.replace(/0+$/, '');
  const digits = significant.padEnd(minimum, '0');
  const whole = wholeText!.replace(/^0+(?=[0-9])/, '');
  const negative = sign === '-' && /[1-9]/.test(whole + digits);
  const format = formatterOf(locale, code, options, digits.length);
  const exact = `${negative ? '-' : ''}${whole}${digits ? `.${digits}` : ''}`;
  return formatsStringsExactly()
    ? format.format(exact as `${number}`)
    : formatByParts(format, negative, whole, digits);
}

/**
 * Formats without trusting Intl with a decimal string: the whole part goes in as a bigint (which
 * Intl formats exactly everywhere) and the fraction digits, written in the locale's digits, replace
 * the zeros Intl wrote. A zero whole part with a sign to show goes in as ±1 and is written back as
 * the locale's zero, so `-0.50` keeps its minus. `format` must show exactly `fraction.length`
 * fraction digits. Exported for tests; `formatLocaleAmount` uses it only on engines older than
 * Intl.NumberFormat v3 (Firefox before 116, Safari before 15.4).
 */
export function formatByParts(
  format: Intl.NumberFormat,
  negative: boolean,
  whole: string,
  fraction: string,
): string {
  const zeroWhole = /^0*$/.test(whole);
  const nonZero = !zeroWhole || /[1-9]/.test(fraction);
  const magnitude = zeroWhole ? (nonZero ? 1n : 0n) : BigInt(whole);
  const zero = format
    .formatToParts(0n)
    .find((p) => p.type === 'integer')!
    .value.codePointAt(0)!;
  const localDigits = (ascii: string) =>
    ascii.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + d.charCodeAt(0) - 0x30));
  return format
    .formatToParts(negative ? -magnitude : magnitude)
    .map((part) => {
      if (part.type === 'fraction') return localDigits(fraction);
      if (part.type === 'integer' && zeroWhole) return String.fromCodePoint(zero);
      return part.value;
    })
    .join('');
}

/** `formatLocaleAmount` of a Money, showing its currency as the locale does. */
export function formatMoneyLocale(
  money: Money,
  locale: string,
  options: Omit<LocaleFormatOptions, 'currency'> = {},
): string {
  return formatLocaleAmount(formatMinor(money.minor, exponentOf(money.currency)), locale, {
    ...options,
    currency: money.currency,
  });
}
