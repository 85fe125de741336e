import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import type { ParsedFile, StatementRow } from '../types.ts';
import { parseCamt } from './camt.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/import/camt/${name}`, import.meta.url)));

/** The fields a person checks in the preview, without the raw text. */
const brief = (row: StatementRow) => ({
  date: row.date,
  valueDate: row.valueDate,
  amount: row.amount,
  payee: row.payee,
  description: row.description,
  reference: row.reference,
  status: row.status,
});

const minimal = (entries: string, namespace = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02') =>
  `<Document xmlns="${namespace}"><BkToCstmrStmt><Stmt><Acct><Id><IBAN>X</IBAN></Id></Acct>` +
  `${entries}</Stmt></BkToCstmrStmt></Document>`;

describe('parseCamt: version 001.02, two statements', () => {
  const parsed = parseCamt(fixture('v02-two-statements.xml'));

  it('reads one statement per <Stmt> with its account, currency and balances', () => {
    expect(parsed).toMatchObject({ format: 'camt', variant: 'CAMT.053.001.02', issues: [] });
    const [eur, usd] = parsed.statements;
    expect(eur).toMatchObject({
      accountId: 'DE89370400440532013000',
      accountType: 'CACC',
      accountName: 'Girokonto',
      currency: 'EUR',
      openingBalance: { amount: '1000.00', date: '2024-02-29' },
      closingBalance: { amount: '2234.56', date: '2024-03-03' },
      availableBalance: { amount: '2200.00', date: '2024-03-03' },
    });
    expect(usd).toMatchObject({
      accountId: '12345678',
      accountType: null,
      accountName: null,
      currency: 'USD', // no Acct/Ccy: the balances' currency
      openingBalance: { amount: '-50.00', date: '2024-02-29' }, // PRCD when there is no OPBD; DBIT is negative
      closingBalance: { amount: '25.00', date: '2024-03-03' }, // DtTm: the date part as written
      availableBalance: null,
    });
  });

  it('reads each entry: signed amount, dates, payee, description, reference', () => {
    const [eur, usd] = parsed.statements;
    expect(eur!.rows.map(brief)).toEqual([
      {
        date: '2024-03-01',
        valueDate: '2024-03-01',
        amount: '2500.00',
        payee: 'ACME GmbH', // a credit's debtor, not the owner named as creditor
        description: 'Gehalt März 2024 Personalnummer 4711', // Ustrd lines joined, before AddtlNtryInf
        reference: '2024030100001',
        status: 'cleared',
      },
      {
        date: '2024-03-02',
        valueDate: '2024-03-03',
        amount: '-1200.00',
        payee: 'Hausverwaltung Schmidt',
        description: 'Miete März', // AddtlTxInf, whitespace collapsed
        reference: '2024030200002', // AcctSvcrRef before NtryRef; never EndToEndId
        status: 'cleared',
      },
      {
        date: '2024-03-03',
        valueDate: null,
        amount: '-65.44',
        payee: null,
        description: 'KARTENZAHLUNG SUPERMARKT 02.03.2024',
        reference: 'NR-3',
        status: 'cleared',
      },
    ]);
    expect(eur!.rows[1]).toMatchObject({
      checkNumber: '000123',
      currency: 'EUR',
      category: null,
      splits: [],
    });
    expect(usd!.rows.map(brief)).toEqual([
      {
        date: '2024-03-02', // 23:30 at +01:00 stays on the 2nd: no time-zone shifting
        valueDate: '2024-03-03',
        amount: '75.00',
        payee: 'John Roe',
        description: 'Refund',
        reference: 'TX-USD-1', // the only detail's servicer reference
        status: 'cleared',
      },
      {
        date: '2024-03-03',
        valueDate: null,
        amount: '0.00', // a zero debit is never "-0.00"
        payee: null,
        description: 'Fee waived',
        reference: null,
        status: 'cleared',
      },
    ]);
  });

  it('keeps each entry as written, with the line it starts on', () => {
    const text = new TextDecoder().decode(fixture('v02-two-statements.xml'));
    const row = parsed.statements[0]!.rows[2]!;
    expect(row.raw.startsWith('<Ntry>')).toBe(true);
    expect(row.raw.endsWith('</Ntry>')).toBe(true);
    expect(row.raw).toContain('KARTENZAHLUNG');
    expect(text.split('\n')[row.line - 1]!.trim()).toBe('<Ntry>');
  });

  it('reads a text argument the same as bytes', () => {
    const text = new TextDecoder().decode(fixture('v02-two-statements.xml'));
    expect(parseCamt(text)).toEqual(parsed);
  });
});

describe('parseCamt: version 001.04 with a prefix, batches and reversals', () => {
  const parsed = parseCamt(fixture('v04-batch-reversal.xml'));
  const rows = parsed.statements[0]!.rows;

  it('reads the ns2: prefixed file and reconciles the balances', () => {
    expect(parsed).toMatchObject({ variant: 'CAMT.053.001.04', issues: [] });
    expect(parsed.statements).toHaveLength(1);
    expect(parsed.statements[0]).toMatchObject({
      accountId: 'CH9300762011623852957',
      currency: 'CHF',
      openingBalance: { amount: '500.00' },
      closingBalance: { amount: '-240.00' },
    });
  });

  it('makes one row of a batch entry, with the booked amount and the entry reference', () => {
    expect(rows).toHaveLength(5);
    expect(brief(rows[0]!)).toEqual({
      date: '2024-04-02',
      valueDate: '2024-04-02',
      amount: '300.00',
      payee: null, // three different debtors
      description: 'Club fee; Donation', // the distinct detail texts
      reference: 'B-1',
      status: 'cleared',
    });
    expect(rows[0]!.splits).toEqual([]);
    expect(brief(rows[1]!)).toMatchObject({
      amount: '-1000.00',
      payee: 'Payroll Services', // every detail names the same creditor
      description: 'SALARY RUN 2024-04', // the bank's entry text wins for a batch
      reference: 'NR-SAL', // not a detail's SAL-1
    });
  });

  it('signs reversals by their own CdtDbtInd and names the party of the movement they undo', () => {
    expect(rows.slice(2).map(brief)).toEqual([
      {
        date: '2024-04-04',
        valueDate: null,
        amount: '-80.00',
        payee: 'Wrong Shop',
        description: 'Order 991',
        reference: 'P-1',
        status: 'cleared',
      },
      {
        date: '2024-04-05',
        valueDate: null,
        amount: '80.00', // CRDT + RvslInd: a debit returned, money back in
        payee: 'Wrong Shop', // the creditor of the debit it reverses
        description: 'Returned: account closed',
        reference: 'P-1-R',
        status: 'cleared',
      },
      {
        date: '2024-04-05',
        valueDate: null,
        amount: '-40.00', // DBIT + RvslInd: a credit taken back, money out
        payee: 'Late Payer', // the debtor of the credit it reverses
        description: 'Chargeback of invoice 17',
        reference: 'C-7-R',
        status: 'cleared',
      },
    ]);
  });
});

describe('parseCamt: version 001.08 with a camt: prefix, a BOM, CRLF, pending and information entries', () => {
  const bytes = fixture('v08-prefixed-pending.xml');
  const parsed = parseCamt(bytes);

  it('is the file the test means: BOM and CRLF', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('\r\n');
  });

  it('reads statuses, Pty/Nm, entities and CDATA, and leaves pending and INFO entries out of the balance check', () => {
    expect(parsed).toMatchObject({ variant: 'CAMT.053.001.08', issues: [] });
    const statement = parsed.statements[0]!;
    expect(statement.availableBalance).toEqual({ amount: '70.00', date: '2024-05-03' });
    expect(statement.rows.map(brief)).toEqual([
      {
        date: '2024-05-02',
        valueDate: '2024-05-02',
        amount: '-10.00',
        payee: 'Müller & Söhne',
        description: '<Rechnung> 2024-17',
        reference: 'R-1',
        status: 'cleared',
      },
      {
        date: '2024-05-03', // no booking date yet: the value date
        valueDate: '2024-05-03',
        amount: '-20.00',
        payee: 'Online Shop',
        description: 'Card reservation',
        reference: 'PEND-1',
        status: 'pending',
      },
      {
        date: '2024-05-03',
        valueDate: null,
        amount: '5.00',
        payee: null,
        description: 'Interest preview',
        reference: null,
        status: 'cleared',
      },
    ]);
    expect(statement.rows.map((row) => row.line)).toEqual([54, 83, 106]); // a CRLF is one line end
  });
});

describe('parseCamt: the payee when the file names only one party', () => {
  const credit = (party: string) =>
    `<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt>` +
    `<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>${party}</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>`;

  it("takes the other role's name, unless it is the account owner's", () => {
    const parsed = parseCamt(
      minimal(credit('Someone Else') + credit('Jane  Owner')).replace(
        '</Acct>',
        '<Ownr><Nm>Jane Owner</Nm></Ownr></Acct>',
      ),
    );
    expect(parsed.statements[0]!.rows.map((row) => row.payee)).toEqual(['Someone Else', null]);
  });
});

describe('parseCamt: amounts and balances', () => {
  it('keeps amounts with more decimals than the currency exactly, and warns when balances do not add up', () => {
    const parsed = parseCamt(fixture('five-decimals.xml'));
    const statement = parsed.statements[0]!;
    expect(statement.openingBalance!.amount).toBe('10.12345');
    expect(statement.closingBalance!.amount).toBe('10.001');
    expect(statement.rows[0]!.amount).toBe('-0.12345');
    expect(parsed.issues).toEqual([
      {
        code: 'BALANCE_MISMATCH',
        severity: 'warning',
        message:
          'Statement STMT-DECIMALS does not add up: the opening balance 10.12345 plus 1 booked entries (-0.12345) ' +
          'gives 10.00000, but the closing balance is 10.001 (a difference of 0.00100).',
        line: 9,
      },
    ]);
  });

  it('canonicalises amounts as written: no plus, no leading zeros, trailing zeros kept', () => {
    const entry = (amount: string) =>
      `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>`;
    const parsed = parseCamt(minimal(['007.50', '905.3', '38', '.5', '5.', ' 1.20 '].map(entry).join('')));
    expect(parsed.statements[0]!.rows.map((row) => row.amount)).toEqual([
      '-7.50',
      '-905.3',
      '-38',
      '-0.5',
      '-5',
      '-1.20',
    ]);
  });

  it('reports unreadable entries as errors on their line and reads the rest', () => {
    const parsed = parseCamt(
      minimal(
        [
          '<Ntry><Amt Ccy="EUR">12,50</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>',
          '<Ntry><Amt Ccy="EUR">-3.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>',
          '<Ntry><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>',
          '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>X</CdtDbtInd><BookgDt><Dt>2024-01-01</Dt></BookgDt></Ntry>',
          '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-02-30</Dt></BookgDt></Ntry>',
          '<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd></Ntry>',
          '<Ntry><Amt Ccy="EUR">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>',
        ].join('\n'),
      ),
    );
    expect(parsed.issues.map((issue) => [issue.code, issue.severity, issue.line])).toEqual([
      ['INVALID_AMOUNT', 'error', 1],
      ['INVALID_AMOUNT', 'error', 2],
      ['MALFORMED_RECORD', 'error', 3],
      ['MALFORMED_RECORD', 'error', 4],
      ['INVALID_DATE', 'error', 5],
      ['INVALID_DATE', 'error', 6],
    ]);
    expect(parsed.issues[0]!.message).toBe(
      'The entry on line 1 has the amount "12,50", which is not a decimal number.',
    );
    expect(parsed.issues[4]!.message).toContain('not a calendar date');
    expect(parsed.issues[5]!.message).toContain('neither a booking date nor a value date');
    expect(parsed.statements[0]!.rows.map((row) => row.amount)).toEqual(['2.00']);
  });

  it('reads a statement without entries, and a file without a version as plain CAMT.053', () => {
    const parsed = parseCamt('<Document><BkToCstmrStmt><Stmt/></BkToCstmrStmt></Document>');
    expect(parsed.variant).toBe('CAMT.053');
    expect(parsed.statements).toEqual([
      {
        accountId: null,
        accountType: null,
        accountName: null,
        currency: null,
        rows: [],
        openingBalance: null,
        closingBalance: null,
        availableBalance: null,
      },
    ] satisfies ParsedFile['statements']);
  });
});

describe('parseCamt: files it refuses', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'The file is empty.'],
    ['only whitespace and a BOM', '\uFEFF  \n', 'The file is empty.'],
    [
      'a CSV file',
      'Date;Amount\n2024-01-01;12,50\n',
      'The file is not XML, so it cannot be a CAMT.053 bank statement.',
    ],
    ['binary bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x14]), 'not valid UTF-8'],
    ['a truncated statement', minimal('<Ntry><Amt Ccy="EUR">1.00</Amt>').slice(0, -40), 'it is truncated'],
    ['a DOCTYPE with entities', `<!DOCTYPE d [<!ENTITY x "y">]>${minimal('')}`, 'refused for safety'],
    ['HTML', '<html><body>Login</body></html>', 'not a CAMT.053 bank statement: it holds <html>'],
    [
      'a payment order (pain.001)',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>',
      'in the namespace urn:iso:std:iso:20022:tech:xsd:pain.001.001.03',
    ],
    [
      'an account report (camt.052)',
      minimal('', 'urn:iso:std:iso:20022:tech:xsd:camt.052.001.02').replace(
        /BkToCstmrStmt/g,
        'BkToCstmrAcctRpt',
      ),
      'The file is an account report in ISO 20022 camt.052, not a CAMT.053 bank statement',
    ],
    [
      'a camt.053 message without statements',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>',
      'holds no statement',
    ],
  ])('%s', (_name, input, message) => {
    const error = caught(() => parseCamt(input));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain(message);
  });
});
