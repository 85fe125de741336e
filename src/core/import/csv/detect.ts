import { fail } from '../../errors.ts';
import { type AmountSeparators, guessSeparators, parseAmountText } from '../amount-text.ts';
import { type DecodedText, decodeText, hasUtf16Bom, looksBinary } from '../text-decode.ts';
import type {
  CsvAmountMapping,
  CsvDelimiter,
  CsvEncoding,
  CsvMapping,
  DateFormatQuestion,
} from '../types.ts';
import { cleanCell } from './column-profile.ts';
import { guessColumns } from './columns.ts';
import { currencyOfAmountCells, isKnownCurrency } from './currency-cell.ts';
import { type DateFormatVerdict, looksLikeDate, resolveDateFormat } from './date-formats.ts';
import { mappedColumns } from './mapping-columns.ts';
import { createCsvRowReader } from './row-reader.ts';
import { chainsAsBalance } from './running-balance.ts';
import {
  detectDelimiter,
  isDataLike,
  lastDatedRecord,
  locateTable,
  mode,
  nonEmptyCount,
  sniffRecords,
} from './table.ts';
import { type CsvRecord, CsvTokenizer, recordEndLine, tokenizeCsv } from './tokenizer.ts';

/** What detection found: a complete mapping to show and edit, and what only the user can answer. */
export interface CsvDetection {
  mapping: CsvMapping;
  /** Open questions (an ambiguous date format); rows cannot be read until they are answered. */
  questions: DateFormatQuestion[];
  /** 'high': date and amount found by header name; 'medium': by content; 'low': a question is open. */
  confidence: 'high' | 'medium' | 'low';
  /** The header's cells, or null. */
  header: string[] | null;
  /** The usual number of fields of the table's rows. */
  columns: number;
}

/** Data rows whose cells detection inspects; date formats alone are checked on every row. */
const SAMPLE_ROWS = 500;
const SEPARATOR_ROWS = 5000;

/** Refuses what cannot be a CSV file, before any work: empty, UTF-16, binary. */
export function checkReadable(bytes: Uint8Array): void {
  if (bytes.length === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  if (hasUtf16Bom(bytes)) {
    fail('UNREADABLE_FILE', 'The file is UTF-16 text, which Moneta does not read: save it as UTF-8 CSV.');
  }
  if (looksBinary(bytes)) {
    fail(
      'UNREADABLE_FILE',
      'The file is not text (it holds binary data): choose the CSV file your bank exported.',
    );
  }
}

function decodeInput(input: Uint8Array | string, encoding: CsvEncoding | undefined): DecodedText {
  if (typeof input === 'string') return { text: input, encoding: encoding ?? 'utf-8', bom: false };
  checkReadable(input);
  return decodeText(input, encoding);
}

/**
 * Works out how to read a CSV file: encoding, delimiter, where the table starts and ends, which
 * column is what, the date format and the decimal separator. `given` fields are kept as they are
 * and the rest is detected around them. With `partial: true` the input is only the start of a big
 * file (the CLI reads ~64 KiB): an unfinished last line is ignored and no footer is looked for.
 * Throws UNREADABLE_FILE when there is no table of transactions to find.
 */
export function detectCsvMapping(
  input: Uint8Array | string,
  given: Partial<CsvMapping> = {},
  options: { partial?: boolean } = {},
): CsvDetection {
  const decoded = decodeInput(input, given.encoding);
  const delimiter = prepare(decoded.text, given);
  if (!options.partial) {
    const { records, lines } = tokenizeCsv(decoded.text, delimiter);
    return detectInRecords(records, lines, decoded.encoding, delimiter, given);
  }
  const records: CsvRecord[] = [];
  new CsvTokenizer(delimiter).push(decoded.text, records); // the cut-off last line stays unread
  return detectInRecords(records, null, decoded.encoding, delimiter, given);
}

/**
 * Checks there is text and a table at the start of it (so 50 MB of garbage is refused after a
 * 64 KiB look), and returns the delimiter.
 */
export function prepare(text: string, given: Partial<CsvMapping>): CsvDelimiter {
  if (text.trim() === '') fail('UNREADABLE_FILE', 'The file is empty.');
  const delimiter = given.delimiter ?? detectDelimiter(text);
  if (given.firstDataLine === undefined && !locateTable(sniffRecords(text, delimiter))) {
    fail(
      'UNREADABLE_FILE',
      'No table of transactions found: no line near the start has both a date and an amount.',
    );
  }
  return delimiter;
}

/** Detection over tokenised records; `lines` is the file's line count, or null for a prefix. */
export function detectInRecords(
  records: readonly CsvRecord[],
  lines: number | null,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  given: Partial<CsvMapping>,
): CsvDetection {
  const location = locateTable(records.slice(0, 2000));
  let first: number;
  let header: number | null;
  if (given.firstDataLine !== undefined) {
    first = indexOfLine(records, given.firstDataLine);
  } else if (location) {
    first = location.first;
  } else {
    fail('UNREADABLE_FILE', 'No table of transactions found: no line has both a date and an amount.');
  }
  if (given.headerLine !== undefined) {
    header = given.headerLine === null ? null : indexOfLine(records, given.headerLine);
  } else {
    header = location && location.first === first ? location.header : null;
  }
  const headerCells = header === null ? null : records[header]!.fields.map((cell) => cell.trim());

  const body = records.slice(first).filter((record) => nonEmptyCount(record.fields) > 0);
  const sample = sampleRows(body);
  const sampled = (sample.length > 0 ? sample : body.slice(0, SAMPLE_ROWS)).map((record) => record.fields);
  const columns = mode(sampled.map((fields) => fields.length)) || (headerCells?.length ?? 1);
  // Ragged rows (a delimiter in an unquoted field) would shift the columns: judge by the rest.
  const rows = sampled.filter((fields) => fields.length === columns);
  const guess = guessColumns(headerCells, rows, columns);

  const dateColumn = given.dateColumn ?? guess.dateColumn;
  if (dateColumn === null) fail('UNREADABLE_FILE', 'No column of dates found in the table.');
  const amount: CsvAmountMapping | null = given.amount ?? guess.amount;
  if (amount === null) fail('UNREADABLE_FILE', 'No column of amounts found in the table.');

  // The table starts at the first dated line after the header: a first row whose amount is broken
  // (so not transaction-like) is the table's, and must read as an error, not vanish as preamble.
  if (header !== null && given.firstDataLine === undefined) {
    for (let i = header + 1; i < first; i++) {
      if (looksLikeDate(records[i]!.fields[dateColumn] ?? '')) {
        body.unshift(...records.slice(i, first).filter((record) => nonEmptyCount(record.fields) > 0));
        first = i;
        break;
      }
    }
  }
  const dated = body.filter((record) => looksLikeDate(record.fields[dateColumn] ?? ''));
  const verdict = resolveDateFormat(dated.map((record) => record.fields[dateColumn]!));
  const questions =
    given.dateFormat === undefined && verdict.ambiguous
      ? [dateQuestion(verdict, headerCells, dateColumn)]
      : [];
  const dateFormat = given.dateFormat ?? verdict.format;
  if (dateFormat === null)
    fail('UNREADABLE_FILE', `The column of dates (${dateColumn + 1}) holds no date Moneta can read.`);

  const amountCells = amountCellsOf(dated.slice(0, SEPARATOR_ROWS), amount);
  const separators = guessSeparators(amountCells, { prefer: delimiter === ';' ? ',' : '.' });

  let footerLines = 0;
  if (lines !== null) {
    const last = records[lastDatedRecord(records, dateColumn, first)]!;
    footerLines = Math.max(0, lines - recordEndLine(last));
  }

  const mapping: CsvMapping = {
    encoding,
    delimiter,
    headerLine: header === null ? null : records[header]!.line,
    firstDataLine: records[first]?.line ?? 1,
    footerLines,
    dateColumn,
    dateFormat,
    valueDateColumn: guess.valueDateColumn,
    amount,
    decimalSeparator: separators.decimalSeparator,
    thousandsSeparator: separators.thousandsSeparator,
    invertSign: false,
    payeeColumn: guess.payeeColumn,
    descriptionColumns: guess.descriptionColumns,
    currencyColumn: guess.currencyColumn,
    referenceColumn: guess.referenceColumn,
    statusColumn: guess.statusColumn,
    pendingValues: guess.pendingValues,
    balanceColumn: null,
    currency:
      guess.currency ?? preambleCurrency(records, header ?? first) ?? currencyOfAmountCells(amountCells),
    ...definedFields(given),
  };
  if (given.balanceColumn === undefined) {
    mapping.balanceColumn = balanceColumnOf(
      mapping,
      guess.balanceColumn,
      dated.slice(0, SAMPLE_ROWS),
      columns,
    );
  }
  return {
    mapping,
    questions,
    confidence: questions.length > 0 ? 'low' : guess.named ? 'high' : 'medium',
    header: headerCells,
    columns,
  };
}

/** The first transaction-like records of the table (a few hundred tell all a column can). */
function sampleRows(body: readonly CsvRecord[]): CsvRecord[] {
  const sample: CsvRecord[] = [];
  for (const record of body) {
    if (isDataLike(record.fields)) sample.push(record);
    if (sample.length >= SAMPLE_ROWS) break;
  }
  return sample;
}

/** The question to ask when the dates of a column read more than one way. */
export function dateQuestion(
  verdict: DateFormatVerdict,
  header: readonly string[] | null,
  dateColumn: number,
): DateFormatQuestion {
  const columnName = header?.[dateColumn] || `column ${dateColumn + 1}`;
  return {
    code: 'AMBIGUOUS_DATE_FORMAT',
    message:
      `The dates in ${columnName} (such as ${verdict.example}) can be read as ${verdict.options.join(' or ')}: ` +
      'choose the format your bank uses.',
    options: verdict.options,
  };
}

function indexOfLine(records: readonly CsvRecord[], line: number): number {
  const index = records.findIndex((record) => record.line >= line);
  if (index < 0) fail('UNREADABLE_FILE', `The file has no line ${line}.`);
  return index;
}

function amountCellsOf(records: readonly CsvRecord[], amount: CsvAmountMapping): string[] {
  const columns =
    amount.kind === 'debit-credit' ? [amount.debitColumn, amount.creditColumn] : [amount.column];
  const cells: string[] = [];
  for (const record of records) {
    for (const column of columns) {
      const cell = cleanCell(record.fields[column] ?? '');
      if (cell !== '') cells.push(cell);
    }
  }
  return cells;
}

/**
 * The running balance: the column named as one (unless the amount is read from it), else, for files
 * without a header or with names we do not know, a column of amounts that the rows' amounts chain
 * (ASN Bank's headerless export). Every other column the mapping reads is left alone.
 */
function balanceColumnOf(
  mapping: CsvMapping,
  named: number | null,
  records: readonly CsvRecord[],
  columns: number,
): number | null {
  const used = new Set(mappedColumns(mapping));
  if (named !== null) return used.has(named) ? null : named;
  const last = records.at(-1);
  if (!last) return null;
  const reader = createCsvRowReader({ ...mapping, balanceColumn: null, footerLines: 0 }, { columns });
  const rows = [...reader.read(records).rows, ...reader.end(recordEndLine(last)).rows];
  const fields = new Map(records.map((record) => [record.line, record.fields]));
  const separators: AmountSeparators = mapping;
  for (let column = 0; column < columns; column++) {
    if (used.has(column)) continue;
    const points = rows.map((row) => {
      const cell = cleanCell(fields.get(row.line)?.[column] ?? '');
      return { amount: row.amount, balance: cell === '' ? null : parseAmountText(cell, separators) };
    });
    if (chainsAsBalance(points)) return column;
  }
  return null;
}

/** A currency code standing alone in the lines before the table (`: EUR`, `Saldo;150,00;EUR`). */
function preambleCurrency(records: readonly CsvRecord[], end: number): string | null {
  const found = new Set<string>();
  for (const record of records.slice(0, Math.min(end, 50))) {
    for (const field of record.fields) {
      const code = field.replace(/^[\s:]+/, '').trim();
      if (/^[A-Z]{3}$/.test(code) && isKnownCurrency(code)) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** The given fields that have a value (`{ dateFormat: undefined }` detects the date format). */
function definedFields(given: Partial<CsvMapping>): Partial<CsvMapping> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
}
