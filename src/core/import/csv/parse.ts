import { decodeText } from '../text-decode.ts';
import type { CsvMapping, DateFormatQuestion, ImportIssue, ParsedFile, StatementRow } from '../types.ts';
import { looksLikeDate, resolveDateFormat } from './date-formats.ts';
import { type CsvDetection, checkReadable, dateQuestion, detectInRecords, prepare } from './detect.ts';
import { createCsvRowReader } from './row-reader.ts';
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
  checkReadable(bytes);
  const decoded = decodeText(bytes, given.encoding);
  const { text } = decoded;
  const delimiter = prepare(text, given);
  const head = headRecords(text, delimiter, HEAD_CHARS);
  let detection = detectInRecords(head.records, head.lines, decoded.encoding, delimiter, given);
  if (detection.questions.length > 0 && head.lines === null) detection = settleDateFormat(text, detection);
  const { questions } = detection;
  let { mapping } = detection;

  let rows: StatementRow[] = [];
  let issues: ImportIssue[];
  let balances: RunningBalances = NO_BALANCES;
  if (questions.length > 0) {
    issues = questions.map((question) => ({
      code: question.code,
      severity: 'error',
      message: question.message,
      line: null,
    }));
  } else {
    const read = readRows(text, mapping, detection.columns);
    ({ rows, issues, balances } = read);
    if (given.footerLines === undefined) mapping = { ...mapping, footerLines: read.footerLines };
  }
  return {
    format: 'csv',
    variant: `CSV (${DELIMITER_NAMES[delimiter]}-separated, ${decoded.encoding}${decoded.bom ? ' with BOM' : ''})`,
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

/** Every record of the text in slices, through one reader; the footer and balances the reader found. */
function readRows(text: string, mapping: CsvMapping, columns: number) {
  const tokenizer = new CsvTokenizer(mapping.delimiter);
  const reader = createCsvRowReader(mapping, { columns });
  const rows: StatementRow[] = [];
  const issues: ImportIssue[] = [];
  const records: CsvRecord[] = [];
  const take = () => {
    const batch = reader.read(records);
    records.length = 0;
    for (const row of batch.rows) rows.push(row);
    for (const issue of batch.issues) issues.push(issue);
  };
  for (let at = 0; at < text.length; at += SLICE_CHARS) {
    tokenizer.push(text.slice(at, at + SLICE_CHARS), records);
    take();
  }
  tokenizer.finish(records);
  take();
  const rest = reader.end(tokenizer.lines);
  rows.push(...rest.rows);
  issues.push(...rest.issues);
  const last = reader.lastDated;
  return {
    rows,
    issues,
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
