import { absDecimal, negateDecimal, parseAmountText, sumDecimals } from '../amount-text.ts';
import type { CsvMapping, ImportIssue, StatementRow } from '../types.ts';
import { cleanCell } from './column-profile.ts';
import { currencyOfCell } from './currency-cell.ts';
import { looksLikeDate, parseDateAs } from './date-formats.ts';
import { normalizeHeader, signWordOf } from './header-names.ts';
import { amountColumns } from './mapping-columns.ts';
import { createBalanceTracker, NO_BALANCES, type RunningBalances } from './running-balance.ts';
import type { CsvRecord } from './tokenizer.ts';

/** Rows and issues that are final: later records cannot change them. */
export interface CsvRowBatch {
  rows: StatementRow[];
  issues: ImportIssue[];
}

/**
 * Turns records into statement rows with a mapping: one code path for a whole file (`parseCsv`)
 * and for a stream of chunks (`parseCsvStream`). Records must come in file order.
 */
export interface CsvRowReader {
  /** Reads more records; returns what is settled (a few records may wait for what follows them). */
  read(records: readonly CsvRecord[]): CsvRowBatch;
  /** Settles the waiting records once the input's line count is known. */
  end(totalLines: number): CsvRowBatch;
  /** The header's cells once its line has been read, else null. */
  readonly header: string[] | null;
  /** The last record read whose date cell is meant as a date: where the footer starts after. */
  readonly lastDated: CsvRecord | null;
  /** The opening and closing balances of the mapping's balance column, once `end` has run. */
  balances(): RunningBalances;
}

/** Dateless lines held back while waiting to know whether they are a footer; beyond this, errors. */
const MAX_HELD = 10_000;

/**
 * What the reader decides per record:
 * - lines before `firstDataLine` are skipped (the header line is kept as `header`), blank lines too;
 * - the last `footerLines` lines are skipped, and so are lines after the last dated one whose date
 *   cell holds no date at all ("Total", "Balance at start of period"): a footer;
 * - a record missing fields, or with more non-empty fields than the table has (a delimiter in an
 *   unquoted field shifts every column after it), is a MALFORMED_RECORD error; tables whose rows
 *   all run past their header (free text spilling over) may have more;
 * - an unreadable date or amount is an INVALID_DATE / INVALID_AMOUNT error; the row is left out;
 * - an unreadable balance is an INVALID_AMOUNT warning; the row is read without it.
 */
export function createCsvRowReader(mapping: CsvMapping, options: { columns?: number } = {}): CsvRowReader {
  const separators = {
    decimalSeparator: mapping.decimalSeparator,
    thousandsSeparator: mapping.thousandsSeparator,
  };
  const pending = new Set(mapping.pendingValues.map((value) => normalizeHeader(value) || value.trim()));
  const debitValues =
    mapping.amount.kind === 'sign-column' ? new Set(mapping.amount.debitValues.map(signWordOf)) : new Set();
  const needed = neededFields(mapping);
  // Profiles saved before the balance column existed have none.
  const balanceColumn = mapping.balanceColumn ?? null;
  const balances = balanceColumn === null ? null : createBalanceTracker();
  let header: string[] | null = null;
  let headerWidth: number | null = null;
  let columns = options.columns ?? null;
  const queue: CsvRecord[] = [];
  let head = 0;
  let lastDated = -1;
  let lastDatedRecord: CsvRecord | null = null;
  let latestLine = 0;

  const issue = (
    code: ImportIssue['code'],
    line: number,
    message: string,
    severity: 'error' | 'warning' = 'error',
  ) => ({ code, severity, message: `Line ${line}: ${message}`, line }) satisfies ImportIssue;

  function readAmount(
    fields: readonly string[],
    column: number,
    line: number,
    what: string,
    issues: ImportIssue[],
  ) {
    const cell = cleanCell(fields[column] ?? '');
    if (cell === '') return undefined;
    const value = parseAmountText(cell, separators);
    if (value === null) {
      issues.push(
        issue('INVALID_AMOUNT', line, `'${shorten(cell)}' is not ${what} in the file's number format.`),
      );
    }
    return value;
  }

  function amountOf(fields: readonly string[], line: number, issues: ImportIssue[]): string | null {
    const amount = mapping.amount;
    let value: string | null | undefined;
    if (amount.kind === 'debit-credit') {
      const debit = readAmount(fields, amount.debitColumn, line, 'a debit amount', issues);
      const credit = readAmount(fields, amount.creditColumn, line, 'a credit amount', issues);
      if (debit === null || credit === null) return null;
      if (debit === undefined && credit === undefined) {
        issues.push(issue('INVALID_AMOUNT', line, 'neither the debit nor the credit column has an amount.'));
        return null;
      }
      value =
        debit === undefined
          ? absDecimal(credit!)
          : credit === undefined
            ? negateDecimal(absDecimal(debit))
            : sumDecimals([absDecimal(credit), negateDecimal(absDecimal(debit))]);
    } else {
      value = readAmount(fields, amount.column, line, 'an amount', issues);
      if (value === undefined) issues.push(issue('INVALID_AMOUNT', line, 'the amount is empty.'));
      if (value == null) return null;
      if (amount.kind === 'sign-column') {
        const out = debitValues.has(signWordOf(cleanCell(fields[amount.signColumn] ?? '')));
        value = out ? negateDecimal(absDecimal(value)) : absDecimal(value);
      }
    }
    return mapping.invertSign ? negateDecimal(value) : value;
  }

  // Dates, currencies and status words repeat from row to row: remember the last one read.
  let lastDateCell = '';
  let lastDate: string | null = null;
  let lastCurrencyCell = '';
  let lastCurrency: string | null = null;
  function currencyAt(fields: readonly string[]): string | null {
    if (mapping.currencyColumn === null) return null;
    const cell = fields[mapping.currencyColumn] ?? '';
    if (cell !== lastCurrencyCell) {
      lastCurrencyCell = cell;
      lastCurrency = currencyOfCell(cell);
    }
    return lastCurrency;
  }
  let lastStatusCell = '';
  let lastPending = false;
  function isPending(fields: readonly string[]): boolean {
    if (mapping.statusColumn === null) return false;
    const cell = fields[mapping.statusColumn] ?? '';
    if (cell !== lastStatusCell) {
      lastStatusCell = cell;
      const status = cleanCell(cell);
      lastPending = status !== '' && pending.has(normalizeHeader(status) || status);
    }
    return lastPending;
  }

  function descriptionOf(fields: readonly string[]): string {
    let description = '';
    for (const column of mapping.descriptionColumns) {
      const part = textAt(fields, column);
      if (part !== '') description = description === '' ? part : `${description} ${part}`;
    }
    return description;
  }

  function widthProblem(fields: readonly string[]): string | null {
    const count = fields.length;
    const expected = columns ?? count;
    if (count < needed) return `it has ${count} fields, but the mapping reads column ${needed}.`;
    if (count < expected && !(headerWidth !== null && count >= headerWidth)) {
      return `it has ${count} fields where the table has ${expected}.`;
    }
    // Rows may reach the header's width (exports that leave out empty trailing fields), and beyond
    // it in tables whose rows all run past their header.
    const widest = Math.max(expected, headerWidth ?? 0);
    const spills = headerWidth !== null && expected > headerWidth;
    if (count > widest && !spills && fields.slice(widest).some((field) => field.trim() !== '')) {
      return `it has ${count} fields where the table has ${expected} (a delimiter inside an unquoted field?).`;
    }
    return null;
  }

  function convert(record: CsvRecord, batch: CsvRowBatch): void {
    const { fields, line } = record;
    columns ??= fields.length;
    const ragged = widthProblem(fields);
    if (ragged) {
      batch.issues.push(issue('MALFORMED_RECORD', line, ragged));
      return;
    }
    const problems = batch.issues;
    const dateCell = cleanCell(fields[mapping.dateColumn] ?? '');
    if (dateCell !== lastDateCell) {
      lastDateCell = dateCell;
      lastDate = dateCell === '' ? null : parseDateAs(dateCell, mapping.dateFormat);
    }
    const date = lastDate;
    if (date === null) {
      const message =
        dateCell === ''
          ? 'the date is empty.'
          : `'${shorten(dateCell)}' is not a date in the format ${mapping.dateFormat}.`;
      problems.push(issue('INVALID_DATE', line, message));
    }
    const amount = amountOf(fields, line, problems);
    let valueDate: string | null = null;
    if (mapping.valueDateColumn !== null) {
      const cell = cleanCell(fields[mapping.valueDateColumn] ?? '');
      valueDate = cell === '' ? null : parseDateAs(cell, mapping.dateFormat);
      if (cell !== '' && valueDate === null) {
        const message = `the value date '${shorten(cell)}' is not a date; it is left out.`;
        problems.push(issue('INVALID_DATE', line, message, 'warning'));
      }
    }
    if (date === null || amount === null) return;
    const currency = currencyAt(fields);
    if (balances) {
      const cell = cleanCell(fields[balanceColumn!] ?? '');
      const balance = cell === '' ? null : parseAmountText(cell, separators);
      if (cell !== '' && balance === null) {
        const message = `the balance '${shorten(cell)}' is not an amount in the file's number format; it is left out.`;
        problems.push(issue('INVALID_AMOUNT', line, message, 'warning'));
      }
      balances.add({ line, date, amount, balance, currency });
    }
    batch.rows.push({
      line,
      raw: record.raw,
      date,
      valueDate,
      amount,
      currency,
      payee: textAt(fields, mapping.payeeColumn) || null,
      description: descriptionOf(fields),
      reference: textAt(fields, mapping.referenceColumn) || null,
      checkNumber: null,
      status: isPending(fields) ? 'pending' : 'cleared',
      category: null,
      splits: [],
      openingBalance: false,
    });
  }

  function drain(batch: CsvRowBatch, totalLines: number | null): void {
    const footerStart = totalLines === null ? null : totalLines - mapping.footerLines;
    while (head < queue.length) {
      const record = queue[head]!;
      if (footerStart === null) {
        if (mapping.footerLines > 0 && latestLine < record.line + mapping.footerLines) break;
        if (head > lastDated && queue.length - head < MAX_HELD) break;
      } else if (record.line > footerStart || head > lastDated) {
        head++;
        continue;
      }
      convert(record, batch);
      head++;
    }
    if (head > 1024 && head * 2 > queue.length) {
      queue.splice(0, head);
      lastDated -= head;
      head = 0;
    }
  }

  return {
    read(records) {
      const batch: CsvRowBatch = { rows: [], issues: [] };
      for (const record of records) {
        if (record.line < mapping.firstDataLine) {
          if (record.line === mapping.headerLine) {
            header = record.fields.map((field) => field.trim());
            headerWidth = header.length;
            while (headerWidth > 0 && header[headerWidth - 1] === '') headerWidth--;
          }
          continue;
        }
        if (record.fields.every((field) => field.trim() === '')) continue;
        queue.push(record);
        latestLine = record.line;
        if (looksLikeDate(record.fields[mapping.dateColumn] ?? '')) {
          lastDated = queue.length - 1;
          lastDatedRecord = record;
        }
        drain(batch, null);
      }
      return batch;
    },
    end(totalLines) {
      const batch: CsvRowBatch = { rows: [], issues: [] };
      drain(batch, totalLines);
      return batch;
    },
    get header() {
      return header;
    },
    get lastDated() {
      return lastDatedRecord;
    },
    balances() {
      return balances ? balances.result() : NO_BALANCES;
    },
  };
}

/** Fields a record needs for every column the mapping reads. */
function neededFields(mapping: CsvMapping): number {
  return Math.max(mapping.dateColumn, ...amountColumns(mapping.amount)) + 1;
}

/** Free text of a column for display (see `cleanText`); '' for no column. */
function textAt(fields: readonly string[], column: number | null): string {
  return column === null ? '' : cleanText(fields[column] ?? '');
}

const LONG_SPACE = /\s{2,}|[\t\r\n\f\v\u00a0]/;

/** Free text for display: trimmed, runs of spaces (fixed-width padding) made one, '…' quotes removed. */
function cleanText(cell: string): string {
  let text = cleanCell(cell);
  if (LONG_SPACE.test(text)) text = text.replace(/\s+/g, ' ');
  return text.length >= 2 && text.startsWith("'") && text.endsWith("'") ? text.slice(1, -1).trim() : text;
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
