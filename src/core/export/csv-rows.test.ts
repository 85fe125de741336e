import { describe, expect, it } from 'vitest';
import {
  TRANSACTION_CSV_HEADER,
  transactionCsvHeader,
  transactionCsvLines,
  transactionCsvRows,
} from './csv-rows.ts';
import type { ExportAccount, ExportTransaction } from './ledger-view.ts';

const account = (id: number, name: string, type: ExportAccount['type'], currency = 'EUR'): ExportAccount => ({
  id,
  name,
  type,
  currency,
  parentId: null,
  groupId: null,
});
const accounts = new Map(
  [
    account(1, 'Checking', 'asset'),
    account(2, 'Savings', 'asset'),
    account(3, 'Travel', 'asset', 'USD'),
    account(4, 'Groceries', 'expense'),
    account(5, 'Household', 'expense'),
    account(6, 'Salary', 'income'),
    account(7, 'Tokyo cash', 'asset', 'JPY'),
  ].map((a) => [a.id, a]),
);

function tx(
  postings: [number, bigint, bigint?, string?][],
  extra: Partial<ExportTransaction> = {},
): ExportTransaction {
  return {
    id: 42,
    date: '2026-03-01',
    currency: 'EUR',
    payee: 'Rewe',
    description: 'Weekly shop',
    notes: null,
    status: 'cleared',
    tags: [],
    postings: postings.map(([accountId, amount, value, memo]) => ({
      accountId,
      amount,
      value: value ?? amount,
      memo: memo ?? null,
    })),
    ...extra,
  };
}

/** A row as header → value, for readable expectations. */
const named = (row: unknown[]) => Object.fromEntries(TRANSACTION_CSV_HEADER.map((h, i) => [h, row[i]]));

describe('CSV rows of transactions', () => {
  it('writes an expense as one line seen from the paying account, with the category', () => {
    const rows = transactionCsvRows(
      tx(
        [
          [4, 1250n],
          [1, -1250n, undefined, 'receipt 17'],
        ],
        { tags: ['weekly', 'food'], notes: 'with coupon' },
      ),
      accounts,
    );
    expect(rows.map(named)).toEqual([
      {
        date: '2026-03-01',
        transaction_id: 42,
        type: 'transaction',
        account: 'Checking',
        category: 'Groceries',
        transfer_account: '',
        payee: 'Rewe',
        description: 'Weekly shop',
        amount: '-12.50',
        currency: 'EUR',
        foreign_amount: '',
        foreign_currency: '',
        status: 'cleared',
        tags: 'food, weekly',
        notes: 'with coupon',
        memo: 'receipt 17',
      },
    ]);
  });

  it('writes a split as a Split line and one line per category that adds up to it', () => {
    const rows = transactionCsvRows(
      tx([
        [1, -8000n],
        [4, 5000n, undefined, 'food'],
        [5, 3000n],
      ]),
      accounts,
    ).map(named);
    expect(rows.map((r) => [r.type, r.account, r.category, r.amount, r.memo])).toEqual([
      ['transaction', 'Checking', 'Split', '-80.00', ''],
      ['split', 'Checking', 'Groceries', '-50.00', 'food'],
      ['split', 'Checking', 'Household', '-30.00', ''],
    ]);
  });

  it('names the other account of a transfer, and takes the view of the filtered account', () => {
    const transfer = tx([
      [1, -50000n],
      [2, 50000n],
    ]);
    expect(named(transactionCsvRows(transfer, accounts)[0]!)).toMatchObject({
      account: 'Checking',
      category: '',
      transfer_account: 'Savings',
      amount: '-500.00',
    });
    expect(named(transactionCsvRows(transfer, accounts, 2)[0]!)).toMatchObject({
      account: 'Savings',
      transfer_account: 'Checking',
      amount: '500.00',
    });
  });

  it('gives the other currency of a cross-currency transfer as the foreign amount', () => {
    const exchange = tx([
      [1, -100000n],
      [3, 109310n, 100000n],
    ]);
    expect(named(transactionCsvRows(exchange, accounts)[0]!)).toMatchObject({
      account: 'Checking',
      transfer_account: 'Travel',
      amount: '-1000.00',
      currency: 'EUR',
      foreign_amount: '-1093.10',
      foreign_currency: 'USD',
    });
    expect(named(transactionCsvRows(exchange, accounts, 3)[0]!)).toMatchObject({
      account: 'Travel',
      amount: '1093.10',
      currency: 'USD',
      foreign_amount: '1000.00',
      foreign_currency: 'EUR',
    });
    const yen = tx([
      [7, -5000n, -3100n],
      [4, 3100n],
    ]);
    expect(named(transactionCsvRows(yen, accounts)[0]!)).toMatchObject({
      amount: '-5000',
      currency: 'JPY',
      foreign_amount: '-31.00',
      foreign_currency: 'EUR',
    });
  });

  it('puts income first from the account it arrives in, and falls back to the first posting', () => {
    const salary = tx([
      [6, -250000n],
      [1, 250000n],
    ]);
    expect(named(transactionCsvRows(salary, accounts)[0]!)).toMatchObject({
      account: 'Checking',
      category: 'Salary',
      amount: '2500.00',
    });
    const reclassified = tx([
      [4, -500n],
      [5, 500n],
    ]);
    expect(named(transactionCsvRows(reclassified, accounts)[0]!)).toMatchObject({
      account: 'Groceries',
      category: 'Household',
      amount: '-5.00',
    });
  });

  it('quotes fields by RFC 4180 and ends every line in CRLF', () => {
    const text = transactionCsvLines(
      [
        tx(
          [
            [1, -100n],
            [4, 100n],
          ],
          { payee: 'Smith, Jones & Co', description: 'He said "hi"', notes: 'two\nlines' },
        ),
      ],
      accounts,
    );
    expect(text).toBe(
      '2026-03-01,42,transaction,Checking,Groceries,,"Smith, Jones & Co","He said ""hi""",-1.00,EUR,,,cleared,,"two\nlines",\r\n',
    );
    expect(transactionCsvHeader()).toBe(`${TRANSACTION_CSV_HEADER.join(',')}\r\n`);
    expect(transactionCsvLines([], accounts)).toBe('');
  });
});
