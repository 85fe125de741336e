import type { TransactionStatus } from '../ledger/transaction.ts';

/**
 * What every bank-file parser returns. Parsers are pure: bytes (or text) in, statements and issues
 * out; nothing here knows about books, accounts in the database or the clock.
 *
 * Amounts are exact decimal strings in canonical form: an optional '-', digits, and optionally '.'
 * and digits (`"-1562.86"`, `"8.850"`, `"0.01"`). They are built from the file's text by string
 * manipulation only (never through a JavaScript number) and become integer minor units with
 * `parseMoney` once the account's currency is known. Signs are the account holder's: negative is
 * money leaving the account (or a charge on a card).
 */

/** The file formats Moneta reads; also the API's, the CLI's and the backup's list. */
export const STATEMENT_FORMATS = ['csv', 'ofx', 'qif', 'camt'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

export interface StatementSplit {
  /** Exact decimal, same sign convention as the row. */
  amount: string;
  /** The file's category text for this part (QIF `S`), or null. */
  category: string | null;
  memo: string | null;
}

export interface StatementRow {
  /** 1-based physical line (in the decoded text) where the record starts. */
  line: number;
  /** The record's source text as written (a CSV line, an OFX <STMTTRN> block, a QIF record, a CAMT <Ntry>). */
  raw: string;
  /** Booking / posted date, ISO 'YYYY-MM-DD', as written (no time-zone shifting). */
  date: string;
  /** Value date when the file gives one apart from the booking date. */
  valueDate: string | null;
  /** Exact canonical decimal, signed from the account holder's view. */
  amount: string;
  /** ISO 4217 code when the row itself states one, else null (the statement's currency applies). */
  currency: string | null;
  /** Counterparty as the file names it (OFX NAME, QIF P, CAMT RltdPties name, a CSV payee column). */
  payee: string | null;
  /** Free text: memo, purpose, remittance information; '' when there is none. */
  description: string;
  /** The file's own id of this movement when it has one (OFX FITID, CAMT AcctSvcrRef / NtryRef). */
  reference: string | null;
  /** Cheque number when given (OFX CHECKNUM, QIF N). */
  checkNumber: string | null;
  /**
   * 'pending' for rows the file marks as not yet booked, 'reconciled' for rows it marks as
   * reconciled (QIF `CX`/`CR`); otherwise 'cleared'.
   */
  status: TransactionStatus;
  /** The file's category text (QIF L), including transfers written as `[Account]`. */
  category: string | null;
  /** Split parts (QIF S/$/E); empty when the row is not split. Their amounts sum to `amount`. */
  splits: StatementSplit[];
  /** True for a record that states an opening balance rather than a movement (QIF "Opening Balance"). */
  openingBalance: boolean;
}

export interface StatementBalance {
  /** Exact canonical decimal, signed. */
  amount: string;
  /** ISO date the balance is as of, or null when the file does not say. */
  date: string | null;
}

export interface Statement {
  /** The account as the file identifies it (OFX ACCTID, CAMT IBAN, QIF !Account name), or null. */
  accountId: string | null;
  /** The file's account type word when present (OFX ACCTTYPE / 'CREDITCARD', QIF 'Bank' / 'CCard' / 'Cash'). */
  accountType: string | null;
  /** The file's account name when it gives one (QIF N in an !Account block). */
  accountName: string | null;
  /** ISO 4217 code the statement states (OFX CURDEF, CAMT Ccy), or null. */
  currency: string | null;
  rows: StatementRow[];
  /** CAMT OPBD. */
  openingBalance: StatementBalance | null;
  /** OFX LEDGERBAL, CAMT CLBD. */
  closingBalance: StatementBalance | null;
  /** OFX AVAILBAL. */
  availableBalance: StatementBalance | null;
}

/** Stable codes of what a parser noticed; the preview shows their messages. */
export type ImportIssueCode =
  | 'UNREADABLE_FILE' // empty, binary, truncated, or no format recognised
  | 'MALFORMED_RECORD' // a record that cannot be read (ragged CSV row, OFX block without amount)
  | 'INVALID_DATE'
  | 'INVALID_AMOUNT'
  | 'AMBIGUOUS_DATE_FORMAT' // e.g. 05/03/2021: the user must choose
  | 'SKIPPED_SECTION' // QIF memorised / investment sections, OFX investment statements
  | 'UNBALANCED_SPLITS'
  | 'BALANCE_MISMATCH'; // opening + rows ≠ closing

export interface ImportIssue {
  code: ImportIssueCode;
  /** 'error' stops a commit until fixed or the row is excluded; 'warning' is information. */
  severity: 'error' | 'warning';
  message: string;
  /** 1-based line the issue is about, or null for the whole file. */
  line: number | null;
}

export interface ParsedFile {
  format: StatementFormat;
  /** Human description of what was detected: 'OFX 1.02 (SGML)', 'CAMT.053.001.08', 'CSV'. */
  variant: string;
  statements: Statement[];
  issues: ImportIssue[];
}

/** A question the user must answer before rows can be read (only CSV asks, for dates). */
export interface DateFormatQuestion {
  code: 'AMBIGUOUS_DATE_FORMAT';
  message: string;
  /** Every date format consistent with all rows, in the order offered. */
  options: DateFormat[];
}

/**
 * Date formats a CSV column may use, in the order offered when several fit. Tokens: YYYY four-digit
 * year, YY two-digit year, MM / DD month / day with or without a leading zero, MMM English month
 * abbreviation (Jan…Dec). Separators are matched literally. One list for the parser, the API
 * contract and the mapping form.
 */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'YYYYMMDD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'MM/DD/YYYY',
  'MM-DD-YYYY',
  'MM.DD.YYYY',
  'DD.MM.YY',
  'DD/MM/YY',
  'MM/DD/YY',
  'DD-MMM-YYYY',
  'DD MMM YYYY',
  'MMM DD, YYYY',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'windows-1251', 'iso-8859-1'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** Field separators a CSV file may use, in the order detection tries them. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export const THOUSANDS_SEPARATORS = ['', '.', ',', "'", ' '] as const;

/** How the amount of a CSV row is written. Column numbers are 0-based. */
export type CsvAmountMapping =
  /** One signed column. */
  | { kind: 'signed'; column: number }
  /** Money out in one column, money in in another (either may be blank; both positive or signed). */
  | { kind: 'debit-credit'; debitColumn: number; creditColumn: number }
  /** An unsigned amount and a column that says which way it went (C/D, Af/Bij, Credit/Debit …). */
  | { kind: 'sign-column'; column: number; signColumn: number; debitValues: string[] };

/** Everything needed to read rows out of a CSV file; detected, shown to the user, editable, saved as a profile. */
export interface CsvMapping {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** 1-based physical line of the header record; null when the file has no header. */
  headerLine: number | null;
  /** 1-based physical line of the first data record. */
  firstDataLine: number;
  /** Lines at the end to ignore (footers, totals); 0 when none. */
  footerLines: number;
  dateColumn: number;
  dateFormat: DateFormat;
  /** A second date (value date), or null. */
  valueDateColumn: number | null;
  amount: CsvAmountMapping;
  decimalSeparator: (typeof DECIMAL_SEPARATORS)[number];
  thousandsSeparator: (typeof THOUSANDS_SEPARATORS)[number];
  /** Flip every sign (files that write charges as positive numbers). */
  invertSign: boolean;
  payeeColumn: number | null;
  /** Joined with ' ' (blank cells left out) into the description. */
  descriptionColumns: number[];
  currencyColumn: number | null;
  /** The file's id of a row, when a column carries one. */
  referenceColumn: number | null;
  /**
   * A running balance ("Saldo", "Balance"), or null: read into the statement's closing balance (the
   * latest row's) and opening balance, never into the rows' amounts.
   */
  balanceColumn: number | null;
  /** A column whose value marks pending rows, with the values that mean pending. */
  statusColumn: number | null;
  pendingValues: string[];
  /** The currency of every row when the file does not say (defaults to the account's). */
  currency: string | null;
}
