import { isCurrencyCode } from '../money/currency.ts';

/**
 * Amounts as bank files write them (`-1.234,56`, `$7,971.39`, `12.34-`, `(5.00)`, `CHF 1'250.00`,
 * `-,01`) to the canonical exact decimal of `types.ts`, by string manipulation only: a JavaScript
 * number never holds an amount. Format-neutral: CSV columns, QIF `T` lines and odd OFX values all
 * come through here.
 */

export type DecimalSeparator = '.' | ',';
export type ThousandsSeparator = '' | '.' | ',' | "'" | ' ';

export interface AmountSeparators {
  decimalSeparator: DecimalSeparator;
  thousandsSeparator: ThousandsSeparator;
}

/** Longer cells are not amounts; refusing them early keeps a garbage column cheap. */
const MAX_LENGTH = 64;

const SPACES = /[\s\u00A0\u2007\u2009\u202F]+/g;
const APOSTROPHES = /[\u2019\u02BC\u00B4`]/g;
const MINUS = new Set(['-', '\u2212', '\u2012', '\u2013', '\uFE63', '\uFF0D']);
/**
 * Currency beside an amount: a symbol, maybe with letters (`€`, `US$`, `R$`), a three-letter ISO code
 * (`EUR`, `chf`) or a written form (`kr`, `zł`, `Fr.`, `руб.`). Words must stand apart from the
 * number, so `VWZ1` (a column name) is no amount.
 */
const LEADING_CURRENCY = /^(?:\p{L}{0,3}\p{Sc}\p{L}{0,3}|(\p{L}{2,4}\.?)(?=[\s(+\-\u2212]|$))/u;
const TRAILING_CURRENCY = /(?:\p{L}{0,3}\p{Sc}\p{L}{0,3}|(?<=[\s)\-\u2212]|^)(\p{L}{2,4}\.?))$/u;
const WRITTEN_FORMS = new Set([
  'kr',
  'kr.',
  'kč',
  'zł',
  'ft',
  'lei',
  'fr',
  'fr.',
  'sfr',
  'sfr.',
  'руб',
  'руб.',
  'р.',
  'грн',
  'грн.',
  'лв',
  'лв.',
  'rs',
  'rs.',
  'tl',
]);
/** Codes retired from ISO 4217 that banks still write. */
const LEGACY_CODES = new Set(['RUR', 'BYR', 'LTL', 'LVL', 'EEK', 'SKK']);

function isCurrencyWord(word: string): boolean {
  const upper = word.toUpperCase();
  return (
    (/^[A-Z]{3}$/.test(upper) && (isCurrencyCode(upper) || LEGACY_CODES.has(upper))) ||
    WRITTEN_FORMS.has(word.toLowerCase())
  );
}

/** The text without one currency symbol or word at its start or end; unchanged when there is none. */
function stripCurrency(text: string): string {
  const leading = LEADING_CURRENCY.exec(text);
  if (leading && (leading[1] === undefined || isCurrencyWord(leading[1])))
    return text.slice(leading[0].length);
  const trailing = TRAILING_CURRENCY.exec(text);
  if (trailing && (trailing[1] === undefined || isCurrencyWord(trailing[1])))
    return text.slice(0, trailing.index);
  return text;
}
/** Debit/credit markers written after an amount on British and Australian statements. */
const TRAILING_MARKER = /(?<!\p{L})(CR|DR)$/iu;
const CORE = /^[0-9.,' ]*[0-9][0-9.,' ]*$/;

interface Peeled {
  core: string;
  negative: boolean;
}

/**
 * A cell that is only a signed number (`-1.234,56`, `2500`), as most cells are: the unsigned part,
 * without a regex or a copy when there is no sign. Null for anything else.
 */
function bare(text: string): Peeled | null {
  const first = text.charCodeAt(0);
  const start = first === 45 || first === 43 ? 1 : 0; // '-' or '+'
  if (start >= text.length) return null;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // 0-9 . , '
    if (!((code >= 48 && code <= 57) || code === 46 || code === 44 || code === 39)) return null;
  }
  const digit = text.charCodeAt(start);
  if (digit < 48 || digit > 57) return null;
  return { core: start === 0 ? text : text.slice(start), negative: first === 45 };
}

/**
 * Strips what surrounds the number: spaces, currency symbols and codes, one sign (`-`, `+`, `−`
 * before or after), accounting parentheses, and a trailing CR/DR. Null when more than one sign is
 * present or nothing number-like remains.
 */
function peel(text: string): Peeled | null {
  if (text.length > MAX_LENGTH) return null;
  const plain = bare(text);
  if (plain) return plain;
  let s = text.replace(SPACES, ' ').replace(APOSTROPHES, "'").trim();
  let sign = ''; // '', '-' or '+'
  let parentheses = false;
  for (let round = 0; round < 8 && s.length > 0; round++) {
    const before = s;
    const first = s[0]!;
    const last = s[s.length - 1]!;
    let found = '';
    if (first === '(' && last === ')') {
      if (parentheses || sign !== '') return null;
      parentheses = true;
      s = s.slice(1, -1);
    } else if (MINUS.has(first) || first === '+') {
      found = first === '+' ? '+' : '-';
      s = s.slice(1);
    } else if (MINUS.has(last) || last === '+') {
      found = last === '+' ? '+' : '-';
      s = s.slice(0, -1);
    } else {
      const marker = TRAILING_MARKER.exec(s);
      if (marker) {
        found = marker[1]!.toUpperCase() === 'DR' ? '-' : '+';
        s = s.slice(0, marker.index);
      } else {
        s = stripCurrency(s);
      }
    }
    if (found !== '') {
      if (sign !== '' || parentheses) return null;
      sign = found;
    }
    s = s.trim();
    if (s === before) break;
  }
  if (!CORE.test(s)) return null;
  return { core: s, negative: parentheses || sign === '-' };
}

/** The whole part's digits when `whole` is digits, or digits grouped by threes with one separator. */
function wholeDigits(whole: string): string | null {
  let separator = '';
  let group = 0;
  let groups = 0;
  for (let i = 0; i < whole.length; i++) {
    const char = whole[i]!;
    if (char >= '0' && char <= '9') {
      group++;
      continue;
    }
    if (separator === '') separator = char;
    else if (char !== separator) return null;
    if (groups === 0 ? group < 1 || group > 3 : group !== 3) return null;
    groups++;
    group = 0;
  }
  if (separator === '') return whole;
  return group === 3 ? whole.split(separator).join('') : null;
}

const DIGITS = /^[0-9]*$/;
const ZEROS = /^0*$/;

/**
 * Reads one amount. The decimal separator decides what `.` and `,` mean; grouping is accepted with
 * the other of the two, a space or an apostrophe, in groups of three (so `1.234,56`, `1 234,56` and
 * `1234,56` all read in a comma-decimal file, while `12,50` in a point-decimal file is refused rather
 * than misread). `-,01` is -0.01. Returns the canonical decimal (`"-1234.56"`, `"2500"`, `"0.01"`;
 * fraction digits as written, never a negative zero), or null when the text is not an amount.
 */
export function parseAmountText(text: string, separators: AmountSeparators): string | null {
  const peeled = peel(text);
  if (!peeled) return null;
  const decimal = separators.decimalSeparator;
  const { core } = peeled;
  const at = core.indexOf(decimal);
  if (at >= 0 && core.indexOf(decimal, at + 1) >= 0) return null;
  const whole = at >= 0 ? core.slice(0, at) : core;
  const fraction = at >= 0 ? core.slice(at + 1) : '';
  if (!DIGITS.test(fraction)) return null;
  const digits = wholeDigits(whole);
  if (digits === null || (digits === '' && fraction === '')) return null;
  return canonical(peeled.negative, digits, fraction);
}

function canonical(negative: boolean, digits: string, fraction: string): string {
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  const integer = digits === '' ? '0' : digits.slice(start);
  const zero = integer === '0' && ZEROS.test(fraction);
  return `${negative && !zero ? '-' : ''}${integer}${fraction ? `.${fraction}` : ''}`;
}

/** A canonical decimal as an integer scaled by 10^scale (`"-1.5"`, 2 → -150n). */
function scaled(decimal: string, scale: number): bigint {
  const negative = decimal.startsWith('-');
  const [whole, fraction = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const value = BigInt(whole! + fraction.padEnd(scale, '0'));
  return negative ? -value : value;
}

function fractionDigits(decimal: string): number {
  const at = decimal.indexOf('.');
  return at < 0 ? 0 : decimal.length - at - 1;
}

/**
 * The exact sum of canonical decimals, with as many fraction digits as the longest of them
 * (`["1.5", "-0.25"]` → `"1.25"`). Bigint throughout.
 */
export function sumDecimals(values: readonly string[]): string {
  const scale = values.reduce((most, value) => Math.max(most, fractionDigits(value)), 0);
  let total = 0n;
  for (const value of values) total += scaled(value, scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  return canonical(negative, whole, digits.slice(digits.length - scale));
}

/** True when two canonical decimals are the same number, whatever their scales ("27.00" and "27.000"). */
export function sameDecimal(a: string, b: string): boolean {
  const scale = Math.max(fractionDigits(a), fractionDigits(b));
  return scaled(a, scale) === scaled(b, scale);
}

/** The canonical decimal with its sign flipped (zero stays unsigned). */
export function negateDecimal(decimal: string): string {
  if (decimal.startsWith('-')) return decimal.slice(1);
  return /^[0.]*$/.test(decimal) ? decimal : `-${decimal}`;
}

/** The canonical decimal without its sign. */
export function absDecimal(decimal: string): string {
  return decimal.startsWith('-') ? decimal.slice(1) : decimal;
}

/** True when the text is an amount with either decimal separator. */
export function isAmountText(text: string): boolean {
  return (
    parseAmountText(text, { decimalSeparator: '.', thousandsSeparator: '' }) !== null ||
    parseAmountText(text, { decimalSeparator: ',', thousandsSeparator: '' }) !== null
  );
}

interface Evidence {
  /** Votes for each decimal separator from samples that can only be read one way. */
  votes: Record<DecimalSeparator, number>;
  grouping: Set<string>;
}

function weigh(core: string, evidence: Evidence): void {
  if (core.includes(' ')) evidence.grouping.add(' ');
  if (core.includes("'")) evidence.grouping.add("'");
  const lastPoint = core.lastIndexOf('.');
  const lastComma = core.lastIndexOf(',');
  if (lastPoint >= 0 && lastComma >= 0) {
    const decimal = lastPoint > lastComma ? '.' : ',';
    evidence.votes[decimal]++;
    evidence.grouping.add(decimal === '.' ? ',' : '.');
    return;
  }
  const mark = lastPoint >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) return;
  const other = mark === '.' ? ',' : '.';
  const at = core.indexOf(mark);
  if (at !== core.lastIndexOf(mark)) {
    evidence.votes[other]++;
    evidence.grouping.add(mark);
    return;
  }
  const before = core.slice(0, at).replace(/[^0-9]/g, '');
  const after = core.slice(at + 1);
  if (after.length !== 3 || /^0*$/.test(before) || before.length > 3) evidence.votes[mark]++;
  else evidence.grouping.add(mark); // "1.234": a group or a decimal; only other samples can tell
}

/**
 * The decimal and thousands separators that read a column of amounts. Samples that can only be
 * read one way (`1.234,56`, `12,5`, `1,234,567`) vote; the separator that reads the most samples
 * wins, votes breaking ties, then `prefer` (a semicolon-delimited file hints at a decimal comma),
 * then the point. `decided` is false when no sample told the two apart (`12`, `1,234`).
 */
export function guessSeparators(
  samples: readonly string[],
  options: { prefer?: DecimalSeparator } = {},
): AmountSeparators & { decided: boolean } {
  const evidence: Evidence = { votes: { '.': 0, ',': 0 }, grouping: new Set() };
  const cores: string[] = [];
  for (const sample of samples) {
    const peeled = peel(sample);
    if (!peeled) continue;
    cores.push(peeled.core);
    weigh(peeled.core, evidence);
  }
  const prefer = options.prefer ?? '.';
  const order: DecimalSeparator[] = prefer === ',' ? [',', '.'] : ['.', ','];
  const readable = (decimal: DecimalSeparator) =>
    cores.filter(
      (core) => parseAmountText(core, { decimalSeparator: decimal, thousandsSeparator: '' }) !== null,
    ).length;
  const ranked = order
    .map((decimal) => ({ decimal, read: readable(decimal), votes: evidence.votes[decimal] }))
    .sort((a, b) => b.read - a.read || b.votes - a.votes);
  const decimal = ranked[0]!.decimal;
  const other = decimal === '.' ? ',' : '.';
  const thousands: ThousandsSeparator = evidence.grouping.has(other)
    ? other
    : evidence.grouping.has(' ')
      ? ' '
      : evidence.grouping.has("'")
        ? "'"
        : '';
  return {
    decimalSeparator: decimal,
    thousandsSeparator: thousands,
    decided: evidence.votes['.'] + evidence.votes[','] > 0,
  };
}
