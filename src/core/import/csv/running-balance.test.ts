import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvMapping, Statement } from '../types.ts';
import { detectCsvMapping } from './detect.ts';
import { parseCsv } from './parse.ts';
import { chainsAsBalance } from './running-balance.ts';
import { type CsvStreamBatch, parseCsvStream } from './stream.ts';

const FIXTURES = new URL('../../../../test/fixtures/import/csv/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

const statementOf = (text: string | Uint8Array, given: Partial<CsvMapping> = {}): Statement =>
  parseCsv(typeof text === 'string' ? utf8(text) : text, given).statements[0]!;
const balancesOf = (text: string | Uint8Array, given: Partial<CsvMapping> = {}) => {
  const { openingBalance, closingBalance } = statementOf(text, given);
  return { opening: openingBalance, closing: closingBalance };
};

describe('the balance column, found by its name', () => {
  it.each([
    ['German', 'Buchungstag;Verwendungszweck;Betrag;Saldo', ';'],
    ['German (Kontostand)', 'Buchungstag;Verwendungszweck;Betrag;Kontostand', ';'],
    ['English', 'Date,Description,Amount,Balance', ','],
    ['English (Running Balance)', 'Date,Description,Amount,Running Balance', ','],
    ['French', 'Date;Libellé;Montant;Solde', ';'],
    ['Dutch', 'Datum;Omschrijving;Bedrag;Saldo na mutatie', ';'],
    ['Spanish', 'Fecha;Concepto;Importe;Saldo disponible', ';'],
    ['Russian', 'Дата;Описание;Сумма;Остаток', ';'],
  ])('in %s', (_language, header, delimiter) => {
    const comma = delimiter === ';';
    const money = (text: string) => (comma ? `"${text.replace('.', ',')}"` : text);
    const row = (date: string, text: string, amount: string, balance: string) =>
      [date, text, money(amount), money(balance)].join(delimiter);
    const text = lines(
      header,
      row('2024-01-02', 'Rent', '-800.00', '1200.00'),
      row('2024-01-05', 'Salary', '2500.00', '3700.00'),
    );
    const { mapping, confidence } = detectCsvMapping(text);
    expect(mapping).toMatchObject({ amount: { kind: 'signed', column: 2 }, balanceColumn: 3 });
    expect(confidence).toBe('high');
    expect(balancesOf(text)).toEqual({
      opening: { amount: '2000.00', date: '2024-01-02' },
      closing: { amount: '3700.00', date: '2024-01-05' },
    });
  });

  it('never takes the amount for the balance, even where the balance comes first and goes negative', () => {
    const text = lines(
      'Date;Saldo;Text;Betrag',
      '01.02.2024;-50,00;Card;-150,00',
      '03.02.2024;-49,50;Refund;0,50',
      '04.02.2024;950,50;Salary;1.000,00',
    );
    const { mapping } = detectCsvMapping(text);
    expect(mapping).toMatchObject({ amount: { kind: 'signed', column: 3 }, balanceColumn: 1 });
    expect(balancesOf(text).closing).toEqual({ amount: '950.50', date: '2024-02-04' });
  });

  it('reads debit/credit files (a Swiss fixture with apostrophe thousands)', () => {
    const result = parseCsv(fixture('ch-debit-credit.csv'));
    expect(result.mapping).toMatchObject({
      amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 3 },
      balanceColumn: 4,
      thousandsSeparator: "'",
    });
    expect(result.statements[0]!.closingBalance).toEqual({ amount: '10150.00', date: '2024-02-28' });
  });

  it('is no balance column when the amount is read from it', () => {
    const text = lines('Date,Text,Balance', '2024-01-02,Rent,100.00', '2024-01-03,Food,90.00');
    const detection = detectCsvMapping(text, { amount: { kind: 'signed', column: 2 } });
    expect(detection.mapping.balanceColumn).toBeNull();
  });

  it('keeps the balance column the caller gives, or none when given null', () => {
    const text = lines(
      'Date,Text,Amount,Closing',
      '2024-01-02,Rent,-800.00,1200.00',
      '2024-01-05,Salary,2500.00,3700.00',
    );
    expect(balancesOf(text, { balanceColumn: 3 }).closing).toEqual({ amount: '3700.00', date: '2024-01-05' });
    const none = lines('Date,Text,Amount,Balance', '2024-01-02,Rent,-800.00,1200.00');
    expect(parseCsv(utf8(none), { balanceColumn: null }).mapping.balanceColumn).toBeNull();
    expect(balancesOf(none, { balanceColumn: null })).toEqual({ opening: null, closing: null });
  });
});

describe('the balance column, found by its arithmetic', () => {
  it("reads a headerless file whose balance is written BEFORE each movement (ASN Bank's export)", () => {
    const text = lines(
      '17-06-2022,NL00,EUR,130.44,EUR,223.77,payee one',
      '17-06-2022,NL00,EUR,354.21,EUR,-200.00,payee two',
      '25-06-2022,NL00,EUR,154.21,EUR,-2.20,payee three',
      '27-06-2022,NL00,EUR,152.01,EUR,503.15,payee four',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({
      amount: { kind: 'signed', column: 5 },
      balanceColumn: 3,
    });
    // Before the movements: the opening balance is the first row's; the closing is the last's plus its amount.
    expect(balancesOf(text)).toEqual({
      opening: { amount: '130.44', date: '2022-06-17' },
      closing: { amount: '655.16', date: '2022-06-27' },
    });
  });

  it('finds no balance in a column of amounts that does not chain', () => {
    const text = lines(
      '2024-01-02;Rent;-800,00;1,50',
      '2024-01-03;Food;-20,00;1,50',
      '2024-01-04;Salary;2500,00;0,00',
      '2024-01-05;Fee;-3,00;2,25',
    );
    const { mapping } = detectCsvMapping(text);
    expect(mapping).toMatchObject({ amount: { kind: 'signed', column: 2 }, balanceColumn: null });
  });

  it('chains only with two matching pairs and 80 % of the pairs whose balance moves', () => {
    const point = (amount: string, balance: string | null) => ({ amount, balance });
    expect(chainsAsBalance([point('1', '1'), point('2', '3')])).toBe(false);
    expect(chainsAsBalance([point('1', '1'), point('2', '3'), point('4', '7')])).toBe(true);
    expect(chainsAsBalance([point('1', '1'), point('2', '3'), point('4', '8'), point('1', '9')])).toBe(false);
    expect(chainsAsBalance([point('1', '1'), point('2', null), point('2', '3'), point('4', '7')])).toBe(true);
    // A balance that does not move says nothing, even beside zero amounts.
    expect(chainsAsBalance([point('0', '5'), point('0', '5'), point('0', '5')])).toBe(false);
  });
});

describe('the closing and opening balances', () => {
  it('takes the last line of the latest date in an oldest-first file', () => {
    const text = lines(
      'Date,Text,Amount,Balance',
      '2024-03-01,A,-10.00,90.00',
      '2024-03-02,B,-5.00,85.00',
      '2024-03-02,C,-1.00,84.00',
    );
    expect(balancesOf(text)).toEqual({
      opening: { amount: '100.00', date: '2024-03-01' },
      closing: { amount: '84.00', date: '2024-03-02' },
    });
  });

  it('takes the first line of the latest date in a newest-first file, and the last of the earliest', () => {
    const text = lines(
      'Date,Text,Amount,Balance',
      '2024-03-02,C,-1.00,84.00',
      '2024-03-02,B,-5.00,85.00',
      '2024-03-01,A2,-10.00,90.00',
      '2024-03-01,A1,20.00,100.00',
    );
    expect(balancesOf(text)).toEqual({
      opening: { amount: '80.00', date: '2024-03-01' },
      closing: { amount: '84.00', date: '2024-03-02' },
    });
  });

  it('reads the order from the balances when every row has the same date', () => {
    const newestFirst = lines(
      'Date,Text,Amount,Balance',
      '2024-03-02,C,-1.00,84.00',
      '2024-03-02,B,-5.00,85.00',
      '2024-03-02,A,-10.00,90.00',
    );
    expect(balancesOf(newestFirst)).toEqual({
      opening: { amount: '100.00', date: '2024-03-02' },
      closing: { amount: '84.00', date: '2024-03-02' },
    });
    const oldestFirst = lines(
      'Date,Text,Amount,Balance',
      '2024-03-02,A,-10.00,90.00',
      '2024-03-02,B,-5.00,85.00',
      '2024-03-02,C,-1.00,84.00',
    );
    expect(balancesOf(oldestFirst).closing).toEqual({ amount: '84.00', date: '2024-03-02' });
  });

  it('takes the latest row by date in a file out of order', () => {
    const text = lines(
      'Date,Text,Amount,Balance',
      '2024-03-05,B,-5.00,85.00',
      '2024-03-09,C,-1.00,84.00',
      '2024-03-01,A,-10.00,90.00',
    );
    expect(balancesOf(text).closing).toEqual({ amount: '84.00', date: '2024-03-09' });
  });

  it('reads balance cells exactly with the thousands separators of the amounts', () => {
    const german = lines(
      'Buchungstag;Text;Betrag;Saldo',
      '30.01.2024;Miete;-1.250,00;12.345,67',
      '31.01.2024;Lohn;1.000.000,01;1.012.345,68',
    );
    expect(balancesOf(german)).toEqual({
      opening: { amount: '13595.67', date: '2024-01-30' },
      closing: { amount: '1012345.68', date: '2024-01-31' },
    });
    const us = statementOf(fixture('us-checking.csv'));
    expect(us.closingBalance).toEqual({ amount: '9000.36', date: '2021-12-31' });
    const spanish = statementOf(fixture('es-concepto.csv'));
    expect(spanish.closingBalance).toEqual({ amount: '1702.30', date: '2022-05-14' });
  });

  it('skips blank balance cells (pending rows); the opening needs the earliest row to have one', () => {
    const result = parseCsv(fixture('pending-status.csv'));
    expect(result.mapping.balanceColumn).toBe(8);
    const statement = result.statements[0]!;
    // The pending row of the 13th has no balance: the latest balance is the 9th's.
    expect(statement.closingBalance).toEqual({ amount: '701.95', date: '2022-01-09' });
    expect(statement.openingBalance).toEqual({ amount: '223.53', date: '2022-01-08' });
    const pendingFirst = lines(
      'Date,Text,Amount,Balance',
      '2024-03-01,pending,-3.00,',
      '2024-03-02,B,-5.00,85.00',
      '2024-03-03,C,-1.00,84.00',
    );
    expect(balancesOf(pendingFirst)).toEqual({
      opening: null,
      closing: { amount: '84.00', date: '2024-03-03' },
    });
  });

  it('warns about an unreadable balance cell and still reads the row', () => {
    const text = lines(
      'Date,Text,Amount,Balance',
      '2024-03-01,A,-10.00,90.00',
      '2024-03-02,B,-5.00,n/a',
      '2024-03-03,C,-1.00,84.00',
    );
    const result = parseCsv(utf8(text), { balanceColumn: 3 });
    expect(result.statements[0]!.rows).toHaveLength(3);
    expect(result.issues).toEqual([
      {
        code: 'INVALID_AMOUNT',
        severity: 'warning',
        message: "Line 3: the balance 'n/a' is not an amount in the file's number format; it is left out.",
        line: 3,
      },
    ]);
    expect(result.statements[0]!.closingBalance).toEqual({ amount: '84.00', date: '2024-03-03' });
  });

  it('is null without a balance column, and when the balances are of several currencies', () => {
    expect(parseCsv(fixture('pipe.csv')).mapping.balanceColumn).toBeNull();
    expect(balancesOf(fixture('pipe.csv'))).toEqual({ opening: null, closing: null });
    const mixed = lines(
      'Date,Text,Amount,Currency,Balance',
      '2024-03-01,A,-10.00,EUR,90.00',
      '2024-03-02,B,-5.00,USD,45.00',
    );
    expect(balancesOf(mixed)).toEqual({ opening: null, closing: null });
  });

  it('turns the sign of a balance that counts the other way (a card balance owed)', () => {
    const text = lines(
      'Date,Text,Amount,Balance',
      '2024-03-01,Shop,-10.00,110.00',
      '2024-03-02,Cafe,-5.00,115.00',
      '2024-03-03,Payment,100.00,15.00',
    );
    expect(balancesOf(text)).toEqual({
      opening: { amount: '-100.00', date: '2024-03-01' },
      closing: { amount: '-15.00', date: '2024-03-03' },
    });
  });

  it('reads none while the date format is an open question', () => {
    const text = lines('Date,Text,Amount,Balance', '05/03/2021,A,100.00,100.00', '07/04/2021,B,-20.00,80.00');
    expect(balancesOf(text)).toEqual({ opening: null, closing: null });
    expect(balancesOf(text, { dateFormat: 'DD/MM/YYYY' }).closing).toEqual({
      amount: '80.00',
      date: '2021-04-07',
    });
  });
});

describe('parseCsvStream', () => {
  async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it.each(['ch-debit-credit.csv', 'us-checking.csv', 'es-concepto.csv', 'pending-status.csv', 'pipe.csv'])(
    'reports on its final batch the balances parseCsv gives for %s',
    async (name) => {
      const bytes = fixture(name);
      const whole = parseCsv(bytes);
      const batches: CsvStreamBatch[] = [];
      for await (const batch of parseCsvStream(chunksOf(bytes, 7), whole.mapping, {
        columns: whole.columns,
        batchSize: 1,
      })) {
        batches.push(batch);
      }
      const last = batches.at(-1)!;
      expect(batches.slice(0, -1).every((batch) => !('closingBalance' in batch))).toBe(true);
      expect(last.closingBalance).toEqual(whole.statements[0]!.closingBalance);
      expect(last.openingBalance).toEqual(whole.statements[0]!.openingBalance);
    },
  );
});
