import { fail } from '../../errors.ts';
import { isAmountText } from '../amount-text.ts';
import { CSV_DELIMITERS, type CsvDelimiter } from '../types.ts';
import { anyDateFormat, looksLikeDate } from './date-formats.ts';
import { type CsvRecord, CsvTokenizer } from './tokenizer.ts';

/**
 * Where the table of transactions sits in a file: bank exports put account details, date ranges
 * and disclaimers before it and totals or balances after it. A transaction row is recognised by
 * content: one cell that is a whole date and another that is an amount.
 */

/** How much of a file detection reads: enough for any preamble, small enough to stay instant. */
export const SNIFF_CHARS = 64 * 1024;
const SNIFF_RECORDS = 300;

/** The complete records within the first `chars` of the text (at most `limit` of them). */
export function sniffRecords(
  text: string,
  delimiter: string,
  limit = SNIFF_RECORDS,
  chars = SNIFF_CHARS,
): CsvRecord[] {
  return headRecords(text, delimiter, chars).records.slice(0, limit);
}

/** The complete records of the text's first `chars`; `lines` when that is the whole text. */
export function headRecords(
  text: string,
  delimiter: string,
  chars: number,
): { records: CsvRecord[]; lines: number | null } {
  const records: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter);
  const whole = text.length <= chars;
  tokenizer.push(whole ? text : text.slice(0, chars), records);
  if (!whole) return { records, lines: null };
  tokenizer.finish(records);
  return { records, lines: tokenizer.lines };
}

export function nonEmptyCount(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) if (field.trim() !== '') count++;
  return count;
}

/** The most frequent value (the smallest among equals). */
export function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The delimiter that splits the file into the most rows of one consistent width, wider tables
 * weighing more: a `;` file with decimal commas splits into 2 fields per line on `,`, but into 6 on
 * `;`, and a preamble of short lines does not outvote the table. An Excel `sep=;` first line
 * settles it.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const declared = /^sep=(.)\r?\n/i.exec(text.slice(0, 8));
  if (declared && CSV_DELIMITERS.includes(declared[1] as CsvDelimiter)) return declared[1] as CsvDelimiter;
  let best: CsvDelimiter | null = null;
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const counts = sniffRecords(text, delimiter)
      .filter((record) => record.fields.length >= 2 && nonEmptyCount(record.fields) >= 2)
      .map((record) => record.fields.length);
    const rowsOfWidth = new Map<number, number>();
    for (const count of counts) rowsOfWidth.set(count, (rowsOfWidth.get(count) ?? 0) + 1);
    let score = 0;
    for (const [width, rows] of rowsOfWidth) score = Math.max(score, rows * Math.min(width - 1, 8));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  if (best === null) {
    fail('UNREADABLE_FILE', 'No table found: no line splits into columns on a comma, semicolon, tab or bar.');
  }
  return best;
}

/** A cell read as a date: the whole cell, with an optional time. */
export function isDateCell(cell: string): boolean {
  return anyDateFormat(cell) !== null;
}

/** A transaction-like record: a cell that is a date and another that is an amount. */
export function isDataLike(fields: readonly string[]): boolean {
  let date = -1;
  for (let i = 0; i < fields.length; i++) {
    if (isDateCell(fields[i]!)) {
      date = i;
      break;
    }
  }
  if (date < 0) return false;
  for (let i = 0; i < fields.length; i++) {
    if (i !== date && fields[i]!.trim() !== '' && isAmountText(fields[i]!) && !isDateCell(fields[i]!))
      return true;
  }
  return false;
}

/** A header: several text cells, no date, few numbers. */
export function isHeaderLike(fields: readonly string[], width: number): boolean {
  const cells = fields.map((field) => field.trim()).filter((field) => field !== '');
  if (cells.length < 2 || fields.length < Math.ceil(width / 2)) return false;
  if (cells.some((cell) => isDateCell(cell))) return false;
  const numbers = cells.filter((cell) => isAmountText(cell)).length;
  const words = cells.filter((cell) => /\p{L}/u.test(cell)).length;
  return numbers * 3 <= cells.length && words * 2 >= cells.length;
}

export interface TableLocation {
  /** Index in the records of the header, or null. */
  header: number | null;
  /** Indexes of the first and last transaction-like records. */
  first: number;
  last: number;
  /** The usual field count of the table's rows. */
  width: number;
}

/**
 * Finds the transaction rows among `records` (a prefix of the file is enough for the start). The
 * width is the usual field count of transaction-like records; the table starts at the first such
 * record that is not much narrower (a preamble line "31.12.2018;150,00" is not the table), and its
 * header is the nearest line above with several text cells, skipping one-cell notes and broken
 * rows. Null when no
 * record looks like a transaction.
 */
export function locateTable(records: readonly CsvRecord[]): TableLocation | null {
  const dataLike: number[] = [];
  for (let i = 0; i < records.length; i++) if (isDataLike(records[i]!.fields)) dataLike.push(i);
  if (dataLike.length === 0) return null;
  const width = mode(dataLike.map((i) => records[i]!.fields.length));
  const wide = dataLike.filter((i) => records[i]!.fields.length >= Math.max(2, Math.ceil(width * 0.75)));
  if (wide.length === 0) return null;
  const first = wide[0]!;
  const last = wide[wide.length - 1]!;
  let header: number | null = null;
  for (let i = first - 1; i >= 0 && i >= first - 6; i--) {
    const fields = records[i]!.fields;
    // One-cell notes and broken rows (a date, no amount) may sit between the header and the table.
    if (nonEmptyCount(fields) <= 1 || fields.some(isDateCell)) continue;
    if (isHeaderLike(fields, width)) header = i;
    break;
  }
  return { header, first, last, width };
}

/**
 * The end of the table: the last record whose date cell is meant as a date (a truncated last row
 * still counts, and then reads as an error); what follows is footer. Looks back from the end.
 */
export function lastDatedRecord(records: readonly CsvRecord[], dateColumn: number, from: number): number {
  for (let i = records.length - 1; i >= from; i--) {
    const cell = records[i]!.fields[dateColumn];
    if (cell !== undefined && looksLikeDate(cell)) return i;
  }
  return from;
}
