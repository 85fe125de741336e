import { fail } from '../errors.ts';
import {
  allCurrencies,
  type CurrencyCode,
  currency as checkCurrency,
  exponentOf,
  isCurrencyCode,
} from './currency.ts';
import { formatMinor, type Money } from './money.ts';

/**
 * Amounts as people read and type them in their locale: `1.234,56` in de-DE, `1,234.56` in
 * en-US, `1 234,56` in fr-FR, `1'234.56` in de-CH, `12,34,567.89` in en-IN, `١٬٢٣٤٫٥٦` in ar-EG.
 *
 * Exactness: nothing here turns an amount into a JS number. Parsing is string surgery on digits;
 * formatting hands Intl the decimal *string* (Intl.NumberFormat v3 formats strings exactly, which
 * Node 20 does), or, on an engine that would round a string through a float, formats the whole
 * part as a bigint and writes the fraction digits in itself.
 *
 * Digits: the formatter writes the locale's own digits (ar-EG shows Arabic-Indic digits, as its
 * readers expect); a locale tag with `-u-nu-latn` (`ar-EG-u-nu-latn`) asks for Latin digits. The
 * parser accepts the decimal digits of every script (and full-width forms) and reads them as 0–9,
 * so whatever the formatter wrote, or a phone keyboard typed, parses back.
 */

export interface Separators {
  readonly decimal: string;
  readonly group: string;
  readonly minusSign: string;
}

export interface LocaleParseOptions {
  /**
   * The currency the amount is in. When given, a currency written beside the amount must be this
   * one (its ISO code, or its symbol in the locale or in English); another is CURRENCY_MISMATCH.
   * When absent, any currency code or symbol beside the amount is stripped.
   */
  readonly currency?: string;
}

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

/** The most fraction digits Intl formats (20 in Node 20) and so the most this module displays. */
const MAX_FRACTION_DIGITS = 20;
/** The longest whole part `parseLocaleAmount` accepts: 16 digits (MAX_MINOR has 16). */
const MAX_WHOLE_DIGITS = 16;

const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const PLAIN_DECIMAL = /^([+-])?([0-9]+)(?:\.([0-9]+))?$/;
/** Characters that group thousands and stand for one another: people type a plain space or `'`. */
const SPACE_GROUPS = [' ', '\u00A0', '\u202F', '\u2009'];
const APOSTROPHE_GROUPS = ["'", '\u2019'];
/** Minus signs typed or pasted besides the locale's own: hyphen-minus, U+2212, en dash. */
const MINUS_SIGNS = ['-', '\u2212', '\u2013'];
const PLUS_SIGNS = ['+'];
/** How people write some currencies besides the symbols Intl uses (`1.234円`, `Fr. 12.50`). */
const WRITTEN_FORMS: Readonly<Record<string, readonly string[]>> = {
  CHF: ['Fr.', 'SFr.'],
  CNY: ['元'],
  DKK: ['kr', 'kr.'],
  INR: ['Rs', 'Rs.'],
  ISK: ['kr', 'kr.'],
  JPY: ['円'],
  NOK: ['kr', 'kr.'],
  SEK: ['kr', 'kr.'],
  USD: ['US$'],
};
/** A currency symbol, possibly with a few letters (`$`, `€`, `US$`, `R$`, `CA$`). */
const SYMBOL = /^\p{L}{0,3}\p{Sc}\p{L}{0,3}$/u;

// ————————————————————————————————————————————————————————— separators

const separatorCache = new Map<string, Separators>();

/** The decimal separator, group separator and minus sign the locale writes numbers with. */
export function separatorsOf(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    found = probeSeparators(new Intl.NumberFormat(locale));
    separatorCache.set(locale, found);
  }
  return found;
}

function probeSeparators(format: Intl.NumberFormat): Separators {
  // -12345.6 is a probe of the locale's number shape, not money.
  const parts = format.formatToParts(-12345.6);
  const part = (type: Intl.NumberFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return Object.freeze({
    decimal: stripBidi(part('decimal')),
    group: stripBidi(part('group')),
    minusSign: stripBidi(part('minusSign')) || '-',
  });
}

// ————————————————————————————————————————————————————————— parsing rules of a locale

/** One way of writing numbers that a locale accepts: its own, or (for ar-EG and the like) Latin. */
interface Profile {
  readonly decimal: string;
  readonly groups: ReadonlySet<string>;
  /** `.` where the decimal is `,` and vice versa: read as a decimal only when it cannot group. */
  readonly alternative: string | undefined;
  /** Groups of two above the thousands (`12,34,567`), as en-IN writes; 3-digit groups also pass. */
  readonly indian: boolean;
}

interface LocaleRules {
  readonly profiles: readonly Profile[];
  readonly minus: ReadonlySet<string>;
  readonly plus: ReadonlySet<string>;
  /** Characters that may open or close the number itself: decimal separators (`.5`, `12.`). */
  readonly edges: ReadonlySet<string>;
}

const rulesCache = new Map<string, LocaleRules>();

function rulesOf(locale: string): LocaleRules {
  let rules = rulesCache.get(locale);
  if (rules) return rules;
  const native = new Intl.NumberFormat(locale);
  const formats = [native];
  if (native.resolvedOptions().numberingSystem !== 'latn') {
    formats.push(new Intl.NumberFormat(locale, { numberingSystem: 'latn' }));
  }
  const profiles: Profile[] = [];
  const minus = new Set(MINUS_SIGNS);
  for (const format of formats) {
    const { decimal, group, minusSign } = probeSeparators(format);
    minus.add(minusSign);
    if (profiles.some((p) => p.decimal === decimal && p.groups.has(group))) continue;
    const family = SPACE_GROUPS.includes(group)
      ? SPACE_GROUPS
      : APOSTROPHE_GROUPS.includes(group)
        ? APOSTROPHE_GROUPS
        : [group];
    const integers = format.formatToParts(1234567).filter((p) => p.type === 'integer');
    profiles.push({
      decimal,
      groups: new Set(family.filter((g) => g !== '')),
      alternative: decimal === ',' ? '.' : decimal === '.' ? ',' : undefined,
      indian: integers.slice(1, -1).some((p) => p.value.length === 2),
    });
  }
  const edges = new Set(profiles.flatMap((p) => (p.alternative ? [p.decimal, p.alternative] : [p.decimal])));
  rules = { profiles, minus, plus: new Set(PLUS_SIGNS), edges };
  rulesCache.set(locale, rules);
  return rules;
}

const symbolCache = new Map<string, ReadonlySet<string>>();

/**
 * Every currency symbol the locale writes for an ISO currency (`€`, `kr`, `zł`, `CHF`, `ج.م.`),
 * except lone Latin letters (`K`, `R`, `L`), which could be a typo rather than a currency.
 */
function localeSymbols(locale: string): ReadonlySet<string> {
  let symbols = symbolCache.get(locale);
  if (!symbols) {
    const all = allCurrencies().flatMap((code) => [
      ...symbolsOf(code, locale),
      ...(WRITTEN_FORMS[code] ?? []),
    ]);
    symbols = new Set(all.filter((symbol) => !/^[A-Za-z]$/.test(symbol)));
    symbolCache.set(locale, symbols);
  }
  return symbols;
}

const currencySymbolCache = new Map<string, readonly string[]>();

/** The symbol and narrow symbol `locale` writes for one currency (`€`; `CA$` and `$`). */
function symbolsOf(code: string, locale: string): readonly string[] {
  const key = `${locale}|${code}`;
  let symbols = currencySymbolCache.get(key);
  if (!symbols) {
    symbols = (['symbol', 'narrowSymbol'] as const)
      .map((currencyDisplay) => {
        const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay });
        // 1 is a probe for the symbol, not money.
        return stripBidi(format.formatToParts(1).find((p) => p.type === 'currency')?.value ?? '').trim();
      })
      .filter((symbol) => symbol !== '');
    currencySymbolCache.set(key, symbols);
  }
  return symbols;
}

// ————————————————————————————————————————————————————————— parseLocaleAmount

/**
 * Reads an amount typed or pasted in `locale` into the canonical plain decimal of a currency with
 * `exponent` fraction digits: the string `formatMinor` writes (`"-1234.56"`, `"0.00"`, `"12"` for
 * JPY), which `parseMoney` accepts. Exact: no float is ever involved.
 *
 * Accepted, around the number: spaces; one sign (`-`, `+`, `−`, en dash, the locale's minus)
 * before or after it (`1.234,56-`, as bank exports write), or accounting parentheses `(12.34)`;
 * one currency code or symbol before or after it (`€`, `$`, `US$`, `EUR`, `kr`, `CHF`, `円`): the
 * ISO codes, every symbol Intl writes in the locale (but lone letters such as `K`), and a few
 * written forms (WRITTEN_FORMS).
 * In the number: digits of any script; the locale's decimal separator once; the locale's group
 * separator between groups of three digits (en-IN: also groups of two above the thousands,
 * `1,23,456.78`); fr-FR's narrow no-break space, a no-break space and a plain space stand for one
 * another, as do de-CH's `'` and `’`. Groups are optional (`1234,56`).
 *
 * Leniency, where unambiguous: the "other" separator (`.` in a comma-decimal locale, `,` in a
 * dot-decimal one) is read as the decimal separator when it is the only separator of its kind,
 * the locale's decimal separator is absent, and it cannot be a group separator: it is not
 * followed by exactly three digits, or only zeros precede it. So in de-DE `12.5` and `12.50` are
 * 12.5, `0.125` is 0.125, but `1.234` is 1234 (a group); in en-US `12,5` is 12.5 and `1,234` is
 * 1234. Where that character is no group separator of the locale (de-CH `,`, fr-FR `.`), the
 * three-digit case (`1,234`) is refused as ambiguous.
 *
 * Fails with INVALID_AMOUNT (the message shows the locale's format) for anything else; with
 * TOO_MANY_DECIMALS for more fraction digits than `exponent` unless the extra ones are zeros;
 * with AMOUNT_OUT_OF_RANGE for a whole part of more than 16 digits; with CURRENCY_MISMATCH when
 * `options.currency` is given and the text names another currency.
 */
export function parseLocaleAmount(
  text: string,
  locale: string,
  exponent: number,
  options: LocaleParseOptions = {},
): string {
  if (!Number.isInteger(exponent) || exponent < 0 || exponent > MAX_FRACTION_DIGITS) {
    throw new RangeError(`exponent must be an integer from 0 to ${MAX_FRACTION_DIGITS}, not ${exponent}`);
  }
  const code = options.currency === undefined ? undefined : checkCurrency(options.currency);
  const rules = rulesOf(locale);
  const invalid: (reason: string) => never = (reason) =>
    fail('INVALID_AMOUNT', `${reason} Type an amount like ${exampleOf(locale, exponent)}.`);
  const shown = quote(text);
  const normal = normalise(text);

  const first = normal.search(/[0-9]/);
  if (first < 0) invalid(normal === '' ? 'The amount is empty.' : `${shown} is not an amount.`);
  let start = first;
  let end = lastDigit(normal) + 1;
  if (start > 0 && rules.edges.has(normal[start - 1]!)) start -= 1;
  if (end < normal.length && rules.edges.has(normal[end]!)) end += 1;
  const body = normal.slice(start, end);

  const before = peel(normal.slice(0, start), rules, '(');
  const after = peel(normal.slice(end), rules, ')');
  const signs = [...before.signs, ...after.signs];
  const bracketed = before.brackets === 1 && after.brackets === 1;
  if (!bracketed && before.brackets + after.brackets > 0) invalid(`${shown} has an unmatched parenthesis.`);
  if (signs.length + (bracketed ? 1 : 0) > 1) invalid(`${shown} has more than one sign.`);
  if (after.signs.length > 0 && rules.edges.has(body[body.length - 1]!)) {
    invalid(`${shown} is ambiguous: write the cents, or the sign before the amount.`);
  }
  const tokens = [before.token, after.token].filter((token) => token !== '');
  if (tokens.length > 1) invalid(`${shown} names a currency twice.`);
  if (tokens.length === 1) checkCurrencyToken(tokens[0]!, locale, code, shown, invalid);
  const negative = bracketed || (signs.length === 1 && rules.minus.has(signs[0]!));

  const { whole, fraction } = readNumber(body, rules, shown, invalid);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    fail(
      'TOO_MANY_DECIMALS',
      exponent === 0
        ? `This currency has no decimals; ${shown} has some.`
        : `This currency has ${exponent} decimal${exponent === 1 ? '' : 's'}; ${shown} has more.`,
    );
  }
  const digits = whole.replace(/^0+/, '');
  if (digits.length > MAX_WHOLE_DIGITS) {
    fail('AMOUNT_OUT_OF_RANGE', `${shown} is larger than Moneta can hold.`);
  }
  const kept = significant.padEnd(exponent, '0');
  const isZero = !/[1-9]/.test(digits + kept);
  return `${negative && !isZero ? '-' : ''}${digits || '0'}${exponent > 0 ? `.${kept}` : ''}`;
}

/** Removes direction marks, maps full-width forms and every script's digits to ASCII, trims. */
function normalise(text: string): string {
  return text
    .replace(BIDI_MARKS, '')
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(NON_ASCII_DIGIT, (d) => digitOf(d))
    .trim();
}

/**
 * The ASCII digit of a Unicode decimal digit. Unicode keeps each script's digits as a contiguous
 * run starting at zero (runs of 10, or several runs of 10 in a row), so the position in the run
 * gives the value.
 */
function digitOf(digit: string): string {
  const point = digit.codePointAt(0)!;
  let zero = point;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero -= 1;
  return String.fromCharCode(0x30 + ((point - zero) % 10));
}

function lastDigit(text: string): number {
  for (let i = text.length - 1; i >= 0; i -= 1) if (text[i]! >= '0' && text[i]! <= '9') return i;
  return -1;
}

interface Affix {
  readonly signs: string[];
  readonly brackets: number;
  /** What is left once signs, the bracket and spaces are peeled off: a currency, or nonsense. */
  readonly token: string;
}

/** Peels spaces, signs and one bracket off both ends of the text before or after the number. */
function peel(text: string, rules: LocaleRules, bracket: '(' | ')'): Affix {
  const signs: string[] = [];
  let brackets = 0;
  const peelable = (c: string) => c.trim() === '' || rules.minus.has(c) || rules.plus.has(c) || c === bracket;
  const take = (c: string) => {
    if (c === bracket) brackets += 1;
    else if (c.trim() !== '') signs.push(c);
  };
  let from = 0;
  let to = text.length;
  while (from < to && peelable(text[from]!)) take(text[from++]!);
  while (to > from && peelable(text[to - 1]!)) take(text[--to]!);
  return { signs, brackets, token: text.slice(from, to) };
}

function checkCurrencyToken(
  token: string,
  locale: string,
  code: CurrencyCode | undefined,
  shown: string,
  invalid: (reason: string) => never,
): void {
  const own = code && [
    code,
    ...symbolsOf(code, locale),
    ...symbolsOf(code, 'en'),
    ...(WRITTEN_FORMS[code] ?? []),
  ];
  if (own?.includes(token)) return;
  const known =
    (/^[A-Z]{3}$/.test(token) && isCurrencyCode(token)) ||
    SYMBOL.test(token) ||
    localeSymbols(locale).has(token);
  if (!known) invalid(`${shown} is not an amount: '${quoteToken(token)}' is not a currency.`);
  if (code) {
    fail(
      'CURRENCY_MISMATCH',
      `${shown} is not in ${code}; type the amount in ${code}, or without a currency.`,
    );
  }
}

/** Splits the number into whole and fraction digits, checking every separator's place. */
function readNumber(
  body: string,
  rules: LocaleRules,
  shown: string,
  invalid: (reason: string) => never,
): { whole: string; fraction: string } {
  const others = [...body.replace(/[0-9]/g, '')];
  const belongs = (p: Profile, c: string) => c === p.decimal || c === p.alternative || p.groups.has(c);
  const profile = rules.profiles.find((p) => others.every((c) => belongs(p, c)));
  if (!profile) {
    const stranger = others.find((c) => !belongs(rules.profiles[0]!, c))!;
    invalid(`${shown} is not an amount: '${stranger}' does not belong in one.`);
  }
  const { decimal, alternative, groups } = profile!;
  const count = (c: string) => others.filter((o) => o === c).length;

  let point = -1;
  if (count(decimal) > 1) invalid(`${shown} has more than one decimal separator.`);
  if (count(decimal) === 1) point = body.indexOf(decimal);
  else if (alternative !== undefined && count(alternative) === 1) {
    const at = body.indexOf(alternative);
    const couldGroup = /^[0-9]{3}$/.test(body.slice(at + 1)) && /[1-9]/.test(body.slice(0, at));
    if (!couldGroup) point = at;
    else if (!groups.has(alternative)) invalid(`${shown} is ambiguous: is it thousands or a fraction?`);
  }

  const wholeText = point < 0 ? body : body.slice(0, point);
  const fraction = point < 0 ? '' : body.slice(point + 1);
  if (!/^[0-9]*$/.test(fraction)) invalid(`${shown} has a separator after the decimal separator.`);
  if ([...wholeText].some((c) => !groups.has(c) && !/[0-9]/.test(c))) {
    invalid(`${shown} has a separator where it does not belong.`);
  }
  if (![...wholeText].some((c) => groups.has(c))) return { whole: wholeText, fraction };
  const parts = wholeText.split(new RegExp(`[${[...groups].map(escapeClass).join('')}]`));
  if (!validGroups(parts, false) && !(profile!.indian && validGroups(parts, true))) {
    invalid(`${shown} has a group separator in the wrong place.`);
  }
  return { whole: parts.join(''), fraction };
}

/** `1,234,567` (groups of three), or with `indian` `12,34,567` (twos above the thousands). */
function validGroups(parts: string[], indian: boolean): boolean {
  const inner = indian ? 2 : 3;
  const [head, ...rest] = parts;
  const last = rest.pop();
  return (
    head !== undefined &&
    last !== undefined &&
    new RegExp(`^[1-9][0-9]{0,${inner - 1}}$`).test(head) &&
    rest.every((part) => part.length === inner && /^[0-9]+$/.test(part)) &&
    /^[0-9]{3}$/.test(last)
  );
}

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

// ————————————————————————————————————————————————————————— helpers

/** `1.234,56` in de-DE for exponent 2, `1,234` in ja-JP for 0: the shape error messages show. */
function exampleOf(locale: string, exponent: number): string {
  const fraction = '56789012345678901234'.slice(0, exponent);
  return formatLocaleAmount(`1234${fraction ? `.${fraction}` : ''}`, locale);
}

function stripBidi(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

function quote(text: string): string {
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

function quoteToken(token: string): string {
  return token.length > 20 ? `${token.slice(0, 20)}…` : token;
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^-]/g, '\\$&');
}
