import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import type { StatementRow } from '../types.ts';
import { type CsvParseResult, parseCsv } from './parse.ts';

const FIXTURES = new URL('../../../../test/fixtures/import/csv/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1252 bytes (Latin-1 letters plus € and —), written byte by byte as a bank's PC would. */
const cp1252 = (text: string) =>
  Uint8Array.from([...text].map((c) => (c === '€' ? 0x80 : c === '—' ? 0x97 : c.charCodeAt(0))));
/** Windows-1251 bytes: А–я are 0xC0–0xFF, ё 0xB8. */
const cp1251 = (text: string) =>
  Uint8Array.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      return c === 'ё' ? 0xb8 : code;
    }),
  );

const rowsOf = (result: CsvParseResult) => result.statements[0]!.rows;
const brief = (rows: StatementRow[]) => rows.map((r) => [r.line, r.date, r.amount]);

describe('parseCsv on fixtures', () => {
  it('reads a German giro export: Windows-1252, CRLF, preamble, footer, 1.234,56', () => {
    const result = parseCsv(fixture('de-giro-preamble-footer.csv'));
    expect(result.variant).toBe('CSV (semicolon-separated, windows-1252)');
    expect(result.mapping).toMatchObject({
      headerLine: 7,
      firstDataLine: 8,
      footerLines: 3,
      currency: 'EUR',
    });
    expect(result.issues).toEqual([]);
    expect(rowsOf(result)[0]).toEqual({
      line: 8,
      raw: '31.01.2024;31.01.2024;Stadtwerke München;Lastschrift;"Abschlag; Januar";-1.234,56;EUR',
      date: '2024-01-31',
      valueDate: '2024-01-31',
      amount: '-1234.56',
      currency: 'EUR',
      payee: 'Stadtwerke München',
      description: 'Lastschrift Abschlag; Januar',
      reference: null,
      checkNumber: null,
      status: 'cleared',
      category: null,
      splits: [],
      openingBalance: false,
    });
    expect(brief(rowsOf(result))).toEqual([
      [8, '2024-01-31', '-1234.56'],
      [9, '2024-01-15', '2500.00'],
      [10, '2024-01-02', '-3.20'],
    ]);
    expect(result.statements[0]!.currency).toBe('EUR');
  });

  it('reads a Russian Windows-1251 file with income and expense columns and two-digit years', () => {
    const result = parseCsv(fixture('ru-income-expense.csv'));
    expect(result.mapping).toMatchObject({
      encoding: 'windows-1251',
      dateFormat: 'DD.MM.YY',
      thousandsSeparator: ' ',
    });
    expect(rowsOf(result).map((r) => [r.date, r.amount, r.description, r.currency])).toEqual([
      ['2017-05-31', '33123.56', 'Зарплата за май', 'RUR'],
      ['2017-05-03', '-50', 'Комиссия за перевод', 'RUR'],
      ['2017-05-02', '-1500.00', 'Перевод Ивану', 'RUR'],
    ]);
    expect(result.header?.[0]).toBe('Тип счёта');
  });

  it('reads a US export: BOM, CRLF, quotes, $ with thousands, parentheses', () => {
    const result = parseCsv(fixture('us-checking.csv'));
    expect(result.variant).toBe('CSV (comma-separated, utf-8 with BOM)');
    expect(result.mapping).toMatchObject({
      dateFormat: 'MM/DD/YYYY',
      decimalSeparator: '.',
      thousandsSeparator: ',',
    });
    expect(rowsOf(result).map((r) => [r.date, r.amount, r.description])).toEqual([
      ['2021-12-31', '6000.36', 'PAYROLL ACME INC'],
      ['2021-12-15', '-2500.00', 'RENT, DECEMBER'],
      ['2021-12-14', '-12.00', 'BANK FEE'],
      ['2021-12-01', '-4.50', 'COFFEE "DELUXE"'],
    ]);
    expect(result.statements[0]!.currency).toBeNull(); // '$' names several currencies
  });

  it('reads unsigned amounts with an Af/Bij column and the currency in the header', () => {
    const result = parseCsv(fixture('nl-af-bij.csv'));
    expect(result.mapping.amount).toEqual({
      kind: 'sign-column',
      column: 6,
      signColumn: 5,
      debitValues: ['Af'],
    });
    expect(rowsOf(result).map((r) => [r.date, r.amount, r.payee])).toEqual([
      ['2024-02-13', '-1234.56', 'Albert Heijn 1234'],
      ['2024-02-12', '2000.00', 'Werkgever BV'],
      ['2024-01-25', '-0.31', 'Kosten'],
    ]);
    expect(result.statements[0]!.currency).toBe('EUR');
  });

  it("reads Swiss debit/credit columns with ' thousands", () => {
    const result = parseCsv(fixture('ch-debit-credit.csv'));
    expect(result.mapping).toMatchObject({ decimalSeparator: '.', thousandsSeparator: "'" });
    expect(rowsOf(result).map((r) => r.amount)).toEqual(['-1850.00', '8000.00', '-45.70']);
  });

  it('reads a French tab-separated file with no-break-space thousands', () => {
    const result = parseCsv(fixture('fr-tab.tsv'));
    expect(result.mapping).toMatchObject({ delimiter: '\t', decimalSeparator: ',', thousandsSeparator: ' ' });
    expect(rowsOf(result).map((r) => [r.date, r.amount])).toEqual([
      ['2024-03-25', '2345.67'],
      ['2024-03-02', '-4.20'],
      ['2024-03-01', '-1200.00'],
    ]);
  });

  it('reads a bar-separated file', () => {
    const result = parseCsv(fixture('pipe.csv'));
    expect(result.variant).toBe('CSV (bar-separated, utf-8)');
    expect(rowsOf(result).map((r) => [r.payee, r.description, r.amount, r.currency])).toEqual([
      ['Grocer', 'weekly shop', '-54.20', 'USD'],
      ['Employer', 'salary', '3000.00', 'USD'],
    ]);
  });

  it('reads bare-CR line endings without a final newline', () => {
    const result = parseCsv(fixture('mac-cr.csv'));
    expect(brief(rowsOf(result))).toEqual([
      [2, '2015-02-08', '50000'],
      [3, '2015-02-24', '-1250.50'],
      [4, '2015-03-25', '12.00'],
    ]);
  });

  it('reads a file without a header', () => {
    const result = parseCsv(fixture('no-header.csv'));
    expect(result.header).toBeNull();
    expect(rowsOf(result).map((r) => [r.line, r.date, r.amount, r.description])).toEqual([
      [1, '2024-01-01', '1.23', 'Zinsen HABEN BG/000000002'],
      [2, '2024-01-08', '-32.00', 'Abbuchung Strom OG/000000004'],
      [3, '2024-02-28', '1012.10', 'Gutschrift Überweisung VD/000009'],
    ]);
  });

  it('reads amounts with a euro sign and leaves the balance alone', () => {
    const result = parseCsv(fixture('es-concepto.csv'));
    expect(rowsOf(result).map((r) => r.amount)).toEqual(['1394.11', '-17.60']);
    expect(result.statements[0]!.currency).toBe('EUR');
  });

  it('marks rows of a status column as pending', () => {
    const result = parseCsv(fixture('pending-status.csv'));
    expect(rowsOf(result).map((r) => [r.date, r.status])).toEqual([
      ['2022-01-13', 'pending'],
      ['2022-01-08', 'cleared'],
      ['2022-01-09', 'cleared'],
    ]);
  });

  it('reports ragged rows, bad dates and bad amounts as errors with their lines, and reads the rest', () => {
    const result = parseCsv(fixture('ragged.csv'));
    expect(brief(rowsOf(result))).toEqual([
      [2, '2024-01-01', '100.00'],
      [7, '2024-01-06', '-9.00'],
    ]);
    expect(result.issues.map((i) => [i.code, i.severity, i.line])).toEqual([
      ['MALFORMED_RECORD', 'error', 3],
      ['MALFORMED_RECORD', 'error', 4],
      ['INVALID_DATE', 'error', 5],
      ['INVALID_AMOUNT', 'error', 6],
    ]);
    expect(result.issues[0]!.message).toBe(
      'Line 3: it has 5 fields where the table has 4 (a delimiter inside an unquoted field?).',
    );
    expect(result.issues[3]!.message).toBe("Line 6: 'twelve' is not an amount in the file's number format.");
  });
});

describe('parseCsv: the date question', () => {
  it('returns the question and no rows while the date format is ambiguous', () => {
    const result = parseCsv(fixture('ambiguous-dates.csv'));
    expect(rowsOf(result)).toEqual([]);
    expect(result.questions).toHaveLength(1);
    expect(result.questions[0]!.options).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(result.issues).toEqual([
      { code: 'AMBIGUOUS_DATE_FORMAT', severity: 'error', message: result.questions[0]!.message, line: null },
    ]);
  });

  it.each([
    ['DD/MM/YYYY', ['2021-03-05', '2021-04-07']],
    ['MM/DD/YYYY', ['2021-05-03', '2021-07-04']],
  ] as const)('reads the rows once the user answers %s', (dateFormat, dates) => {
    const result = parseCsv(fixture('ambiguous-dates.csv'), { dateFormat });
    expect(result.questions).toEqual([]);
    expect(result.issues).toEqual([]);
    expect(rowsOf(result).map((r) => r.date)).toEqual(dates);
  });
});

describe('parseCsv: encodings and line endings', () => {
  const table =
    'Datum;Text;Betrag\r\n01.02.2024;Prämie für Café — Straße;-1.234,56\r\n02.02.2024;Gebühr €;-2,00\r\n';

  it('reads Windows-1252 bytes, € and — included', () => {
    const result = parseCsv(cp1252(table));
    expect(result.mapping.encoding).toBe('windows-1252');
    expect(rowsOf(result).map((r) => r.description)).toEqual(['Prämie für Café — Straße', 'Gebühr €']);
  });

  it('reads the same table in UTF-8, with and without a BOM, to the same rows', () => {
    const plain = parseCsv(utf8(table));
    const bom = parseCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(table)]));
    expect(rowsOf(bom)).toEqual(rowsOf(plain));
    expect(rowsOf(plain).map((r) => r.description)).toEqual(
      rowsOf(parseCsv(cp1252(table))).map((r) => r.description),
    );
  });

  it('reads Windows-1251 bytes', () => {
    const result = parseCsv(cp1251('Дата;Описание;Сумма\n01.02.2024;Перевод за ёлку;-100,00\n'));
    expect(result.mapping.encoding).toBe('windows-1251');
    expect(rowsOf(result)[0]!.description).toBe('Перевод за ёлку');
  });

  it('honours an encoding given in the mapping', () => {
    const result = parseCsv(cp1252('Date,Text,Amount\n2024-01-02,\xe9t\xe9,1.00\n'), {
      encoding: 'iso-8859-1',
    });
    expect(rowsOf(result)[0]!.description).toBe('été');
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('reads %s files to the same rows and lines', (_name, eol) => {
    const text = ['Date,Text,Amount', '2024-01-02,"two', 'lines",-1.00', '2024-01-03,x,2.00'].join(eol);
    const result = parseCsv(utf8(text + eol));
    expect(brief(rowsOf(result))).toEqual([
      [2, '2024-01-02', '-1.00'],
      [4, '2024-01-03', '2.00'],
    ]);
    expect(rowsOf(result)[0]!.raw).toBe(`2024-01-02,"two${eol}lines",-1.00`);
    expect(rowsOf(result)[0]!.description).toBe('two lines');
  });
});

describe('parseCsv: mappings given by the caller', () => {
  const text = utf8('Date,Payee,Amount,Currency\n2024-01-02,Shop,12.50,\n2024-01-03,Refund,-2.00,\n');

  it('applies invertSign (cards that write charges as positive numbers)', () => {
    expect(rowsOf(parseCsv(text, { invertSign: true })).map((r) => r.amount)).toEqual(['-12.50', '2.00']);
  });

  it('uses the account currency when nothing in the file states one', () => {
    expect(parseCsv(text, {}, { currency: 'CHF' }).statements[0]!.currency).toBe('CHF');
    expect(parseCsv(text, { currency: 'EUR' }, { currency: 'CHF' }).statements[0]!.currency).toBe('EUR');
  });

  it('reads with a complete saved mapping, no detection needed', () => {
    const detected = parseCsv(text).mapping;
    const result = parseCsv(text, { ...detected, payeeColumn: null, descriptionColumns: [1] });
    expect(rowsOf(result).map((r) => [r.payee, r.description])).toEqual([
      [null, 'Shop'],
      [null, 'Refund'],
    ]);
  });

  it('skips the last footerLines lines when told to', () => {
    const result = parseCsv(text, { footerLines: 1 });
    expect(rowsOf(result).map((r) => r.line)).toEqual([2]);
  });

  it('reports a truncated last row instead of dropping it as a footer', () => {
    const result = parseCsv(utf8('Date,Payee,Amount\n2024-01-02,Shop,12.50\n2024-01-03,Cut'));
    expect(brief(rowsOf(result))).toEqual([[2, '2024-01-02', '12.50']]);
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([['MALFORMED_RECORD', 3]]);
  });

  it('reports an empty amount (even on the first row) and an empty date inside the table', () => {
    const result = parseCsv(
      utf8('Date,Payee,Amount\n2024-01-02,Shop,\n2024-01-03,A,1.00\n,B,2.00\n2024-01-04,C,3.00\n'),
    );
    expect(result.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['INVALID_AMOUNT', 2, 'Line 2: the amount is empty.'],
      ['INVALID_DATE', 4, 'Line 4: the date is empty.'],
    ]);
    expect(rowsOf(result).map((r) => r.line)).toEqual([3, 5]);
  });

  it('treats dateless lines after the last dated one as a footer', () => {
    const result = parseCsv(
      utf8('Date,Payee,Amount\n2024-01-03,A,1.00\nTotal,,1.00\n,,\nExported by Bank\n'),
    );
    expect(result.issues).toEqual([]);
    expect(result.mapping.footerLines).toBe(3);
    expect(rowsOf(result).map((r) => r.line)).toEqual([2]);
  });
});

describe('parseCsv: unreadable files', () => {
  it.each([
    ['an empty file', new Uint8Array(), /empty/],
    ['only blank lines', utf8('\n\r\n  \n'), /empty/],
    [
      'a binary file',
      Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xe2, 0xe3]),
      /not text/,
    ],
    ['UTF-16 text', Uint8Array.from([0xff, 0xfe, 0x44, 0x00, 0x61, 0x00]), /UTF-16/],
    ['text without a table', utf8('Dear customer,\nyour statement is attached.\n'), /No table/],
    ['a table without dates', utf8('name,score\nAnn,12.5\nBob,3.25\n'), /No table/],
  ])('refuses %s with UNREADABLE_FILE', (_name, bytes, message) => {
    const error = caught(() => parseCsv(bytes));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(message);
  });

  it('refuses 50 MB of random bytes at once, from a look at its start', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024);
    let seed = 0x2545f491;
    for (let i = 0; i < bytes.length; i += 4) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      bytes[i] = seed & 0xff;
      bytes[i + 1] = (seed >>> 8) & 0xff;
      bytes[i + 2] = (seed >>> 16) & 0xff;
      bytes[i + 3] = (seed >>> 24) & 0xff;
    }
    const error = caught(() => parseCsv(bytes));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/not text/); // refused by the sniff of its first 64 KiB
  });

  it('refuses 50 MB of printable garbage without splitting it into fields', () => {
    const line = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod\n';
    const bytes = utf8(line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
    const error = caught(() => parseCsv(bytes));
    expect(error.code).toBe('UNREADABLE_FILE');
  });
});

describe('parseCsv: row widths', () => {
  it('accepts rows that leave out empty trailing fields, and rows that fill them', () => {
    const text =
      'Date,Text,Amount,Note,Tag\n2024-01-02,a,1.00\n2024-01-03,b,2.00\n2024-01-04,c,3.00,noted,x\n';
    const result = parseCsv(utf8(text));
    expect(result.issues).toEqual([]);
    expect(rowsOf(result)).toHaveLength(3);
  });

  it('accepts rows that all run past a shorter header (free text spilling over)', () => {
    const text = 'Datum;Betrag;Text\n01.02.2024;-1,00;a;b\n02.02.2024;-2,00;c;d;e;f\n03.02.2024;-3,00;g;h\n';
    const result = parseCsv(utf8(text));
    expect(result.issues).toEqual([]);
    expect(rowsOf(result).map((r) => r.amount)).toEqual(['-1.00', '-2.00', '-3.00']);
  });
});

describe('parseCsv: big files', () => {
  const bigFile = (rows: number, last: string, footer = '') => {
    const body = Array.from(
      { length: rows },
      (_, i) => `0${(i % 9) + 1}/03/2021,Row number ${i} with some text,-${i}.25`,
    );
    return utf8(['Date,Text,Amount', ...body, last, footer].join('\n'));
  };

  it('settles the date format on a row far beyond the first MiB', () => {
    const result = parseCsv(bigFile(60_000, '25/03/2021,Last,1.00', 'Total,,0.00\n'));
    expect(result.questions).toEqual([]);
    expect(result.mapping).toMatchObject({ dateFormat: 'DD/MM/YYYY', footerLines: 1 });
    expect(rowsOf(result)).toHaveLength(60_001);
    expect(rowsOf(result).at(-1)).toMatchObject({ line: 60_002, date: '2021-03-25', amount: '1.00' });
  });

  it('still asks when no row of the whole file settles it', () => {
    const result = parseCsv(bigFile(60_000, '07/04/2021,Last,1.00'));
    expect(result.questions[0]!.options).toEqual(['DD/MM/YYYY', 'MM/DD/YYYY']);
    expect(rowsOf(result)).toEqual([]);
  });
});
