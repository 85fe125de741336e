import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import type { ParsedFile, StatementRow } from '../types.ts';
import { parseOfx, parseOfxText } from './parse-ofx.ts';

const FIXTURES = new URL('../../../../test/fixtures/import/ofx/', import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

function parseFixture(name: string): ParsedFile {
  return parseOfx(fixture(name), { fileName: name });
}

/** The fields a test cares about, without the raw text. */
function brief(row: StatementRow) {
  const { date, amount, payee, description, reference, checkNumber } = row;
  return { date, amount, payee, description, reference, checkNumber };
}

const HEADER = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n\n';

/** A minimal SGML bank statement around `transactions`. */
function bankFile(
  transactions: string,
  tail = '</BANKTRANLIST><LEDGERBAL><BALAMT>1.00<DTASOF>20240131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
) {
  return `${HEADER}<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>1<ACCTID>A-1<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${transactions}\n${tail}`;
}

describe('parseOfx: OFX 1.x SGML', () => {
  const parsed = parseFixture('sgml-checking.ofx');
  const [statement] = parsed.statements;

  it('reads the header, the account and both balances', () => {
    expect(parsed.format).toBe('ofx');
    expect(parsed.variant).toBe('OFX 1.02 (SGML)');
    expect(parsed.statements).toHaveLength(1);
    expect(statement).toMatchObject({
      accountId: '000123-45',
      accountType: 'CHECKING',
      accountName: null,
      currency: 'USD',
      openingBalance: null,
      // BALAMT is followed by tabs in the file: trimmed.
      closingBalance: { amount: '1190.94', date: '2024-01-31' },
      availableBalance: { amount: '990.94', date: '2024-01-31' },
    });
    expect(parsed.issues).toEqual([]);
  });

  it('reads unclosed leaf tags, entities, truncated NAME with full MEMO, CHECKNUM and signs', () => {
    expect(statement!.rows.map(brief)).toEqual([
      {
        date: '2024-01-05',
        amount: '-1234.56',
        payee: 'BARNES & NOBLE BOOKSELLERS #2',
        description: 'BARNES & NOBLE BOOKSELLERS #2841 NEW YORK NY',
        reference: '2024010501',
        checkNumber: null,
      },
      {
        date: '2024-01-10',
        amount: '-75',
        payee: 'CHECK 1042',
        description: '',
        reference: '2024011001',
        checkNumber: '1042',
      },
      // The date part as written: no shift of 20240131 23:59 NZDT into another day.
      {
        date: '2024-01-31',
        amount: '2500.5',
        payee: 'ACME PAYROLL <DIRECT DEP>',
        description: '',
        reference: '2024013101',
        checkNumber: null,
      },
    ]);
    expect(statement!.rows[0]!.valueDate).toBe('2024-01-06');
    expect(statement!.rows[1]!.valueDate).toBeNull();
    for (const row of statement!.rows) {
      expect(row).toMatchObject({
        currency: null,
        status: 'cleared',
        category: null,
        splits: [],
        openingBalance: false,
      });
    }
  });

  it('keeps each transaction block as written, with the line it starts on', () => {
    const row = statement!.rows[1]!;
    expect(row.line).toBe(48);
    expect(row.raw.startsWith('<STMTTRN>')).toBe(true);
    expect(row.raw.endsWith('</STMTTRN>')).toBe(true);
    expect(row.raw).toContain('<CHECKNUM>1042');
  });
});

describe('parseOfx: OFX 2.x XML with several accounts', () => {
  const parsed = parseFixture('xml-multi-account.ofx');

  it('gives one statement per STMTRS and CCSTMTRS, in file order', () => {
    expect(parsed.variant).toBe('OFX 2.11 (XML)');
    expect(
      parsed.statements.map(
        ({ accountId, accountType, currency, rows, closingBalance, availableBalance }) => ({
          accountId,
          accountType,
          currency,
          rows: rows.length,
          closing: closingBalance?.amount,
          available: availableBalance?.amount ?? null,
        }),
      ),
    ).toEqual([
      {
        accountId: 'FR7630004000031234567890143',
        accountType: 'CHECKING',
        currency: 'EUR',
        rows: 3,
        closing: '2100.00',
        available: null,
      },
      {
        accountId: 'SAVINGS-99',
        accountType: 'SAVINGS',
        currency: 'EUR',
        rows: 1,
        closing: '10500.00',
        available: null,
      },
      // A card with no transactions still gives its balance; its type is CREDITCARD.
      {
        accountId: '4970XXXXXXXX1234',
        accountType: 'CREDITCARD',
        currency: 'EUR',
        rows: 0,
        closing: '-318.40',
        available: '2681.60',
      },
    ]);
    expect(parsed.issues).toEqual([]);
  });

  it('reads PAYEE/NAME, UTF-8 text, and a transaction in another currency', () => {
    const rows = parsed.statements[0]!.rows;
    expect(rows.map((row) => [row.payee, row.description, row.currency])).toEqual([
      ['Café de la Gare', 'Carte 1234', null],
      ['Bookshop London', '', 'GBP'],
      ['Virement épargne', '', null],
    ]);
  });

  it('does not take the transfer target (BANKACCTTO) or a BAL NAME for the statement', () => {
    expect(parsed.statements[0]!.accountId).toBe('FR7630004000031234567890143');
    expect(parsed.statements[0]!.rows[2]!.reference).toBe('A3');
  });
});

describe('parseOfx: loose SGML', () => {
  it('reads lower-case tags, no header, CRLF, closing tags only sometimes, and empty tags', () => {
    const parsed = parseFixture('lowercase-no-header.qfx');
    expect(parsed.variant).toBe('QFX (no header)');
    const [statement] = parsed.statements;
    expect(statement).toMatchObject({
      accountId: '5191000011112222',
      accountType: 'CREDITCARD',
      currency: 'CAD',
      closingBalance: { amount: '-1520.33', date: '2023-06-30' },
    });
    expect(statement!.rows.map(brief)).toEqual([
      {
        date: '2023-06-02',
        amount: '-19.99',
        payee: null,
        description: 'NETFLIX.COM',
        reference: 'X-1',
        checkNumber: null,
      },
      {
        date: '2023-06-15',
        amount: '250.00',
        payee: 'PAYMENT - THANK YOU',
        description: '',
        reference: null,
        checkNumber: null,
      },
    ]);
    expect(statement!.rows.map((row) => row.line)).toEqual([6, 7]);
  });

  it('reads values on the line after their tag, and end tags nested at the wrong level', () => {
    const nextLine = bankFile(
      '<STMTTRN>\n<TRNTYPE>\nDEBIT</TRNTYPE>\n<DTPOSTED>\n20190109121112</DTPOSTED>\n<TRNAMT>\n-55.00</TRNAMT>\n<FITID>\n213</FITID>\n<NAME>\nTransfer</NAME>\n</STMTTRN>',
    );
    expect(parseOfxText(nextLine).statements[0]!.rows.map(brief)).toEqual([
      {
        date: '2019-01-09',
        amount: '-55.00',
        payee: 'Transfer',
        description: '',
        reference: '213',
        checkNumber: null,
      },
    ]);
    const misnested = bankFile(
      '<STMTTRN>\n <TRNTYPE>DEBIT\n  <DTPOSTED>20131124\n   <TRNAMT>-143.94\n    <FITID>32\n     <NAME>PRUNE\n      <MEMO>RESTAURANT\n      </MEMO>\n     </NAME>\n    </FITID>\n   </TRNAMT>\n  </DTPOSTED>\n </TRNTYPE>\n</STMTTRN>',
    );
    expect(parseOfxText(misnested).statements[0]!.rows.map(brief)).toEqual([
      {
        date: '2013-11-24',
        amount: '-143.94',
        payee: 'PRUNE',
        description: 'RESTAURANT',
        reference: '32',
        checkNumber: null,
      },
    ]);
  });

  it('reads a body on one line, a raw &, a transaction outside its list, no trailing newline', () => {
    const text = bankFile(
      '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20010312<TRNAMT>-60.00<FITID>1<MEMO>9TH & VICTORIA</STMTTRN></BANKTRANLIST><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20010313<TRNAMT>-1<FITID>2<NAME>AT&amp;T</STMTTRN>',
      '<LEDGERBAL><BALAMT>1.00<DTASOF>20240131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    );
    const parsed = parseOfxText(text);
    expect(parsed.statements[0]!.rows.map((row) => [row.amount, row.payee, row.description])).toEqual([
      ['-60.00', null, '9TH & VICTORIA'],
      ['-1', 'AT&T', ''],
    ]);
    expect(parsed.issues).toEqual([]);
  });

  it('decodes entities once: a doubly escaped &amp;lt; stays &lt;', () => {
    const text = bankFile(
      '<STMTTRN><DTPOSTED>20230301<TRNAMT>-1.00<FITID>1<NAME>TPAY &amp;lt;DEFTPYMT&amp;gt;<MEMO>&#233;t&#xE9; &quot;x&quot; &apos;y&apos;</STMTTRN>',
    );
    const [row] = parseOfxText(text).statements[0]!.rows;
    expect(row!.payee).toBe('TPAY &lt;DEFTPYMT&gt;');
    expect(row!.description).toBe('été "x" \'y\'');
  });

  it('treats an all-zeros NAME as no payee and keeps an empty CURDEF as no currency', () => {
    const text = `${HEADER}<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF></CURDEF><BANKACCTFROM><ACCTID>9</ACCTID><ACCTTYPE></ACCTTYPE></BANKACCTFROM><BANKTRANLIST><STMTTRN><DTPOSTED>20180507</DTPOSTED><TRNAMT>12.34</TRNAMT><FITID></FITID><NAME>000000</NAME><MEMO>CBA:Transfer</MEMO><CURRENCY><CURRATE>1.0</CURRATE><CURSYM>AUD</CURSYM></CURRENCY></STMTTRN></BANKTRANLIST><LEDGERBAL><BALAMT></BALAMT><DTASOF></DTASOF></LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
    const [statement] = parseOfxText(text).statements;
    expect(statement).toMatchObject({
      accountId: '9',
      accountType: null,
      currency: null,
      closingBalance: null,
    });
    expect(statement!.rows[0]).toMatchObject({
      payee: null,
      description: 'CBA:Transfer',
      reference: null,
      currency: null,
    });
  });

  it('reads decimal commas exactly, with an explicit + sign', () => {
    const [statement] = parseFixture('decimal-comma.ofx').statements;
    expect(statement!.rows.map((row) => row.amount)).toEqual(['-78.92', '1500.00', '-0.015']);
    expect(statement!.closingBalance).toEqual({ amount: '1518.81', date: '2022-07-17' });
  });

  it('names QBO files by their extension', () => {
    expect(parseOfx(fixture('decimal-comma.ofx'), { fileName: 'Export.QBO' }).variant).toBe(
      'QBO (OFX 1.02 SGML)',
    );
  });

  it('ignores NUL padding after </OFX>', () => {
    const bytes = new Uint8Array([...fixture('decimal-comma.ofx'), 0, 0]);
    expect(parseOfx(bytes).statements[0]!.rows).toHaveLength(3);
  });
});

describe('parseOfx: character sets', () => {
  it.each([
    ['charset-1252.ofx', 'Gebühr für Café – 5 € l’addition'],
    ['charset-latin1.ofx', 'Gebühr für Café'],
    ['charset-utf8.ofx', 'Gebühr für Café'],
  ])('%s', (name, memo) => {
    const [row] = parseFixture(name).statements[0]!.rows;
    expect(row!.payee).toBe('Crème brûlée Müller');
    expect(row!.description).toBe(memo);
  });

  it('reads UTF-8 bytes as UTF-8 even when the header claims CHARSET:1252', () => {
    const bytes = new TextEncoder().encode(
      bankFile('<STMTTRN><DTPOSTED>20240101<TRNAMT>-1.00<FITID>1<NAME>Zürich Café</STMTTRN>'),
    );
    expect(parseOfx(bytes).statements[0]!.rows[0]!.payee).toBe('Zürich Café');
  });
});

describe('parseOfx: skipped and broken parts', () => {
  it('skips an investment statement (and the bank transactions inside it) and pending transactions, with warnings', () => {
    const parsed = parseFixture('investment-and-bank.ofx');
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.statements[0]!.accountId).toBe('CHK-1');
    expect(parsed.statements[0]!.rows.map((row) => row.amount)).toEqual(['-1000.00']);
    expect(parsed.issues.map(({ code, severity, line }) => ({ code, severity, line }))).toEqual([
      { code: 'SKIPPED_SECTION', severity: 'warning', line: 15 },
      { code: 'SKIPPED_SECTION', severity: 'warning', line: 32 },
    ]);
    expect(parsed.issues[0]!.message).toContain('investment statement');
    expect(parsed.issues[1]!.message).toContain('1 pending transaction');
  });

  it('reports each broken transaction as an error on its line and reads the others', () => {
    const parsed = parseFixture('broken-records.ofx');
    expect(parsed.statements[0]!.rows.map((row) => row.payee)).toEqual(['GOOD ONE', 'GOOD TWO']);
    expect(parsed.issues.map(({ code, severity, line }) => [code, severity, line])).toEqual([
      ['MALFORMED_RECORD', 'error', 19],
      ['INVALID_DATE', 'error', 20],
      ['INVALID_AMOUNT', 'error', 21],
      ['MALFORMED_RECORD', 'error', 22],
      // An unreadable balance is no reason to refuse the rows: a warning, and no balance.
      ['INVALID_AMOUNT', 'warning', 25],
    ]);
    expect(parsed.statements[0]!.closingBalance).toBeNull();
  });

  it('reads what comes before a cut, with an error for the cut record and for the cut file', () => {
    const whole = new TextDecoder().decode(fixture('sgml-checking.ofx'));
    const cut = whole.slice(0, whole.indexOf('<TRNAMT>+2500.5'));
    const parsed = parseOfxText(cut);
    expect(parsed.statements[0]!.rows.map((row) => row.amount)).toEqual(['-1234.56', '-75']);
    expect(parsed.statements[0]!.closingBalance).toBeNull();
    expect(parsed.issues.map(({ code, severity, line }) => [code, severity, line])).toEqual([
      ['MALFORMED_RECORD', 'error', 56],
      ['UNREADABLE_FILE', 'error', 29],
    ]);
    expect(parsed.issues[0]!.message).toMatch(/cut off/);
  });
});

describe('parseOfx: unreadable files', () => {
  const sgml = new TextDecoder().decode(fixture('sgml-checking.ofx'));

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['only blank lines and NULs', new Uint8Array([10, 13, 10, 32, 0, 0]), /empty/],
    [
      'binary',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x21, 0x00]),
      /binary/,
    ],
    ['a CSV file', new TextEncoder().encode('Date,Amount,Payee\n2024-01-01,-1.00,Shop\n'), /not an OFX file/],
    ['garbage', new TextEncoder().encode('lorem <ipsum> dolor & sit amet\n'.repeat(1000)), /not an OFX file/],
    [
      'an OFX with no statement',
      new TextEncoder().encode(
        `${HEADER}<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0</STATUS></SONRS></SIGNONMSGSRSV1></OFX>`,
      ),
      /no bank or credit-card statement/,
    ],
    ['an OFX with only an investment statement', fixture('investment-only.ofx'), /only investment/],
    [
      'an OFX cut before its statement',
      new TextEncoder().encode(sgml.slice(0, sgml.indexOf('<STMTRS>'))),
      /no bank or credit-card statement/,
    ],
    [
      'an OFX cut inside its first transaction',
      new TextEncoder().encode(sgml.slice(0, sgml.indexOf('<NAME>BARNES'))),
      /cut off before its first complete transaction/,
    ],
  ])('%s fails with UNREADABLE_FILE', (_name, bytes, message) => {
    const error = caught(() => parseOfx(bytes));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(message);
  });

  it('refuses megabytes of garbage quickly', () => {
    const garbage = '<a <b c & d> e\u00e9 <<< >>> &amp '.repeat(200_000);
    const started = performance.now();
    expect(caught(() => parseOfxText(garbage)).code).toBe('UNREADABLE_FILE');
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
