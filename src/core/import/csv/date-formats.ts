import { daysInMonth } from '../../calendar/date.ts';
import { DATE_FORMATS, type DateFormat } from '../types.ts';

type Part = 'year' | 'shortYear' | 'month' | 'monthName' | 'day';

interface Compiled {
  regex: RegExp;
  parts: Part[];
}

const TOKENS: [string, Part, string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['MMM', 'monthName', '(\\p{L}{3,9})\\.?'],
  ['YY', 'shortYear', '(\\d{2})'],
  ['MM', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{1,2})'],
];

/**
 * A time after the date (`2022-01-02 12:16:54`, `28.06.2013 00:00:30:989`, `2021-05-03T10:00Z`,
 * `1/5/2021 6:50 PM`) is allowed and ignored: rows keep the date as written.
 */
const TIME =
  '(?:(?:[T ]|, )\\s*\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.:,]\\d+)?\\s*(?:[AaPp]\\.?[Mm]\\.?)?\\s*(?:Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?';

function compile(format: DateFormat): Compiled {
  const parts: Part[] = [];
  let pattern = '';
  let rest: string = format;
  while (rest.length > 0) {
    const token = TOKENS.find(([name]) => rest.startsWith(name));
    if (token) {
      parts.push(token[1]);
      // YYYYMMDD has no separators: its month and day are exactly two digits.
      pattern += format === 'YYYYMMDD' ? token[2].replace('{1,2}', '{2}') : token[2];
      rest = rest.slice(token[0].length);
    } else {
      const char = rest[0]!;
      pattern += char === ' ' ? '\\s+' : char === ',' ? ',?' : char === '.' ? '\\.' : char;
      rest = rest.slice(1);
    }
  }
  return { regex: new RegExp(`^${pattern}${TIME}$`, 'u'), parts };
}

const COMPILED = new Map(DATE_FORMATS.map((format) => [format, compile(format)]));

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function monthOfName(name: string): number {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = lower.length === 3 ? MONTHS.indexOf(lower) : MONTH_NAMES.indexOf(lower);
  return index + 1;
}

/** Years a bank statement can plausibly carry; keeps 8-digit ids from passing for YYYYMMDD dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

/**
 * The ISO date of `text` read in `format`, or null. Two-digit years follow POSIX `%y`: 69–99 are
 * 1969–1999, 00–68 are 2000–2068.
 */
export function parseDateAs(text: string, format: DateFormat): string | null {
  const numeric = NUMERIC.get(format);
  if (numeric) return parseNumeric(text, numeric);
  const compiled = COMPILED.get(format)!;
  const match = compiled.regex.exec(text.trim());
  if (!match) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  const parts = compiled.parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const value = match[i + 1]!;
    if (part === 'year') year = Number(value);
    else if (part === 'shortYear') year = Number(value) + (Number(value) < 69 ? 2000 : 1900);
    else if (part === 'month') month = Number(value);
    else if (part === 'monthName') month = monthOfName(value);
    else day = Number(value);
  }
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Formats of numbers and one separator, read by hand (a big file's dates without a regex each):
 * the order of year, month and day, the separator, and whether month and day are two digits.
 */
interface Numeric {
  order: ('Y' | 'y' | 'M' | 'D')[];
  separator: number;
}

const NUMERIC = new Map<DateFormat, Numeric>(
  DATE_FORMATS.filter((format) => !format.includes('MMM')).map((format) => {
    const order = (format.match(/YYYY|YY|MM|DD/g) ?? []).map((token) =>
      token === 'YYYY' ? 'Y' : token === 'YY' ? 'y' : token === 'MM' ? 'M' : 'D',
    ) as Numeric['order'];
    const separator = format.replace(/[YMD]/g, '')[0];
    return [format, { order, separator: separator ? separator.charCodeAt(0) : -1 }];
  }),
);

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));
const TIME_AFTER = new RegExp(`^${TIME}$`, 'u');

function parseNumeric(text: string, { order, separator }: Numeric): string | null {
  let at = 0;
  let end = text.length;
  while (at < end && text.charCodeAt(at) <= 32) at++;
  while (end > at && text.charCodeAt(end - 1) <= 32) end--;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let part = 0; part < order.length; part++) {
    if (part > 0 && separator >= 0) {
      if (text.charCodeAt(at) !== separator) return null;
      at++;
    }
    const kind = order[part]!;
    // YYYY is four digits, YY two; MM and DD one or two, exactly two without separators.
    const most = kind === 'Y' ? 4 : 2;
    const least = kind === 'Y' ? 4 : kind === 'y' || separator < 0 ? 2 : 1;
    let value = 0;
    let digits = 0;
    while (digits < most && at < end) {
      const code = text.charCodeAt(at);
      if (code < 48 || code > 57) break;
      value = value * 10 + code - 48;
      digits++;
      at++;
    }
    if (digits < least) return null;
    if (kind === 'Y') year = value;
    else if (kind === 'y') year = value + (value < 69 ? 2000 : 1900);
    else if (kind === 'M') month = value;
    else day = value;
  }
  if (at < end && !TIME_AFTER.test(text.slice(at, end))) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return `${year}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** The first format that reads `text`, or null: "this cell is a date". */
export function anyDateFormat(text: string): DateFormat | null {
  const trimmed = text.trim();
  if (trimmed.length < 6 || trimmed.length > 40 || !/^[\d\p{L}]/u.test(trimmed)) return null;
  for (const format of DATE_FORMATS) if (parseDateAs(trimmed, format) !== null) return format;
  return null;
}

const DATE_SHAPE =
  /^\s*(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{8}(?!\d)|\d{1,2}[ -]\p{L}{3}|\p{L}{3,9}\.? \d{1,2}\b)/u;

/** Whether a cell is meant as a date, valid or not (`31.02.2021` is; `Total` is not). */
export function looksLikeDate(text: string): boolean {
  return DATE_SHAPE.test(text);
}

/** What the dates of a column say about their format. */
export interface DateFormatVerdict {
  /** The format to use; with `ambiguous`, only the first of `options`. Null when no format reads the column. */
  format: DateFormat | null;
  /** Formats that read every date but disagree on some: the user must choose. */
  ambiguous: boolean;
  options: DateFormat[];
  /** A cell the options read differently, for the question's wording. */
  example: string | null;
}

/** Formats read the same way by everyone: dotted dates are day first (`05.03.2021`). */
const NEVER_ASKED: ReadonlySet<DateFormat> = new Set(['MM.DD.YYYY']);

/**
 * Looks at every date of a column (cells that are empty are skipped) and keeps the formats that read
 * the most of them (at least 90 %, or all but two). Formats that read every cell to the same dates are one option
 * (`10.10.2017`); when the rest disagree on some cell (`05/03/2021`: 5 March or 3 May), the verdict
 * is ambiguous unless one cell settles it (`25/03/2021` anywhere is day first).
 */
export function resolveDateFormat(cells: readonly string[]): DateFormatVerdict {
  const dates = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  const none: DateFormatVerdict = { format: null, ambiguous: false, options: [], example: null };
  if (dates.length === 0) return none;
  // Narrow on a prefix, then count the survivors over every cell.
  const head = dates.slice(0, 500);
  let candidates = bestReaders(DATE_FORMATS, head);
  if (candidates.length === 0) return none;
  if (candidates.length > 1 && dates.length > head.length) candidates = bestReaders(candidates, dates);
  if (candidates.length === 0) return none;

  const classes: DateFormat[] = [];
  let example: string | null = null;
  for (const format of candidates) {
    const same = classes.find((other) =>
      dates.every((d) => parseDateAs(d, other) === parseDateAs(d, format)),
    );
    if (same) continue;
    if (classes.length > 0 && example === null) {
      example = dates.find((d) => parseDateAs(d, classes[0]!) !== parseDateAs(d, format)) ?? null;
    }
    classes.push(format);
  }
  const options = classes.filter((format) => !NEVER_ASKED.has(format) || classes.length === 1);
  return { format: options[0]!, ambiguous: options.length > 1, options, example };
}

function bestReaders(formats: readonly DateFormat[], dates: readonly string[]): DateFormat[] {
  const counts = formats.map((format) => dates.filter((d) => parseDateAs(d, format) !== null).length);
  const best = Math.max(...counts);
  // A few broken dates must not hide the format (they become errors on their rows).
  if (best === 0 || (best < dates.length * 0.9 && best < dates.length - 2)) return [];
  return formats.filter((_, i) => counts[i] === best);
}
