import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import type { StatementRow } from '../types.ts';
import { type ParsedQifFile, parseQif, parseQifText } from './parse-qif.ts';

const FIXTURES = new URL('../../../../test/fixtures/import/qif/', import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

function parseFixture(name: string, options: { dateOrder?: 'MDY' | 'DMY' } = {}): ParsedQifFile {
  return parseQif(fixture(name), options);
}

function brief(row: StatementRow) {
  const { date, amount, payee, description, category, checkNumber, status } = row;
  return { date, amount, payee, description, category, checkNumber, status };
}

function codes(parsed: ParsedQifFile) {
  return parsed.issues.map(({ code, severity, line }) => [code, severity, line]);
}

describe('parseQif: a bank register', () => {
  const parsed = parseFixture('bank-register.qif');
  const [statement] = parsed.statements;

  it('reads every record, the opening balance included and marked', () => {
    expect(parsed.format).toBe('qif');
    expect(parsed.variant).toBe('QIF (Bank)');
    expect(parsed.dateOrder).toBe('MDY');
    expect(parsed.questions).toEqual([]);
    expect(parsed.issues).toEqual([]);
    expect(statement).toMatchObject({
      accountId: null,
      accountType: 'Bank',
      accountName: null,
      currency: null,
      openingBalance: null,
      closingBalance: null,
      availableBalance: null,
    });
    expect(statement!.rows.map(brief)).toEqual([
      {
        date: '1995-12-03',
        amount: '4706.57',
        payee: 'Opening Balance',
        description: '',
        category: '[Checking]',
        checkNumber: null,
        status: 'reconciled',
      },
      {
        date: '1995-12-05',
        amount: '1004.81',
        payee: 'Boss Inc.',
        description: 'Salary December',
        category: 'Salary',
        checkNumber: null,
        status: 'cleared',
      },
      {
        date: '1995-12-08',
        amount: '-525.00',
        payee: 'Landlord',
        description: '',
        category: 'Bills:Rent',
        checkNumber: '106',
        status: 'pending',
      },
      {
        date: '1995-12-14',
        amount: '-98.05',
        payee: 'Supermarket',
        description: 'Weekly shopping',
        category: 'Groceries',
        checkNumber: '107',
        status: 'cleared',
      },
      {
        date: '1995-12-20',
        amount: '-1000.00',
        payee: 'Transfer',
        description: '',
        category: '[Savings]',
        checkNumber: 'TXFR',
        status: 'reconciled',
      },
      {
        date: '1995-12-31',
        amount: '0.00',
        payee: 'Void',
        description: '',
        category: null,
        checkNumber: null,
        status: 'pending',
      },
    ]);
    expect(statement!.rows.map((row) => row.openingBalance)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads splits with their memos, summing to the total', () => {
    expect(statement!.rows[3]!.splits).toEqual([
      { amount: '-53.30', category: 'Groceries', memo: 'Food' },
      { amount: '-44.75', category: 'Household', memo: 'Wal-Mart' },
    ]);
    expect(statement!.rows.filter((row) => row.splits.length > 0)).toHaveLength(1);
  });

  it('keeps each record as written, with the line it starts on', () => {
    const row = statement!.rows[2]!;
    expect(row.line).toBe(16);
    expect(row.raw).toBe('D12/08/95\nT-525.00\nN106\nPLandlord\nAvia Roma 12\nAApt 3\nLBills:Rent\n^');
    expect(row).toMatchObject({ valueDate: null, currency: null, reference: null });
  });
});

describe('parseQif: dates', () => {
  it("reads Quicken's apostrophe years and spaces inside dates", () => {
    const parsed = parseFixture('apostrophe-years.qif');
    expect(parsed.variant).toBe('QIF (CCard)');
    expect(parsed.statements[0]!.rows.map((row) => row.date)).toEqual([
      '1998-01-05',
      '2001-12-25',
      '2000-08-31',
      '2020-02-14',
      '2010-06-01',
    ]);
  });

  it('asks when no date settles the day/month order, and reads month first meanwhile with an error', () => {
    const parsed = parseFixture('ambiguous-dates.qif');
    expect(parsed.questions).toEqual([
      {
        code: 'AMBIGUOUS_DATE_FORMAT',
        message: expect.stringContaining('1/12/2013 is 2013-01-12 or 2013-12-01'),
        options: ['MDY', 'DMY'],
      },
    ]);
    expect(parsed.dateOrder).toBe('MDY');
    expect(codes(parsed)).toEqual([['AMBIGUOUS_DATE_FORMAT', 'error', null]]);
    expect(parsed.statements[0]!.rows.map((row) => row.date)).toEqual([
      '2013-01-12',
      '2013-03-04',
      '2013-05-05',
    ]);
  });

  it('reads the dates in the order the user chose, with no question left', () => {
    const parsed = parseFixture('ambiguous-dates.qif', { dateOrder: 'DMY' });
    expect(parsed.questions).toEqual([]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.dateOrder).toBe('DMY');
    expect(parsed.statements[0]!.rows.map((row) => row.date)).toEqual([
      '2013-12-01',
      '2013-04-03',
      '2013-05-05',
    ]);
  });

  it('reports dates that do not fit the chosen order as errors', () => {
    const parsed = parseQifText('!Type:Bank\nD2/14/2020\nT-1.00\n^\nD1/2/2020\nT-2.00\n^\n', {
      dateOrder: 'DMY',
    });
    expect(parsed.statements[0]!.rows.map((row) => row.date)).toEqual(['2020-02-01']);
    expect(codes(parsed)).toEqual([['INVALID_DATE', 'error', 2]]);
  });

  it('reads a date with text glued after it leniently, saying so; and year-first dates', () => {
    const parsed = parseFixture('glued-dates.qif');
    expect(parsed.statements[0]!.rows.map((row) => [row.line, row.date])).toEqual([
      [2, '1999-03-25'],
      [6, '2021-07-04'],
    ]);
    expect(codes(parsed)).toEqual([['INVALID_DATE', 'warning', 2]]);
    expect(parsed.issues[0]!.message).toContain('read as 1999-03-25');
  });

  it('only counts the first D of a record (a D inside a split is ignored)', () => {
    const parsed = parseQifText("!Type:Bank\nD2/10'2020\nT-100.00\nSFood\nD1/10'2020\n$-100.00\n^\n");
    expect(parsed.statements[0]!.rows[0]!.date).toBe('2020-02-10');
  });
});

describe('parseQif: amounts and text', () => {
  it('reads a decimal comma, dotted thousands, day-first dates and Windows-1252 text', () => {
    const parsed = parseFixture('decimal-comma-1252.qif');
    expect(parsed.dateOrder).toBe('DMY');
    expect(parsed.statements[0]!.rows.map(brief)).toEqual([
      {
        date: '2021-12-25',
        amount: '-1234.56',
        payee: 'Électricité de France',
        description: 'Facture n° 12 – décembre',
        category: null,
        checkNumber: null,
        status: 'pending',
      },
      {
        date: '2021-12-31',
        amount: '12.5',
        payee: 'Intérêts',
        description: '',
        category: null,
        checkNumber: null,
        status: 'pending',
      },
      {
        date: '2021-12-01',
        amount: '-0.99',
        payee: 'Frais',
        description: '',
        category: null,
        checkNumber: null,
        status: 'pending',
      },
    ]);
  });

  it('reads integer amounts, U when T is missing, several M lines, a UTF-8 BOM and C flags', () => {
    const text =
      '\uFEFF!Type:Bank\nD1/1/2008\nT1500\nMfirst\nMsecond\nCc\n^\nD1/2/2008\nU-2.50\nC*\n^\nD1/3/2008\nT-1\nCX\n^\nD1/4/2008\nT-1\nC\n^\n';
    const rows = parseQifText(text).statements[0]!.rows;
    expect(rows.map((row) => [row.amount, row.description, row.status])).toEqual([
      ['1500', 'first second', 'cleared'],
      ['-2.50', '', 'cleared'],
      ['-1', '', 'reconciled'],
      ['-1', '', 'pending'],
    ]);
  });

  it.each([
    ['*', 'cleared'],
    ['c', 'cleared'],
    ['C', 'cleared'],
    ['X', 'reconciled'],
    ['x', 'reconciled'],
    ['R', 'reconciled'],
    ['r', 'reconciled'],
    ['', 'pending'],
    ['?', 'pending'],
  ])(
    'reads the cleared status C%s as %s (the QIF specification: * or c cleared, X or R reconciled)',
    (flag, status) => {
      const rows = parseQifText(`!Type:Bank\nD1/3/2008\nT-1\nC${flag}\n^\n`).statements[0]!.rows;
      expect(rows[0]!.status).toBe(status);
    },
  );
});

describe('parseQif: accounts and sections', () => {
  it('gives one statement per account, and skips the investment account with a warning', () => {
    const parsed = parseFixture('multi-account.qif');
    expect(parsed.variant).toBe('QIF (Bank, Cash, CCard, Oth A, Oth L)');
    expect(
      parsed.statements.map((statement) => [
        statement.accountId,
        statement.accountName,
        statement.accountType,
        statement.rows.map((row) => row.amount),
      ]),
    ).toEqual([
      ['Everyday', 'Everyday', 'Bank', ['1500.00', '-200.00']],
      ['Wallet', 'Wallet', 'Cash', ['200.00', '-12.40']],
      ['Visa', 'Visa', 'CCard', ['-89.99']],
      ['Car', 'Car', 'Oth A', ['-1200.00']],
      ['Mortgage', 'Mortgage', 'Oth L', ['950.00']],
    ]);
    expect(parsed.statements[0]!.rows[1]!.category).toBe('[Wallet]');
    expect(codes(parsed)).toEqual([['SKIPPED_SECTION', 'warning', 60]]);
    expect(parsed.issues[0]!.message).toContain('Brokerage');
  });

  it('skips lists, memorised transactions and prices with a warning each', () => {
    const parsed = parseFixture('sections.qif');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.statements[0]!.rows.map((row) => [row.date, row.amount])).toEqual([
      ['2013-10-23', '-6.50'],
      ['2013-10-11', '31.00'],
    ]);
    expect(parsed.issues.map((issue) => issue.message.match(/!Type:\w+/)?.[0])).toEqual([
      '!Type:Cat',
      '!Type:Class',
      '!Type:Memorized',
      '!Type:Prices',
      '!Type:Security',
      '!Type:Tag',
    ]);
    expect(
      parsed.issues.every((issue) => issue.code === 'SKIPPED_SECTION' && issue.severity === 'warning'),
    ).toBe(true);
  });

  it('puts the same account met twice into one statement, and sections without accounts by type', () => {
    const text =
      '!Account\nNA\n^\n!Type:Bank\nD1/1/20\nT1\n^\n!Account\nNB\n^\n!Type:Bank\nD1/2/20\nT2\n^\n!Account\nNA\n^\n!Type:Bank\nD1/3/20\nT3\n^\n';
    expect(
      parseQifText(text).statements.map((statement) => [statement.accountName, statement.rows.length]),
    ).toEqual([
      ['A', 2],
      ['B', 1],
    ]);
    const untitled = parseQifText('!type:cash \nD1/1/20\nT1\n^\n!Type:CCard\nD1/2/20\nT-2\n^\n');
    expect(untitled.statements.map((statement) => [statement.accountType, statement.rows.length])).toEqual([
      ['Cash', 1],
      ['CCard', 1],
    ]);
  });
});

describe('parseQif: odd layouts', () => {
  it('skips comment lines, and records before the first header with a warning', () => {
    const parsed = parseQifText('### exported\nD1/1/2020\nT-1\n^\n!Type:Bank\nD1/20/2020\nT-2\n^\n');
    expect(parsed.statements[0]!.rows.map((row) => row.amount)).toEqual(['-2']);
    expect(codes(parsed)).toEqual([['SKIPPED_SECTION', 'warning', 2]]);
  });

  it('skips a section of a kind it does not know, with a warning', () => {
    const parsed = parseQifText('!Type:Invoice\nD1/1/2020\nT-1\n^\n!Type:Bank\nD1/20/2020\nT-2\n^\n');
    expect(parsed.statements[0]!.rows).toHaveLength(1);
    expect(codes(parsed)).toEqual([['SKIPPED_SECTION', 'warning', 1]]);
    expect(parsed.issues[0]!.message).toContain('!Type:Invoice');
  });

  it('starts a new split at an E or $ that cannot belong to the current one', () => {
    const parsed = parseQifText('!Type:Bank\nD1/1/2020\nT-3\nSA\nEa\n$-1\nEb\n$-1\n$-1\n^\n');
    expect(parsed.statements[0]!.rows[0]!.splits).toEqual([
      { amount: '-1', category: 'A', memo: 'a' },
      { amount: '-1', category: null, memo: 'b' },
      { amount: '-1', category: null, memo: null },
    ]);
    expect(parsed.issues).toEqual([]);
  });
});

describe('parseQif: broken records', () => {
  const parsed = parseFixture('broken-records.qif');

  it('reports each broken record on its line, keeps unbalanced splits visible, and reads the rest', () => {
    expect(parsed.statements[0]!.rows.map((row) => row.payee)).toEqual([
      'Split wrong',
      'Good one',
      'Cut off',
    ]);
    expect(codes(parsed)).toEqual([
      ['UNBALANCED_SPLITS', 'error', 2],
      ['MALFORMED_RECORD', 'error', 10],
      ['MALFORMED_RECORD', 'error', 13],
      ['INVALID_AMOUNT', 'error', 16],
      ['INVALID_DATE', 'error', 20],
      ['INVALID_AMOUNT', 'error', 24],
      ['MALFORMED_RECORD', 'warning', 33],
    ]);
    expect(parsed.issues[0]!.message).toContain('-30.00');
    expect(parsed.issues.at(-1)!.message).toMatch(/cut off/);
  });
});

describe('parseQif: unreadable files', () => {
  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['only a BOM and blank lines', new Uint8Array([0xef, 0xbb, 0xbf, 10, 13, 10, 32]), /empty/],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /binary/],
    ['a CSV file', new TextEncoder().encode('Date,Amount\n2024-01-01,-1.00\n'), /not a QIF file/],
    ['garbage', new TextEncoder().encode('lorem ipsum ^ dolor\n'.repeat(1000)), /not a QIF file/],
    [
      'only lists and investments',
      new TextEncoder().encode('!Type:Cat\nNFood\n^\n!Type:Invst\nD1/1/20\nNBuy\nT5\n^\n'),
      /no bank, cash or credit-card/,
    ],
    [
      'records none of which can be read',
      new TextEncoder().encode('!Type:Bank\nhello\nworld\n^\nfoo\n^\n'),
      /None of the records/,
    ],
  ])('%s fails with UNREADABLE_FILE', (_name, bytes, message) => {
    const error = caught(() => parseQif(bytes));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(message);
  });

  it('reads an empty bank section as a statement with no rows', () => {
    expect(parseQifText('!Type:Bank\n').statements).toMatchObject([{ accountType: 'Bank', rows: [] }]);
  });

  it('refuses megabytes of garbage quickly', () => {
    const garbage = 'D1/2/3 T^ $ S !x \u00e9\n'.repeat(200_000);
    const started = performance.now();
    expect(caught(() => parseQifText(garbage)).code).toBe('UNREADABLE_FILE');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
