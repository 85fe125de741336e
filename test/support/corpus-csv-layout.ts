import type { CsvEncoding, CsvMapping, DateFormat } from '../../src/core/import/types.ts';

/**
 * The corpus manifest's `csv_layout` of a CSV file (1-based columns, strftime date formats), as a
 * CSV mapping for `parseCsv`. Only what the layout states is set; the rest (payee and description
 * columns, and the balance column when the layout names none) is left to detection.
 */
export interface CsvLayout {
  encoding: string;
  delimiter: string;
  header_line: number | null;
  lines_before_header: number;
  date_column: number;
  date_format: string;
  decimal_separator: '.' | ',';
  thousands_separator: string | null;
  amount_column?: number;
  debit_column?: number;
  credit_column?: number;
  sign_column?: number;
  negative_when?: string[];
  currency_column?: number;
  currency?: string | null;
  status_column?: number;
  /** A running balance column, when the layout names one. */
  balance_column?: number;
  pending_when?: string[];
  other_date_column?: number;
  other_date_meaning?: string;
  /** "only lines matching /regex/ after the header": the rows to read when the file has notes or footers. */
  data_rows?: string;
}

const DATE_FORMATS: Record<string, DateFormat> = {
  '%Y-%m-%d': 'YYYY-MM-DD',
  '%Y-%m-%d %H:%M:%S': 'YYYY-MM-DD',
  '%Y/%m/%d': 'YYYY/MM/DD',
  '%Y%m%d': 'YYYYMMDD',
  '%d.%m.%Y': 'DD.MM.YYYY',
  '%d.%m.%y': 'DD.MM.YY',
  '%d/%m/%Y': 'DD/MM/YYYY',
  '%d/%m/%y': 'DD/MM/YY',
  '%d-%m-%Y': 'DD-MM-YYYY',
  '%m/%d/%Y': 'MM/DD/YYYY',
  '%m/%d/%y': 'MM/DD/YY',
};

function encodingOf(layout: string): CsvEncoding {
  if (layout.startsWith('windows-1252')) return 'windows-1252';
  if (layout.startsWith('windows-1251')) return 'windows-1251';
  if (layout.startsWith('utf-8') || layout === 'ascii') return 'utf-8';
  throw new Error(`unknown corpus encoding ${layout}`);
}

function amountOf(layout: CsvLayout): CsvMapping['amount'] {
  const column = (n: number | undefined) => n! - 1;
  if (layout.debit_column !== undefined && layout.credit_column !== undefined) {
    // "credit - debit" and "debit + credit (debit values are already negative)" both read as
    // money in minus money out: the parser takes debits as outflows whatever their sign.
    return {
      kind: 'debit-credit',
      debitColumn: column(layout.debit_column),
      creditColumn: column(layout.credit_column),
    };
  }
  if (layout.sign_column !== undefined) {
    return {
      kind: 'sign-column',
      column: column(layout.amount_column),
      signColumn: column(layout.sign_column),
      debitValues: layout.negative_when ?? [],
    };
  }
  return { kind: 'signed', column: column(layout.amount_column) };
}

/** First data line and footer lines from a `data_rows` rule, over the decoded text's lines. */
function dataRows(layout: CsvLayout, text: string): { firstDataLine: number; footerLines: number } {
  const start = (layout.header_line ?? layout.lines_before_header) + 1;
  if (!layout.data_rows) return { firstDataLine: start, footerLines: 0 };
  const match = /matching \/(.+)\/ after/.exec(layout.data_rows);
  if (!match) throw new Error(`unreadable data_rows rule: ${layout.data_rows}`);
  const pattern = new RegExp(match[1]!);
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  const matching = lines
    .map((line, i) => (i + 1 >= start && pattern.test(line) ? i + 1 : 0))
    .filter((n) => n > 0);
  return { firstDataLine: matching[0]!, footerLines: lines.length - matching.at(-1)! };
}

export function mappingFromLayout(layout: CsvLayout, text: string): Partial<CsvMapping> {
  const dateFormat = DATE_FORMATS[layout.date_format];
  if (!dateFormat) throw new Error(`unknown corpus date format ${layout.date_format}`);
  const valueDate = layout.other_date_meaning?.toLowerCase().includes('value date')
    ? layout.other_date_column
    : undefined;
  return {
    encoding: encodingOf(layout.encoding),
    delimiter: layout.delimiter as CsvMapping['delimiter'],
    headerLine: layout.header_line,
    ...dataRows(layout, text),
    dateColumn: layout.date_column - 1,
    dateFormat,
    valueDateColumn: valueDate === undefined ? null : valueDate - 1,
    amount: amountOf(layout),
    decimalSeparator: layout.decimal_separator,
    thousandsSeparator: (layout.thousands_separator ?? '') as CsvMapping['thousandsSeparator'],
    invertSign: false,
    currencyColumn: layout.currency_column === undefined ? null : layout.currency_column - 1,
    currency: layout.currency ?? null,
    statusColumn: layout.status_column === undefined ? null : layout.status_column - 1,
    pendingValues: layout.pending_when ?? [],
    ...(layout.balance_column !== undefined && { balanceColumn: layout.balance_column - 1 }),
  };
}
