import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { detectFormat } from './detect.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const CAMT_NS = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02';

describe('detectFormat: by content', () => {
  it.each([
    [
      'OFX 1.x with its header',
      'OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\n\r\n<OFX>\r\n<SIGNONMSGSRSV1>',
    ],
    ['OFX 1.x after blank lines', '\n\n\n\nOFXHEADER:100\nDATA:OFXSGML\n\n<OFX>'],
    ['OFX 2.x', '<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX><SIGNONMSGSRSV1/></OFX>'],
    ['OFX 2.x without the XML declaration', '<?OFX OFXHEADER="200" VERSION="202"?>\n<OFX>\n</OFX>'],
    [
      'an OFX body without any header (SGML)',
      '<OFX>\n <SIGNONMSGSRSV1>\n  <SONRS>\n   <STATUS>\n    <CODE>0',
    ],
    ['an OFX body without header, with closing tags', '<OFX>\n<BANKMSGSRSV1>\n</BANKMSGSRSV1>\n</OFX>\n'],
    ['lower-case OFX tags', '<ofx><bankmsgsrsv1>'],
  ])('%s is OFX', (_name, text) => {
    expect(detectFormat(bytes(text))).toBe('ofx');
  });

  it.each([
    ['a bank section', '!Type:Bank\nD01/01/95\nT5,762.36\n^\n'],
    ['a BOM and a tag list first', '\uFEFF!Type:Tag\nNMarket adjustment\n^\n'],
    ['comment lines first', '### copied from Wikipedia ###\n\n!Type:Class\nNQuiffen\n^\n'],
    ['an account block', '!Account\nNChecking\nTBank\n^\n!Type:Bank\n'],
    ['an option line', '!Option:AutoSwitch\r\n!Account\r\nNCash\r\n^\r\n'],
  ])('%s is QIF', (_name, text) => {
    expect(detectFormat(bytes(text))).toBe('qif');
  });

  it.each([
    ['the default namespace', `<?xml version="1.0"?>\n<Document xmlns="${CAMT_NS}"><BkToCstmrStmt>`],
    ['a prefix', `<ns2:Document xmlns:ns2="${CAMT_NS}">\n<ns2:BkToCstmrStmt>`],
    ['no namespace', '<Document><BkToCstmrStmt><Stmt/></BkToCstmrStmt></Document>'],
    [
      'a camt.052 report (camt gives its own refusal)',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.02"><BkToCstmrAcctRpt>',
    ],
  ])('CAMT with %s is CAMT', (_name, text) => {
    expect(detectFormat(bytes(text))).toBe('camt');
  });

  it.each([
    ['commas', 'Date,Description,Amount\n2024-01-01,Coffee,-3.50\n2024-01-02,Salary,2500.00\n'],
    ['semicolons and decimal commas', 'Datum;Text;Betrag\n01.01.2024;Kaffee;-3,50\n'],
    ['tabs', 'Date\tAmount\n2024-01-01\t-3.50\n'],
    ['pipes', 'Date|Amount\n2024-01-01|-3.50\n'],
    ['a preamble and a footer', 'Account statement\nAccount: 123\n\nDate;Amount\n01.01.2024;-3,50\nTotal\n'],
    ['quoted delimiters and line breaks', '"Date","Memo","Amount"\n"2024-01-01","a, b\nc","-3.50"\n'],
    ['bare CR line ends', 'Date,Amount\r2024-01-01,-3.50\r2024-01-02,1.00\r'],
    ['a single line', 'Date,Amount'],
  ])('a table with %s is CSV', (_name, text) => {
    expect(detectFormat(bytes(text))).toBe('csv');
  });

  it('reads Windows-1252, UTF-8 with BOM and UTF-16 with BOM text as CSV', () => {
    expect(detectFormat(new Uint8Array([...bytes('Date;Caf'), 0xe9, ...bytes(';1\n2024;x;2\n')]))).toBe(
      'csv',
    );
    expect(detectFormat(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a;b\n1;2\n')]))).toBe('csv');
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...[...'a,b\n1,2\n'].flatMap((char) => [char.charCodeAt(0), 0]),
    ]);
    expect(detectFormat(utf16)).toBe('csv');
  });

  it('goes by content before the file name', () => {
    expect(detectFormat(bytes('OFXHEADER:100\n<OFX>'), 'statement.csv')).toBe('ofx');
    expect(detectFormat(bytes('!Type:Bank\nT1\n^\n'), 'export.txt')).toBe('qif');
    expect(detectFormat(bytes('Date,Amount\n2024-01-01,1\n'), 'download.ofx')).toBe('csv');
  });

  it('ignores NUL padding after the last line', () => {
    expect(detectFormat(new Uint8Array([...bytes('<OFX>\n</OFX>'), 0, 0]))).toBe('ofx');
  });
});

describe('detectFormat: the extension settles what the content leaves open', () => {
  it('XML that names neither OFX nor CAMT', () => {
    const xml = bytes('<?xml version="1.0"?><Statement><Row/></Statement>');
    expect(detectFormat(xml, 'bank.QFX')).toBe('ofx');
    expect(detectFormat(xml, 'bank.qbo')).toBe('ofx');
    expect(detectFormat(xml, 'bank.xml')).toBe('camt');
    expect(caught(() => detectFormat(xml, 'bank.dat')).message).toContain('neither an OFX nor a CAMT.053');
    expect(caught(() => detectFormat(xml)).code).toBe('UNREADABLE_FILE');
  });

  it('text without a shared delimiter', () => {
    const text = bytes('just some words\nand more words\n');
    expect(detectFormat(text, 'statement.csv')).toBe('csv');
    expect(detectFormat(text, 'statement.TXT')).toBe('csv');
    expect(detectFormat(text, 'statement.qif')).toBe('qif');
    expect(detectFormat(text, 'statement.ofx')).toBe('ofx');
    const error = caught(() => detectFormat(text, 'statement.dat'));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain('neither OFX/QFX/QBO, QIF, CAMT.053 nor a CSV table');
    expect(caught(() => detectFormat(text)).code).toBe('UNREADABLE_FILE');
  });
});

describe('detectFormat: files it refuses', () => {
  it.each([
    ['an empty file', new Uint8Array(), 'The file is empty.'],
    ['only blank lines', bytes('\n \r\n\t\n'), 'The file is empty.'],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf]), 'The file is empty.'],
    [
      'NUL bytes inside',
      new Uint8Array([...bytes('Date,Amount\n'), 0, ...bytes('1,2\n')]),
      'binary (it holds NUL bytes)',
    ],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'The file is a PDF'],
    [
      'an XLSX workbook',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      'a spreadsheet or a ZIP archive',
    ],
    [
      'an XLS workbook',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'a spreadsheet or a ZIP archive',
    ],
    [
      'control bytes',
      new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      'control bytes',
    ],
  ])('%s', (_name, input, message) => {
    const error = caught(() => detectFormat(input, 'statement.csv'));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain(message);
  });

  it('turns away 50 MB of garbage at once', () => {
    const garbage = new Uint8Array(50 * 1024 * 1024);
    let state = 0x2545f491;
    for (let i = 0; i < garbage.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      garbage[i] = state & 0xff;
    }
    const started = performance.now();
    expect(caught(() => detectFormat(garbage, 'big.csv')).code).toBe('UNREADABLE_FILE');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
