import { fail } from '../errors.ts';
import { type CurrencyCode, currency as checkCurrency, isCurrencyCode } from './currency.ts';
import { formatLocaleAmount } from './locale-format.ts';
import {
  BIDI_MARKS,
  type LocaleRules,
  localeSymbols,
  MAX_FRACTION_DIGITS,
  type Profile,
  quote,
  rulesOf,
  symbolsOf,
  WRITTEN_FORMS,
} from './locale-rules.ts';

export interface LocaleParseOptions {
  /**
   * The currency the amount is in. When given, a currency written beside the amount must be this
   * one (its ISO code, or its symbol in the locale or in English); another is CURRENCY_MISMATCH.
   * When absent, any currency code or symbol beside the amount is stripped.
   */
  readonly currency?: string;
}

/** The longest whole part `parseLocaleAmount` accepts: 16 digits (MAX_MINOR has 16). */
const MAX_WHOLE_DIGITS = 16;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;
/** A currency symbol, possibly with a few letters (`$`, `€`, `US$`, `R$`, `CA$`). */
const SYMBOL = /^\p{L}{0,3}\p{Sc}\p{L}{0,3}$/u;

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
// ————————————————————————————————————————————————————————— helpers

/** `1.234,56` in de-DE for exponent 2, `1,234` in ja-JP for 0: the shape error messages show. */
function exampleOf(locale: string, exponent: number): string {
  const fraction = '56789012345678901234'.slice(0, exponent);
  return formatLocaleAmount(`1234${fraction ? `.${fraction}` : ''}`, locale);
}

function quoteToken(token: string): string {
  return token.length > 20 ? `${token.slice(0, 20)}…` : token;
}

function escapeClass(c: string): string {
  return c.replace(/[\\\]^-]/g, '\\$&');
}
