import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusEntries, describeCorpus, readCorpusFile } from '../../../test/support/corpus.ts';
import { caught } from '../../../test/support/errors.ts';
import { parseStatementFile } from './parse-file.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

const CSV = 'Date,Description,Amount\n2024-01-02,Coffee,-3.50\n2024-01-03,Salary,2500.00\n';
const OFX =
  'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD' +
  '<BANKACCTFROM><BANKID>1<ACCTID>42<ACCTTYPE>CHECKING</BANKACCTFROM><BANKTRANLIST>' +
  '<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240102<TRNAMT>-3.50<FITID>A1<NAME>Coffee</STMTTRN>' +
  '</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>';
const QIF_AMBIGUOUS = '!Type:Bank\nD05/03/2024\nT-3.50\nPCoffee\n^\n';
const CAMT =
  '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>' +
  '<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>' +
  '<Ntry><Amt Ccy="EUR">3.50</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>' +
  '<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>';

describe('parseStatementFile', () => {
  it('detects each format and hands the file to its parser', () => {
    const csv = parseStatementFile(bytes(CSV), { fileName: 'export.csv' });
    expect(csv).toMatchObject({ format: 'csv', questions: [] });
    expect(csv.mapping).toMatchObject({ delimiter: ',', dateFormat: 'YYYY-MM-DD' });
    expect(csv.header).toEqual(['Date', 'Description', 'Amount']);
    expect(csv.statements[0]!.rows.map((row) => row.amount)).toEqual(['-3.50', '2500.00']);

    const ofx = parseStatementFile(bytes(OFX));
    expect(ofx.format).toBe('ofx');
    expect(ofx.statements[0]).toMatchObject({ accountId: '42', currency: 'USD' });
    expect(ofx.statements[0]!.rows[0]).toMatchObject({ amount: '-3.50', reference: 'A1', payee: 'Coffee' });

    const camt = parseStatementFile(bytes(CAMT), { fileName: 'camt053.xml' });
    expect(camt).toMatchObject({ format: 'camt', variant: 'CAMT.053.001.08' });
    expect(camt.statements[0]!.rows[0]).toMatchObject({ date: '2024-01-02', amount: '-3.50' });
  });

  it('passes the file name to OFX, which names QBO and QFX files by it', () => {
    expect(parseStatementFile(bytes(OFX), { fileName: 'download.qbo' }).variant).toContain('QBO');
  });

  it("gives CSV statements that state no currency the account's, and leaves other formats as written", () => {
    expect(parseStatementFile(bytes(CSV), { currency: 'CHF' }).statements[0]!.currency).toBe('CHF');
    const qif = parseStatementFile(bytes(QIF_AMBIGUOUS), { currency: 'CHF', qif: { dateOrder: 'DMY' } });
    expect(qif.statements[0]!.currency).toBeNull();
  });

  it('passes the CSV mapping given by a profile or the user', () => {
    const file = bytes('Datum;Betrag\n05/03/2024;-3,50\n06/03/2024;1,00\n');
    expect(parseStatementFile(file).questions).toHaveLength(1); // 05/03 or 03/05: the user must say
    const parsed = parseStatementFile(file, { csv: { dateFormat: 'DD/MM/YYYY' } });
    expect(parsed.questions).toEqual([]);
    expect(parsed.statements[0]!.rows.map((row) => [row.date, row.amount])).toEqual([
      ['2024-03-05', '-3.50'],
      ['2024-03-06', '1.00'],
    ]);
  });

  it("carries QIF's day/month question, and reads the dates once it is answered", () => {
    const asked = parseStatementFile(bytes(QIF_AMBIGUOUS));
    expect(asked.format).toBe('qif');
    expect(asked.questions).toHaveLength(1);
    expect(asked.questions![0]).toMatchObject({ code: 'AMBIGUOUS_DATE_FORMAT' });
    const answered = parseStatementFile(bytes(QIF_AMBIGUOUS), { qif: { dateOrder: 'DMY' } });
    expect(answered.questions).toEqual([]);
    expect(answered.statements[0]!.rows[0]!.date).toBe('2024-03-05');
  });

  it('uses the format the user chose instead of detecting one', () => {
    expect(parseStatementFile(bytes(CAMT), { format: 'camt', fileName: 'statement.csv' }).format).toBe(
      'camt',
    );
    const error = caught(() => parseStatementFile(bytes(CSV), { format: 'camt' }));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toBe('The file is not XML, so it cannot be a CAMT.053 bank statement.');
  });

  it('refuses empty, binary and unknown files', () => {
    expect(caught(() => parseStatementFile(new Uint8Array())).message).toBe('The file is empty.');
    expect(caught(() => parseStatementFile(new Uint8Array([1, 0, 2, 3]))).code).toBe('UNREADABLE_FILE');
    expect(caught(() => parseStatementFile(bytes('hello'), { fileName: 'a.bin' })).code).toBe(
      'UNREADABLE_FILE',
    );
  });
});

/**
 * Every corpus file goes through detection and its parser: the manifest's format, and its count of
 * rows, or (a few CSV files with dates like 05/03/2021) the date question the user must answer.
 * Skipped with a notice when the corpus is absent; in CI that fails.
 */
const files = corpusEntries();

describeCorpus('parseStatementFile over the corpus', () => {
  it.each(files.map((file) => [file.path, file] as const))('%s', (_path, file) => {
    const content = new Uint8Array(readCorpusFile(file));
    const parsed = parseStatementFile(content, { fileName: path.basename(file.path) });
    const expectedFormat = file.path.split('/')[0];
    expect(parsed.format).toBe(expectedFormat);
    const rows = parsed.statements.reduce((count, statement) => count + statement.rows.length, 0);
    if ((parsed.questions ?? []).length > 0) expect(rows).toBe(0);
    else expect(rows).toBe(file.expected.transaction_count);
  });
});
