import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import { detectCsvMapping } from './detect.ts';

const lines = (...rows: string[]) => `${rows.join('\n')}\n`;

describe('detectCsvMapping: delimiter', () => {
  it.each([
    [',', 'Date,Description,Amount\n2024-01-02,"Coffee, large",-3.50\n2024-01-03,Salary,2000.00\n'],
    [';', 'Datum;Text;Betrag\n02.01.2024;Kaffee, groß;-3,50\n03.01.2024;Gehalt;2000,00\n'],
    ['\t', 'Date\tText\tAmount\n2024-01-02\tCoffee, large\t-3,50\n2024-01-03\tSalary\t2.000,00\n'],
    ['|', 'Date|Text|Amount\n2024-01-02|Coffee; large|-3.50\n2024-01-03|Salary|2,000.00\n'],
  ])('finds %j', (delimiter, text) => {
    expect(detectCsvMapping(text).mapping.delimiter).toBe(delimiter);
  });

  it('prefers semicolons over the commas of decimal amounts', () => {
    const text = lines('1;02.01.2024;-0,42;EUR;x', '1;03.01.2024;+1,23;EUR;y', '1;04.01.2024;-12,00;EUR;z');
    expect(detectCsvMapping(text).mapping.delimiter).toBe(';');
  });

  it("obeys Excel's sep= line", () => {
    const detection = detectCsvMapping('sep=|\nDate|Amount\n2024-01-02|-1.00\n');
    expect(detection.mapping).toMatchObject({ delimiter: '|', headerLine: 2, firstDataLine: 3 });
  });
});

describe('detectCsvMapping: where the table is', () => {
  it('skips preamble lines and finds the header above the first transaction', () => {
    const text = lines(
      'Umsatzanzeige;Datei erstellt am: 28.12.2018 16:57',
      '',
      'IBAN;DE12 3456 7890 1234 5678 90',
      'Zeitraum;28.12.2017 - 28.12.2018',
      'Saldo;150,00;EUR',
      '31.12.2018;150,00',
      '',
      'Buchung;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung',
      '28.12.2018;28.12.2018;Karl;Miete;-5,50;EUR',
      '27.12.2018;27.12.2018;Eva;Geld;50,00;EUR',
    );
    const { mapping, header, columns } = detectCsvMapping(text);
    expect(mapping).toMatchObject({ headerLine: 8, firstDataLine: 9, footerLines: 0, dateColumn: 0 });
    expect(header).toEqual([
      'Buchung',
      'Valuta',
      'Auftraggeber/Empfänger',
      'Verwendungszweck',
      'Betrag',
      'Währung',
    ]);
    expect(columns).toBe(6);
  });

  it('skips one-cell notes between the header and the rows', () => {
    const text = lines(
      'Transactions for Checking account as of 12/23/2020 16:00:10 ET',
      '"Date","Type","Description","Withdrawal (-)","Deposit (+)","RunningBalance"',
      '"Pending Transactions are not reflected within this sort criterion."',
      '"Posted Transactions"',
      '"07/30/2021","ATM","ATM Fee Rebate","","$3.00","$20,053.01"',
      '"11/13/2020","ACH","Transfer","$10,500.00","","$50.01"',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({ headerLine: 2, firstDataLine: 5 });
  });

  it('counts the lines after the last transaction as footer', () => {
    const text = lines(
      'Date,Label,Debit,Credit',
      '01/04/2020,A,"-50,00",',
      '25/04/2020,B,,"100,00"',
      'Balance at start of period,,,"+30000,77"',
      'Total,,"-50,00","100,00"',
    );
    expect(detectCsvMapping(text).mapping.footerLines).toBe(2);
  });

  it('reads a file without a header by content', () => {
    const text = lines(
      'AT12;Zinsen HABEN   BG/1;01.01.2014;31.12.2013;+1,23;EUR',
      'AT12;Einbehaltene KESt BG/2;01.01.2014;31.12.2013;-0,42;EUR',
      'AT12;Strom OG/4;08.01.2014;08.01.2014;-1.032,00;EUR',
    );
    const { mapping, header, confidence } = detectCsvMapping(text);
    expect(header).toBeNull();
    expect(confidence).toBe('medium');
    expect(mapping).toMatchObject({
      headerLine: null,
      firstDataLine: 1,
      dateColumn: 2,
      valueDateColumn: null,
      amount: { kind: 'signed', column: 4 },
      currencyColumn: 5,
      descriptionColumns: [1],
      decimalSeparator: ',',
      thousandsSeparator: '.',
    });
  });

  it('picks the signed amount over a running balance when there is no header', () => {
    const text = lines(
      '17-06-2022,NL00,EUR,130.44,EUR,223.77,payee one',
      '18-06-2022,NL00,EUR,354.21,EUR,-200.00,payee two',
      '25-06-2022,NL00,EUR,154.21,EUR,-2.20,payee three',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({
      amount: { kind: 'signed', column: 5 },
      currencyColumn: 4,
    });
  });

  it('fails with UNREADABLE_FILE when no line has a date and an amount', () => {
    for (const text of ['name,age\nAnn,31\nBob,42\n', 'just some text\nwith lines\n', '   \n\n']) {
      expect(caught(() => detectCsvMapping(text)).code).toBe('UNREADABLE_FILE');
    }
  });
});

describe('detectCsvMapping: columns by header name', () => {
  it.each([
    [
      'English',
      'Transaction Date,Posted Date,Payee,Memo,Amount,Currency,Status,Transaction ID',
      { date: 0, value: null, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
    [
      'German',
      'Buchungstag;Wertstellung;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung;Info;Referenz',
      { date: 0, value: 1, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
    [
      'Dutch',
      'Transactiedatum;Valutadatum;Tegenrekeninghouder;Omschrijving;Bedrag;Valutacode;Status;Referentie',
      { date: 0, value: 1, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
    [
      'French',
      "Date d'opération;Date de valeur;Bénéficiaire;Libellé;Montant;Devise;Statut;Référence",
      { date: 0, value: 1, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
    [
      'Spanish',
      'Fecha operación;Fecha valor;Beneficiario;Concepto;Importe;Divisa;Estado;Referencia',
      { date: 0, value: 1, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
    [
      'Russian',
      'Дата операции;Дата валютирования;Контрагент;Описание;Сумма;Валюта;Статус;Номер операции',
      { date: 0, value: 1, payee: 2, desc: [3], currency: 5, status: 6, reference: 7 },
    ],
  ])('reads %s names', (_language, header, expected) => {
    const delimiter = header.includes(';') ? ';' : ',';
    const row = (n: number) =>
      ['02.01.2024', '03.01.2024', `Payee ${n}`, `Text ${n}`, `"-1${n},50"`, 'EUR', 'Booked', `REF${n}`].join(
        delimiter,
      );
    const { mapping, confidence } = detectCsvMapping(lines(header, row(1), row(2), row(3)));
    expect(mapping).toMatchObject({
      dateColumn: expected.date,
      valueDateColumn: expected.value,
      payeeColumn: expected.payee,
      descriptionColumns: expected.desc,
      amount: { kind: 'signed', column: 4 },
      currencyColumn: expected.currency,
      statusColumn: expected.status,
      referenceColumn: expected.reference,
      decimalSeparator: ',',
    });
    expect(confidence).toBe('high');
  });

  it('reads "Valuta" as a currency in Dutch files and as a value date in German ones', () => {
    const dutch = lines('Datum;Naam;Valuta;Bedrag', '01-02-2024;Jan;EUR;-1,00', '02-02-2024;Piet;EUR;2,00');
    expect(detectCsvMapping(dutch).mapping).toMatchObject({
      currencyColumn: 2,
      valueDateColumn: null,
      payeeColumn: 1,
    });
    const german = lines(
      'Datum;Valuta;Text;Betrag',
      '01.02.2024;02.02.2024;x;-1,00',
      '02.02.2024;03.02.2024;y;2,00',
    );
    expect(detectCsvMapping(german).mapping).toMatchObject({ currencyColumn: null, valueDateColumn: 1 });
  });

  it('ignores balance columns and prefers the account-currency amount', () => {
    const text = lines(
      'Дата операции;Сумма операции;Валюта операции;Сумма пересчитанная в валюту счета;Валюта счета;Остаток',
      '2019-07-06 00:00:00;-4,50;EUR;-336,15;RUR;1000,00',
      '2019-07-07 00:00:00;-300,00;RUR;-300,00;RUR;700,00',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({
      amount: { kind: 'signed', column: 3 },
      currencyColumn: 4,
    });
  });

  it('takes the currency column right after the amount when two have the same name', () => {
    const text = lines(
      'Datum;Saldo;Währung;Betrag;Währung',
      '01.02.2024;100,00;EUR;-5,50;EUR',
      '02.02.2024;94,50;EUR;1,00;EUR',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({
      amount: { kind: 'signed', column: 3 },
      currencyColumn: 4,
    });
  });

  it('prefers Net over Gross and skips Fee', () => {
    const text = lines(
      '"Date","Name","Gross","Fee","Net","Currency"',
      '"10/22/2019","A","10.00","-0.59","9.41","USD"',
    );
    expect(detectCsvMapping(text).mapping.amount).toEqual({ kind: 'signed', column: 4 });
  });

  it.each([
    ['Soll;Haben', '0,00;12,23', '34,56;0,00'],
    ['Debit;Credit', ';12,23', '34,56;'],
    ['Withdrawal (-);Deposit (+)', ';"$12.23"', '"$34.56";'],
    ['Расход;Приход', '0;12,23', '34,56;0'],
    ['Débit;Crédit', ';12.23', '34.56;'],
  ])('reads debit and credit columns %s', (names, credit, debit) => {
    const text = lines(`Datum;Text;${names}`, `02.01.2024;in;${credit}`, `03.01.2024;out;${debit}`);
    const { mapping } = detectCsvMapping(text);
    expect(mapping.amount).toEqual({ kind: 'debit-credit', debitColumn: 2, creditColumn: 3 });
  });

  it.each([
    ['Af Bij', 'Af', 'Bij'],
    ['CreditDebet', 'D', 'C'],
    ['Soll/Haben', 'S', 'H'],
    ['Type', 'Debit', 'Credit'],
    ['Cr/Dr', 'DR', 'CR'],
  ])('reads an unsigned amount with a %s column', (name, out, incoming) => {
    const text = lines(
      `Date;${name};Amount;Text`,
      `2024-01-02;${out};"12,50";x`,
      `2024-01-03;${incoming};"2000";y`,
    );
    const { mapping } = detectCsvMapping(text);
    expect(mapping.amount).toEqual({ kind: 'sign-column', column: 2, signColumn: 1, debitValues: [out] });
  });

  it('leaves a DEBIT/CREDIT column alone when the amounts carry their own signs', () => {
    const text = lines(
      'Details,Posting Date,Description,Amount',
      'DEBIT,3/18/2016,Card,-2680.89',
      'CREDIT,3/15/2016,Pay,2590.73',
    );
    expect(detectCsvMapping(text).mapping.amount).toEqual({ kind: 'signed', column: 3 });
  });

  it('finds the pending values of a status column', () => {
    const text = lines(
      '"Date","Status","Amount"',
      '"10/01/2019","Completed","-6.99"',
      '"10/13/2019","Pending","6.99"',
    );
    expect(detectCsvMapping(text).mapping).toMatchObject({ statusColumn: 1, pendingValues: ['Pending'] });
  });
});

describe('detectCsvMapping: numbers, dates and currency', () => {
  it.each([
    ['1.234,56', ',', '.'],
    ['1,234.56', '.', ','],
    ["1'234.56", '.', "'"],
    ['1 234,56', ',', ' '],
    ['1234,56', ',', ''],
  ])('reads amounts like %j', (amount, decimal, thousands) => {
    const text = lines('Date;Amount', `2024-01-02;-${amount}`, '2024-01-03;-5,5'.replace(',', decimal));
    expect(detectCsvMapping(text).mapping).toMatchObject({
      decimalSeparator: decimal,
      thousandsSeparator: thousands,
    });
  });

  it('asks about 05/03/2021 and 07/04/2021, offering both readings', () => {
    const detection = detectCsvMapping(lines('Date,Amount', '05/03/2021,1.00', '07/04/2021,2.00'));
    expect(detection.confidence).toBe('low');
    expect(detection.questions).toEqual([
      {
        code: 'AMBIGUOUS_DATE_FORMAT',
        message: expect.stringContaining('05/03/2021'),
        options: ['DD/MM/YYYY', 'MM/DD/YYYY'],
      },
    ]);
  });

  it('does not ask when any row settles it, even the last of many', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `0${(i % 9) + 1}/03/2021,${i}.00`);
    rows.push('25/03/2021,1.00');
    const detection = detectCsvMapping(lines('Date,Amount', ...rows));
    expect(detection.questions).toEqual([]);
    expect(detection.mapping.dateFormat).toBe('DD/MM/YYYY');
  });

  it('does not ask when the answer is given', () => {
    const detection = detectCsvMapping(lines('Date,Amount', '05/03/2021,1.00'), { dateFormat: 'MM/DD/YYYY' });
    expect(detection.questions).toEqual([]);
    expect(detection.mapping.dateFormat).toBe('MM/DD/YYYY');
  });

  it('finds the currency in the amount header, the preamble or the amounts', () => {
    expect(detectCsvMapping(lines('Date,Bedrag (EUR)', '2024-01-02,-1.00')).mapping.currency).toBe('EUR');
    expect(
      detectCsvMapping(lines('Account : 1,: GBP', 'Date,Amount', '2024-01-02,-1.00')).mapping.currency,
    ).toBe('GBP');
    expect(detectCsvMapping(lines('Fecha;Importe', '24/03/2022;1.394,11 €')).mapping.currency).toBe('EUR');
    expect(detectCsvMapping(lines('Date,Amount', '2024-01-02,-$1.00')).mapping.currency).toBeNull();
  });
});

describe('detectCsvMapping: inputs', () => {
  it('decodes bytes and reports the encoding', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Datum;Betrag\n02.01.2024;-1,00\n')]);
    expect(detectCsvMapping(bytes).mapping.encoding).toBe('utf-8');
  });

  it('keeps every given field and detects the rest', () => {
    const text = lines('Date,Text,Amount', '2024-01-02,x,-1.00');
    const { mapping } = detectCsvMapping(text, {
      invertSign: true,
      payeeColumn: 1,
      currency: 'CHF',
      dateFormat: undefined,
    });
    expect(mapping).toMatchObject({
      invertSign: true,
      payeeColumn: 1,
      currency: 'CHF',
      dateFormat: 'YYYY-MM-DD',
    });
  });

  it('reads the start of a big file (partial): ignores the cut-off last line and looks for no footer', () => {
    const text = `${lines('Date,Amount', '2024-01-02,-1.00', '2024-01-03,2.00', 'Total,1.00')}2024-01-04,3.0`;
    const { mapping } = detectCsvMapping(text, {}, { partial: true });
    expect(mapping).toMatchObject({ footerLines: 0, firstDataLine: 2, decimalSeparator: '.' });
  });

  it('refuses empty, UTF-16 and binary bytes', () => {
    expect(caught(() => detectCsvMapping(new Uint8Array())).message).toMatch(/empty/);
    expect(caught(() => detectCsvMapping(new Uint8Array([0xff, 0xfe, 0x41, 0]))).message).toMatch(/UTF-16/);
    expect(caught(() => detectCsvMapping(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).message).toMatch(
      /not text/,
    );
  });
});
