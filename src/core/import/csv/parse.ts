import { decodeText } from '../text-decode.ts';
import type { CsvMapping, DateFormatQuestion, ImportIssue, ParsedFile, StatementRow } from '../types.ts';
import { looksLikeDate, resolveDateFormat } from './date-formats.ts';
import { type CsvDetection, checkReadable, dateQuestion, detectInRecords, prepare } from './detect.ts';
import { type CsvRowBatch, createCsvRowReader } from './row-reader.ts';
import { NO_BALANCES, type RunningBalances } from './running-balance.ts';
import { headRecords } from './table.ts';
import { type CsvRecord, CsvTokenizer, recordEndLine } from './tokenizer.ts';

/** A parsed CSV file with how it was read, so the preview can show the mapping and let it be edited. */
export type CsvParseResult = ParsedFile & {
  mapping: CsvMapping;
  questions: DateFormatQuestion[];
  header: string[] | null;
  columns: number;
};

const DELIMITER_NAMES: Record<CsvMapping['delimiter'], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'bar',
};

/** Detection reads the file's first MiB; the whole file is then read in slices of this size. */
const HEAD_CHARS = 1024 * 1024;
const SLICE_CHARS = 1024 * 1024;

/**
 * Reads a CSV bank statement. Fields of `given` (a saved profile, the user's edits) are used as
 * they are; everything else is detected. While the date format is ambiguous and not given, no row
 * is read: the result carries the question and an AMBIGUOUS_DATE_FORMAT issue, and the caller asks
 * the user and parses again with `dateFormat` set. Throws UNREADABLE_FILE for an empty or binary
 * file, or one without a table of transactions.
 *
 * Detection looks at the first MiB (every date of the file when that leaves the date format open);
 * the rows are then read slice by slice through the same reader `parseCsvStream` uses, so records
 * do not pile up in memory beside the rows. `options.currency` (the account's) is the statement's
 * currency when neither the mapping nor the rows state one. A balance column gives the statement's
 * closing balance (the latest row's) and opening balance (see `running-balance.ts`).
 */
export function parseCsv(
  bytes: Uint8Array,
  given: Partial<CsvMapping> = {},
  options: { currency?: string } = {},
): CsvParseResult {
  const layout = readCsvLayout(bytes, given);
  const { detection, questions } = layout;
  let { mapping } = layout;

  const rows: StatementRow[] = [];
  let issues: ImportIssue[] = [];
  let balances: RunningBalances = NO_BALANCES;
  if (questions.length > 0) {
    issues = questions.map((question) => ({
      code: question.code,
      severity: 'error',
      message: question.message,
      line: null,
    }));
  } else {
    const chunks = csvRowChunks(layout.text, mapping, detection.columns);
    for (let next = chunks.next(); ; next = chunks.next()) {
      if (next.done) {
        balances = next.value.balances;
        if (given.footerLines === undefined) mapping = { ...mapping, footerLines: next.value.footerLines };
        break;
      }
      for (const row of next.value.rows) rows.push(row);
      for (const issue of next.value.issues) issues.push(issue);
    }
  }
  return {
    format: 'csv',
    variant: layout.variant,
    statements: [
      {
        accountId: null,
        accountType: null,
        accountName: null,
        currency: mapping.currency ?? sharedCurrency(rows) ?? options.currency ?? null,
        rows,
        openingBalance: balances.openingBalance,
        closingBalance: balances.closingBalance,
        availableBalance: null,
      },
    ],
    issues,
    mapping,
    questions,
    header: detection.header,
    columns: detection.columns,
  };
}

/** How a CSV file is laid out, before any row is read: what `parseCsv` detects (or is given). */
export interface CsvLayout {
  text: string;
  variant: string;
  detection: CsvDetection;
  mapping: CsvMapping;
  questions: DateFormatQuestion[];
}

/** The first half of `parseCsv`: decodes the file and detects its mapping (and the date question). */
export function readCsvLayout(bytes: Uint8Array, given: Partial<CsvMapping> = {}): CsvLayout {
  checkReadable(bytes);
  const decoded = decodeText(bytes, given.encoding);
  const { text } = decoded;
  const delimiter = prepare(text, given);
  const head = headRecords(text, delimiter, HEAD_CHARS);
  let detection = detectInRecords(head.records, head.lines, decoded.encoding, delimiter, given);
  if (detection.questions.length > 0 && head.lines === null) detection = settleDateFormat(text, detection);
  return {
    text,
    variant: `CSV (${DELIMITER_NAMES[delimiter]}-separated, ${decoded.encoding}${decoded.bom ? ' with BOM' : ''})`,
    detection,
    mapping: detection.mapping,
    questions: detection.questions,
  };
}

/** What is known once every row has been read: the footer's length and the balance column's balances. */
export interface CsvRowsEnd {
  footerLines: number;
  balances: RunningBalances;
}

/**
 * The second half of `parseCsv`: every record of the text, read in slices through one reader,
 * handed out as they settle (a few records wait for what follows them); returns the footer and the
 * balances the reader found. A preview reads a large file this way without holding every row.
 */
export function* csvRowChunks(
  text: string,
  mapping: CsvMapping,
  columns: number,
): Generator<CsvRowBatch, CsvRowsEnd, undefined> {
  const tokenizer = new CsvTokenizer(mapping.delimiter);
  const reader = createCsvRowReader(mapping, { columns });
  const records: CsvRecord[] = [];
  const take = () => {
    const batch = reader.read(records);
    records.length = 0;
    return batch;
  };
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    tokenizer.push(text.slice(at, at + SLICE_CHARS), records);
    yield take();
  }
  tokenizer.finish(records);
  yield take();
  yield reader.end(tokenizer.lines);
  const last = reader.lastDated;
  return {
    footerLines: last ? Math.max(0, tokenizer.lines - recordEndLine(last)) : 0,
    balances: reader.balances(),
  };
}

/**
 * The first MiB left the date format open: every date of the file decides (one 25/03/2021 in a
 * million rows settles day-first). Only the date cells are kept while the text is read again.
 */
function settleDateFormat(text: string, detection: CsvDetection): CsvDetection {
  const { mapping } = detection;
  const tokenizer = new CsvTokenizer(mapping.delimiter);
  const records: CsvRecord[] = [];
  const cells: string[] = [];
  const collect = () => {
    for (const record of records) {
      const cell = record.fields[mapping.dateColumn] ?? '';
      if (record.line >= mapping.firstDataLine && looksLikeDate(cell)) cells.push(cell);
    }
    records.length = 0;
  };
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    tokenizer.push(text.slice(at, at + SLICE_CHARS), records);
    collect();
  }
  tokenizer.finish(records);
  collect();
  const verdict = resolveDateFormat(cells);
  if (verdict.format === null) return detection;
  if (verdict.ambiguous) {
    return { ...detection, questions: [dateQuestion(verdict, detection.header, mapping.dateColumn)] };
  }
  return {
    ...detection,
    mapping: { ...mapping, dateFormat: verdict.format },
    questions: [],
    confidence: 'medium',
  };
}

/** The currency every row states, when they all state the same one. */
function sharedCurrency(rows: readonly StatementRow[]): string | null {
  const first = rows[0]?.currency ?? null;
  if (first === null) return null;
  return rows.every((row) => row.currency === first) ? first : null;
}
