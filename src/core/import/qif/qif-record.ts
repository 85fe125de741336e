import type { TransactionStatus } from '../../ledger/transaction.ts';
import { type AmountSeparators, parseAmountText, sameDecimal, sumDecimals } from '../amount-text.ts';
import type { ImportIssue, StatementRow, StatementSplit } from '../types.ts';
import type { QifRecord } from './qif-sections.ts';

/**
 * The fields of one bank, cash or card record, before its date can be read (the day/month order
 * is decided for the whole file first). Only the first `D` counts: some exporters write a date
 * inside a split too.
 */
export interface QifTransaction {
  record: QifRecord;
  /** The first `D` value, or null when the record has none. */
  dateText: string | null;
  /** `T`, else `U` (newer Quicken writes both). */
  amountText: string | null;
  payee: string | null;
  memo: string;
  category: string | null;
  checkNumber: string | null;
  status: TransactionStatus;
  splits: { category: string | null; memo: string | null; amountText: string | null }[];
}

/**
 * The QIF specification's cleared status (`C`): `*` or `c` cleared, `X` or `R` reconciled, blank
 * (or anything else) not cleared, which Moneta calls pending. Letters in either case.
 */
function qifStatus(flag: string): TransactionStatus {
  if (/^[*c]$/i.test(flag)) return 'cleared';
  if (/^[xr]$/i.test(flag)) return 'reconciled';
  return 'pending';
}

export function readQifTransaction(record: QifRecord): QifTransaction {
  const transaction: QifTransaction = {
    record,
    dateText: null,
    amountText: null,
    payee: null,
    memo: '',
    category: null,
    checkNumber: null,
    status: 'pending',
    splits: [],
  };
  let uAmount: string | null = null;
  const memos: string[] = [];
  for (const { code, value } of record.fields) {
    const text = value.trim();
    const split = transaction.splits.at(-1);
    switch (code) {
      case 'D':
        transaction.dateText ??= value;
        break;
      case 'T':
        transaction.amountText ??= text;
        break;
      case 'U':
        uAmount ??= text;
        break;
      case 'P':
        transaction.payee ??= text || null;
        break;
      case 'M':
        if (text) memos.push(text);
        break;
      case 'L':
        transaction.category ??= text || null;
        break;
      case 'N':
        transaction.checkNumber ??= text || null;
        break;
      case 'C':
        transaction.status = qifStatus(text);
        break;
      case 'S':
        transaction.splits.push({ category: text || null, memo: null, amountText: null });
        break;
      case 'E':
        if (split && split.memo === null) split.memo = text || null;
        else transaction.splits.push({ category: null, memo: text || null, amountText: null });
        break;
      case '$':
        if (split && split.amountText === null) split.amountText = text;
        else transaction.splits.push({ category: null, memo: null, amountText: text });
        break;
    }
  }
  if (transaction.amountText === null || transaction.amountText === '')
    transaction.amountText = uAmount || null;
  transaction.memo = memos.join(' ');
  return transaction;
}

/** Every amount text of the record, for the file's separator detection. */
export function amountTexts(transaction: QifTransaction): string[] {
  const texts = transaction.splits.map((split) => split.amountText ?? '');
  if (transaction.amountText) texts.push(transaction.amountText);
  return texts.filter((text) => text !== '');
}

/**
 * The row of a record whose date is read, or the error that keeps it out. Split amounts that do not
 * add up to the total keep the row (the user sees it) with an UNBALANCED_SPLITS error.
 */
export function qifRow(
  transaction: QifTransaction,
  date: string,
  separators: AmountSeparators,
): { row: StatementRow | null; issues: ImportIssue[] } {
  const { record } = transaction;
  const line = record.line;
  const error = (code: ImportIssue['code'], message: string) => ({
    row: null,
    issues: [{ code, severity: 'error' as const, message, line }],
  });
  if (!transaction.amountText)
    return error('MALFORMED_RECORD', `The record on line ${line} has no amount (T).`);
  const amount = parseAmountText(transaction.amountText, separators);
  if (amount === null) {
    return error('INVALID_AMOUNT', `'${clip(transaction.amountText)}' on line ${line} is not an amount.`);
  }
  const splits: StatementSplit[] = [];
  for (const [index, split] of transaction.splits.entries()) {
    const part = split.amountText ? parseAmountText(split.amountText, separators) : null;
    if (part === null) {
      const what = split.amountText ? `'${clip(split.amountText)}' is not an amount` : 'has no amount ($)';
      return error('INVALID_AMOUNT', `Split ${index + 1} of the record on line ${line} ${what}.`);
    }
    splits.push({ amount: part, category: split.category, memo: split.memo });
  }
  const issues: ImportIssue[] = [];
  if (splits.length > 0 && !sameDecimal(sumDecimals(splits.map((split) => split.amount)), amount)) {
    const message = `The splits of the record on line ${line} do not add up to its amount ${amount}.`;
    issues.push({ code: 'UNBALANCED_SPLITS', severity: 'error', message, line });
  }
  const row: StatementRow = {
    line,
    raw: record.raw,
    date,
    valueDate: null,
    amount,
    currency: null,
    payee: transaction.payee,
    description: transaction.memo,
    reference: null,
    checkNumber: transaction.checkNumber,
    status: transaction.status,
    category: transaction.category,
    splits,
    openingBalance: /^opening balance$/i.test(transaction.payee ?? ''),
  };
  return { row, issues };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
