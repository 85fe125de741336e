import { fail } from '../../errors.ts';
import { guessSeparators } from '../amount-text.ts';
import { decodeText, looksBinary } from '../text-decode.ts';
import type { ImportIssue, ParsedFile, Statement } from '../types.ts';
import {
  inferDateOrder,
  type QifDateOrder,
  type QifDateParts,
  qifIsoDate,
  splitQifDate,
} from './qif-date.ts';
import { amountTexts, type QifTransaction, qifRow, readQifTransaction } from './qif-record.ts';
import { type QifSection, splitQifSections } from './qif-sections.ts';

export interface QifParseOptions {
  /** The day/month order of the file's dates, once the user has answered the question. */
  dateOrder?: QifDateOrder;
}

/** Asked when both orders fit every date of the file; answer with `dateOrder`. Like CSV's DateFormatQuestion. */
export interface QifDateOrderQuestion {
  code: 'AMBIGUOUS_DATE_FORMAT';
  message: string;
  /** The orders that fit every date, the provisional reading first. */
  options: QifDateOrder[];
}

export interface ParsedQifFile extends ParsedFile {
  /** The order the rows' dates were read in (provisional while a question is open). */
  dateOrder: QifDateOrder;
  questions: QifDateOrderQuestion[];
}

/** The sections whose records are money movements, with the account type word they give. */
const IMPORTED: Record<string, string> = {
  'type:bank': 'Bank',
  'type:cash': 'Cash',
  'type:ccard': 'CCard',
  'type:oth a': 'Oth A',
  'type:oth l': 'Oth L',
};

const SKIPPED_REASONS: Record<string, string> = {
  'type:invst': 'investment transactions are not imported',
  'type:memorized': 'memorised transactions are templates, not movements',
  'type:cat': 'it is a category list',
  'type:class': 'it is a class list',
  'type:tag': 'it is a tag list',
  'type:security': 'it is a list of securities',
  'type:prices': 'it is a list of security prices',
  'type:budget': 'it is a budget',
};

interface AccountGroup {
  statement: Statement;
  transactions: QifTransaction[];
}

/**
 * Reads a QIF file into one statement per account (`!Account` blocks) or, without accounts, per
 * section type. Investment, memorised and list sections are skipped with a warning. Dates are read
 * in the order every record fits; when no record settles it the rows are read month first and the
 * result carries a question and an AMBIGUOUS_DATE_FORMAT error until `dateOrder` is given.
 */
export function parseQifText(text: string, options: QifParseOptions = {}): ParsedQifFile {
  if (text.replace(/^\uFEFF/, '').trim() === '') fail('UNREADABLE_FILE', 'The file is empty.');
  // Checked before splitting, so megabytes of something else are refused at once.
  if (!/^[ \t\uFEFF]*!/m.test(text)) {
    fail('UNREADABLE_FILE', 'This is not a QIF file: it has no !Type or !Account header.');
  }
  const sections = splitQifSections(text);
  const issues: ImportIssue[] = [];
  const groups = groupByAccount(sections, issues);
  if (groups.length === 0) {
    fail(
      'UNREADABLE_FILE',
      'This QIF file holds no bank, cash or credit-card transactions (only lists or investment records).',
    );
  }
  const transactions = groups.flatMap((group) => group.transactions);
  const dates = new Map<QifTransaction, QifDateParts>();
  for (const transaction of transactions) {
    const parts = transaction.dateText === null ? null : splitQifDate(transaction.dateText);
    if (parts) dates.set(transaction, parts);
  }
  const inferred = inferDateOrder(
    [...dates].map(([transaction, parts]) => ({ text: transaction.dateText!, parts })),
  );
  const dateOrder = options.dateOrder ?? inferred.order;
  const questions: QifDateOrderQuestion[] = [];
  if (inferred.ambiguous && !options.dateOrder) {
    const { text, mdy, dmy } = inferred.example!;
    const message = `The dates of this file can be read month first or day first (${text} is ${mdy} or ${dmy}): choose the order.`;
    questions.push({ code: 'AMBIGUOUS_DATE_FORMAT', message, options: ['MDY', 'DMY'] });
    issues.push({ code: 'AMBIGUOUS_DATE_FORMAT', severity: 'error', message, line: null });
  }
  const { decimalSeparator, thousandsSeparator } = guessSeparators(transactions.flatMap(amountTexts));
  const separators = { decimalSeparator, thousandsSeparator };
  for (const group of groups) {
    for (const transaction of group.transactions) {
      const { line, terminated } = transaction.record;
      if (!terminated) {
        const message = `The last record (line ${line}) has no end mark (^): the file may be cut off.`;
        issues.push({ code: 'MALFORMED_RECORD', severity: 'warning', message, line });
      }
      const date = readDate(transaction, dates.get(transaction), dateOrder, issues);
      if (date === null) continue;
      const read = qifRow(transaction, date, separators);
      if (read.row) group.statement.rows.push(read.row);
      issues.push(...read.issues);
    }
  }
  const statements = groups.map((group) => group.statement);
  if (transactions.length > 0 && statements.every((statement) => statement.rows.length === 0)) {
    const first = issues.find((issue) => issue.severity === 'error');
    fail(
      'UNREADABLE_FILE',
      `None of the records of this QIF file can be read${first ? `: ${first.message}` : '.'}`,
    );
  }
  const types = [...new Set(statements.map((statement) => statement.accountType))].join(', ');
  return { format: 'qif', variant: `QIF (${types})`, statements, issues, dateOrder, questions };
}

/** Reads QIF bytes: UTF-8 (with or without BOM), else Windows-1252, as QIF states no character set. */
export function parseQif(bytes: Uint8Array, options: QifParseOptions = {}): ParsedQifFile {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--; // NUL padding after the last record
  const content = bytes.subarray(0, end);
  if (content.length === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  if (looksBinary(content)) fail('UNREADABLE_FILE', 'This file is binary, not a QIF text file.');
  return parseQifText(decodeText(content).text, options);
}

/** Puts each money section's records under the account the last `!Account` block named. */
function groupByAccount(sections: readonly QifSection[], issues: ImportIssue[]): AccountGroup[] {
  const groups = new Map<string, AccountGroup>();
  let account: string | null = null;
  for (const section of sections) {
    const type = IMPORTED[section.kind];
    if (section.header === null || section.kind.startsWith('option:') || section.kind.startsWith('clear:')) {
      if (section.records.length > 0) {
        const message = `${section.records.length} record(s) before line ${section.records.at(-1)!.line + 1} belong to no section and were skipped.`;
        issues.push({
          code: 'SKIPPED_SECTION',
          severity: 'warning',
          message,
          line: section.records[0]!.line,
        });
      }
    } else if (section.kind === 'account') {
      for (const record of section.records) {
        const name = record.fields.find((field) => field.code === 'N')?.value.trim();
        if (name) account = name;
      }
    } else if (type) {
      const key = account ?? `!${type}`;
      let group = groups.get(key);
      if (!group) {
        group = { statement: emptyStatement(account, type), transactions: [] };
        groups.set(key, group);
      }
      group.transactions.push(...section.records.map(readQifTransaction));
    } else {
      const reason = SKIPPED_REASONS[section.kind] ?? 'Moneta does not import this kind of section';
      const count = section.records.length === 1 ? '1 record' : `${section.records.length} records`;
      const of = section.kind === 'type:invst' && account ? `, account ${account}` : '';
      const message = `The ${section.header} section on line ${section.line} (${count}${of}) was skipped: ${reason}.`;
      issues.push({ code: 'SKIPPED_SECTION', severity: 'warning', message, line: section.line });
    }
  }
  return [...groups.values()];
}

/** The record's ISO date, or null with the error pushed; text glued after a date is a warning. */
function readDate(
  transaction: QifTransaction,
  parts: QifDateParts | undefined,
  order: QifDateOrder,
  issues: ImportIssue[],
): string | null {
  const line = transaction.record.line;
  const text = transaction.dateText?.trim() ?? '';
  const date = parts ? qifIsoDate(parts, order) : null;
  if (date === null) {
    const message =
      transaction.dateText === null
        ? `The record on line ${line} has no date (D).`
        : `'${text.slice(0, 40)}' on line ${line} is not a date${parts ? ` in ${order === 'MDY' ? 'month/day' : 'day/month'} order` : ''}.`;
    issues.push({
      code: transaction.dateText === null ? 'MALFORMED_RECORD' : 'INVALID_DATE',
      severity: 'error',
      message,
      line,
    });
    return null;
  }
  if (parts!.trailing) {
    const message = `The date '${text.slice(0, 40)}' on line ${line} was read as ${date}; the text after it was ignored.`;
    issues.push({ code: 'INVALID_DATE', severity: 'warning', message, line });
  }
  return date;
}

function emptyStatement(account: string | null, type: string): Statement {
  return {
    accountId: account,
    accountType: type,
    accountName: account,
    currency: null,
    rows: [],
    openingBalance: null,
    closingBalance: null,
    availableBalance: null,
  };
}
