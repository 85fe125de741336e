/**
 * The CSV export of transactions, laid out the way Actual, YNAB and Firefly III users read and
 * re-import them: one `transaction` line per transaction, seen from one account (the register's
 * view), then one `split` line per counterpart when there are several. Amounts are exact decimal
 * strings of the currency named beside them.
 *
 * - The line's account is the posting into the account the export is filtered on (`accountId`),
 *   else the first posting into a balance-sheet account, else the first posting.
 * - The counterpart is the category (`category`) or, for a transfer, the other account
 *   (`transfer_account`). Several counterparts: `category` says `Split` and split lines follow,
 *   each with the counterpart's own amount, signed as the account sees it (they add up to the
 *   transaction line's amount when they share its currency).
 * - A single counterpart in another currency (a cross-currency transfer) fills `foreign_amount`
 *   and `foreign_currency` of the transaction line.
 */
import { type CurrencyCode, exponentOf, formatMinor, isCurrencyCode } from '../money/index.ts';
import { type CsvField, csvField, toCsv } from '../reports/csv.ts';
import {
  type ExportAccount,
  type ExportPosting,
  type ExportTransaction,
  isBalanceSheet,
} from './ledger-view.ts';

export const TRANSACTION_CSV_HEADER = [
  'date',
  'transaction_id',
  'type',
  'account',
  'category',
  'transfer_account',
  'payee',
  'description',
  'amount',
  'currency',
  'foreign_amount',
  'foreign_currency',
  'status',
  'tags',
  'notes',
  'memo',
] as const;

/** What `category` says when a transaction has several counterparts (split lines follow). */
export const SPLIT = 'Split';

type Accounts = ReadonlyMap<number, Pick<ExportAccount, 'name' | 'type' | 'currency'>>;

function decimal(minor: bigint, code: string): string {
  return formatMinor(minor, isCurrencyCode(code) ? exponentOf(code as CurrencyCode) : 2);
}

/** The posting whose account the line is about (see the module comment). */
function primaryIndex(tx: ExportTransaction, accounts: Accounts, viewAccountId: number | undefined): number {
  const viewed = tx.postings.findIndex((p) => p.accountId === viewAccountId);
  if (viewed >= 0) return viewed;
  const balanceSheet = tx.postings.findIndex((p) => {
    const account = accounts.get(p.accountId);
    return account !== undefined && isBalanceSheet(account.type);
  });
  return Math.max(balanceSheet, 0);
}

function accountOf(accounts: Accounts, posting: ExportPosting) {
  return accounts.get(posting.accountId) ?? { name: `#${posting.accountId}`, type: 'asset', currency: '' };
}

/** The lines of one transaction (see the module comment); `viewAccountId` is the export's account filter. */
export function transactionCsvRows(
  tx: ExportTransaction,
  accounts: Accounts,
  viewAccountId?: number,
): CsvField[][] {
  if (tx.postings.length === 0) return [];
  const index = primaryIndex(tx, accounts, viewAccountId);
  const primary = tx.postings[index]!;
  const account = accountOf(accounts, primary);
  const counterparts = tx.postings.filter((_, i) => i !== index);
  const line = (
    type: 'transaction' | 'split',
    counterpart: string | { posting: ExportPosting } | null,
    amount: [bigint, string],
    foreign: [bigint, string] | null,
    memo: string | null,
  ): CsvField[] => {
    const other =
      counterpart !== null && typeof counterpart === 'object'
        ? accountOf(accounts, counterpart.posting)
        : null;
    const category =
      typeof counterpart === 'string' ? counterpart : other && !isBalanceSheet(other.type) ? other.name : '';
    return [
      tx.date,
      tx.id,
      type,
      account.name,
      category,
      other && isBalanceSheet(other.type) ? other.name : '',
      tx.payee ?? '',
      tx.description,
      decimal(amount[0], amount[1]),
      amount[1],
      foreign ? decimal(foreign[0], foreign[1]) : '',
      foreign ? foreign[1] : '',
      tx.status,
      [...tx.tags].sort().join(', '),
      tx.notes ?? '',
      memo ?? '',
    ];
  };

  const own: [bigint, string] = [primary.amount, account.currency];
  if (counterparts.length === 1) {
    const only = counterparts[0]!;
    const currency = accountOf(accounts, only).currency;
    const foreign: [bigint, string] | null = currency === account.currency ? null : [-only.amount, currency];
    return [line('transaction', { posting: only }, own, foreign, primary.memo)];
  }
  return [
    line('transaction', counterparts.length === 0 ? null : SPLIT, own, null, primary.memo),
    ...counterparts.map((posting) =>
      line(
        'split',
        { posting },
        [-posting.amount, accountOf(accounts, posting).currency],
        null,
        posting.memo,
      ),
    ),
  ];
}

/** The header line of the export. */
export function transactionCsvHeader(): string {
  return toCsv(TRANSACTION_CSV_HEADER, []);
}

/** The lines of a page of transactions, as CSV text (RFC 4180, CRLF). */
export function transactionCsvLines(
  transactions: readonly ExportTransaction[],
  accounts: Accounts,
  viewAccountId?: number,
): string {
  return transactions
    .flatMap((tx) => transactionCsvRows(tx, accounts, viewAccountId))
    .map((row) => `${row.map(csvField).join(',')}\r\n`)
    .join('');
}
