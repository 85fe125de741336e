import { describe, expect, it } from 'vitest';
import { commodityDirective, journalEntry, journalHeader } from './journal.ts';
import { journalAccountNames, journalComment, journalText } from './journal-names.ts';
import type { ExportAccount, ExportTransaction } from './ledger-view.ts';

const account = (
  id: number,
  name: string,
  type: ExportAccount['type'],
  extra: Partial<ExportAccount> = {},
): ExportAccount => ({ id, name, type, currency: 'EUR', parentId: null, groupId: null, ...extra });

describe('journal account names', () => {
  it('builds the hierarchy from the type, the category group and the parents', () => {
    const accounts = [
      account(1, 'Bank', 'asset'),
      account(2, 'Checking', 'asset', { parentId: 1 }),
      account(3, 'Card', 'liability'),
      account(4, 'Opening Balances', 'equity'),
      account(5, 'Groceries', 'expense', { groupId: 10 }),
      account(6, 'Organic', 'expense', { parentId: 5 }),
      account(7, 'Salary', 'income'),
    ];
    const names = journalAccountNames(accounts, new Map([[10, 'Food']]));
    expect(Object.fromEntries(names)).toEqual({
      1: 'assets:Bank',
      2: 'assets:Bank:Checking',
      3: 'liabilities:Card',
      4: 'equity:Opening Balances',
      5: 'expenses:Food:Groceries',
      6: 'expenses:Food:Groceries:Organic',
      7: 'income:Salary',
    });
  });

  it('sanitises names and keeps apart names that sanitise alike', () => {
    const accounts = [
      account(1, 'A:B', 'asset'),
      account(2, 'A-B', 'asset'),
      account(3, '  Two  spaces\tand;semicolon\n', 'asset'),
      account(4, ' ', 'expense', { groupId: 9 }),
    ];
    const names = journalAccountNames(accounts, new Map([[9, 'x:y']]));
    expect(names.get(1)).toBe('assets:A-B #1');
    expect(names.get(2)).toBe('assets:A-B #2');
    expect(names.get(3)).toBe('assets:Two spaces and,semicolon');
    expect(names.get(4)).toBe('expenses:x-y:#4');
    for (const name of names.values()) expect(name).not.toMatch(/ {2}|\t|;|\n/);
  });

  it('defuses what hledger would read as a posting date in a comment', () => {
    expect(journalComment('paid date:2026-01-01 [2026-01-02]; ok')).toBe(
      'paid date :2026-01-01 (2026-01-02), ok',
    );
    expect(journalText('a\r\nb\u2028c   d')).toBe('a b c d');
  });
});

describe('journal entries', () => {
  const accounts = new Map(
    [
      account(1, 'Checking', 'asset'),
      account(2, 'Travel', 'asset', { currency: 'USD' }),
      account(3, 'Groceries', 'expense'),
      account(4, 'Cash', 'asset', { currency: 'JPY' }),
    ].map((a) => [a.id, a]),
  );
  const names = journalAccountNames([...accounts.values()], new Map());
  const tx = (extra: Partial<ExportTransaction>): ExportTransaction => ({
    id: 7,
    date: '2026-01-03',
    currency: 'EUR',
    payee: null,
    description: '',
    notes: null,
    status: 'cleared',
    tags: [],
    postings: [],
    ...extra,
  });

  it('writes every amount explicitly, with the status mark, payee, id and tags', () => {
    const entry = journalEntry(
      tx({
        payee: 'Rewe | Markt',
        description: 'Weekly; shop',
        status: 'pending',
        tags: ['food, weekly'],
        notes: 'first line\n\nsecond date:2026-01-01',
        postings: [
          { accountId: 3, amount: 8245n, value: 8245n, memo: 'veg;fruit' },
          { accountId: 1, amount: -8245n, value: -8245n, memo: null },
        ],
      }),
      accounts,
      names,
    );
    expect(entry).toBe(
      [
        '2026-01-03 ! Rewe / Markt | Weekly, shop  ; id:7, tag:food weekly',
        '    ; first line',
        '    ; second date :2026-01-01',
        '    expenses:Groceries  82.45 EUR  ; veg,fruit',
        '    assets:Checking  -82.45 EUR',
        '',
        '',
      ].join('\n'),
    );
  });

  it('gives a posting in another currency its value as a total cost', () => {
    const entry = journalEntry(
      tx({
        description: '(exchange) at the airport',
        postings: [
          { accountId: 1, amount: -100000n, value: -100000n, memo: null },
          { accountId: 2, amount: 109310n, value: 100000n, memo: null },
        ],
      }),
      accounts,
      names,
    );
    expect(entry.split('\n')).toEqual([
      '2026-01-03 * [exchange) at the airport  ; id:7',
      '    assets:Checking  -1000.00 EUR',
      '    assets:Travel  1093.10 USD @@ 1000.00 EUR',
      '',
      '',
    ]);
    const spent = journalEntry(
      tx({
        postings: [
          { accountId: 4, amount: -5000n, value: -3100n, memo: null },
          { accountId: 3, amount: 3100n, value: 3100n, memo: null },
        ],
      }),
      accounts,
      names,
    );
    expect(spent).toContain('    assets:Cash  -5000 JPY @@ 31.00 EUR\n');
  });

  it('opens with the decimal mark, one commodity per currency and every account typed', () => {
    const header = journalHeader({
      bookName: 'Home\n"book"',
      exportedAt: '2026-11-21T10:00:00.000Z',
      currencies: ['USD', 'EUR', 'JPY', 'EUR'],
      accounts: [...accounts.values()],
      names,
    });
    expect(header).toContain('; Moneta book "Home "book"", exported 2026-11-21T10:00:00.000Z\n');
    expect(header).toContain(
      'decimal-mark .\n\ncommodity 1000.00 EUR\ncommodity 1000. JPY\ncommodity 1000.00 USD\n',
    );
    expect(header).toContain('account assets  ; type: A\n');
    expect(header).toContain('account expenses  ; type: X\n');
    expect(header).toContain(
      'account assets:Cash  ; type: A, id:4\naccount assets:Checking  ; type: A, id:1\n',
    );
    expect(header).toContain('account expenses:Groceries  ; type: X, id:3\n');
    expect(commodityDirective('KWD')).toBe('commodity 1000.000 KWD');
  });
});
