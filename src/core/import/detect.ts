import { fail } from '../errors.ts';
import { countCells } from './csv/mapping-columns.ts';
import { CSV_DELIMITERS, type StatementFormat } from './types.ts';

/**
 * Which parser reads a bank file. The content decides (file names lie: a "statement.csv" that is
 * really OFX is common, and a QBO is an OFX); the extension only settles what the content leaves
 * open, such as XML that names neither OFX nor CAMT, or text with no clear delimiter. Only the first
 * 64 KB are looked at, so a 50 MB file of garbage is turned away at once.
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): StatementFormat {
  const head = decodeHead(bytes);
  const text = head.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') fail('UNREADABLE_FILE', 'The file is empty.');
  const extension = extensionOf(fileName);
  const start = text.trimStart();

  if (/^OFXHEADER\s*:/i.test(start) || /<\?OFX[\s?]/i.test(text)) return 'ofx';
  if (start.startsWith('<')) {
    if (/<OFX>/i.test(text)) return 'ofx'; // OFX without a header, SGML or with closing tags
    if (/iso:20022:tech:xsd:camt\.|<(\w+:)?BkToCstmr/.test(text)) return 'camt'; // camt.052/054 get camt's own refusal
    if (extension === 'ofx' || extension === 'qfx' || extension === 'qbo') return 'ofx';
    if (extension === 'xml') return 'camt';
    fail(
      'UNREADABLE_FILE',
      'The file is XML or HTML, but neither an OFX nor a CAMT.053 bank statement. ' +
        'Download the statement from the bank as CSV, OFX/QFX/QBO, QIF or CAMT.053.',
    );
  }
  if (/^!(Type:|Account\b|Option:|Clear:)/im.test(text)) return 'qif';
  if (hasConsistentDelimiter(text, head.truncated)) return 'csv';
  const byExtension = EXTENSIONS[extension];
  if (byExtension) return byExtension;
  return fail(
    'UNREADABLE_FILE',
    'The file is not a bank statement Moneta can read: it is neither OFX/QFX/QBO, QIF, CAMT.053 ' +
      'nor a CSV table whose lines share a delimiter (comma, semicolon, tab or |).',
  );
}

/** What an extension says when the content alone does not settle it. */
const EXTENSIONS: Record<string, StatementFormat | undefined> = {
  ofx: 'ofx',
  qfx: 'ofx',
  qbo: 'ofx',
  qif: 'qif',
  xml: 'camt',
  csv: 'csv',
  txt: 'csv',
};

const HEAD_BYTES = 64 * 1024;

/**
 * The file's first 64 KB as text for sniffing: UTF-16 by its byte order mark, anything else byte by
 * byte (every marker looked for is ASCII, so Windows-1252, UTF-8 and KOI8 all sniff alike). Files
 * holding NUL or other control bytes are binary and refused here, with a word on what they are.
 */
function decodeHead(bytes: Uint8Array): { text: string; truncated: boolean } {
  if (bytes.length === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  const slice = bytes.subarray(0, HEAD_BYTES);
  const truncated = bytes.length > HEAD_BYTES;
  const [a, b] = slice;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    return { text: new TextDecoder(a === 0xff ? 'utf-16le' : 'utf-16be').decode(slice), truncated };
  }
  // Some banks pad the file with NUL bytes after the last line; that padding is not content.
  let end = slice.length;
  if (!truncated) while (end > 0 && slice[end - 1] === 0) end--;
  const content = slice.subarray(0, end);
  refuseBinary(content);
  let text = '';
  for (let i = 0; i < content.length; i += 8192) {
    text += String.fromCharCode(...content.subarray(i, i + 8192));
  }
  if (text.startsWith('\u00ef\u00bb\u00bf')) text = `\uFEFF${text.slice(3)}`;
  return { text, truncated };
}

function refuseBinary(head: Uint8Array): void {
  const signature = String.fromCharCode(...head.subarray(0, 8));
  if (signature.startsWith('%PDF')) {
    fail(
      'UNREADABLE_FILE',
      'The file is a PDF. Moneta reads statements as CSV, OFX/QFX/QBO, QIF or CAMT.053 files: download one of those from the bank.',
    );
  }
  if (signature.startsWith('PK\u0003\u0004') || signature.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    fail(
      'UNREADABLE_FILE',
      'The file is a spreadsheet or a ZIP archive. Save it as CSV, or download the statement as CSV, OFX, QIF or CAMT.053.',
    );
  }
  let control = 0;
  for (const byte of head) {
    if (byte === 0) fail('UNREADABLE_FILE', 'The file is binary (it holds NUL bytes), not a bank statement.');
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a)
      control++;
  }
  if (control * 100 > head.length) {
    fail('UNREADABLE_FILE', 'The file is binary (it holds control bytes), not a bank statement.');
  }
}

/**
 * True when one delimiter splits at least two records into the same number of fields (two or more),
 * or splits the only record; lines before and after the table may differ. Quoted fields may hold delimiters and line breaks.
 */
function hasConsistentDelimiter(text: string, truncated: boolean): boolean {
  const records = splitRecords(text, truncated).slice(0, 50);
  return CSV_DELIMITERS.some((delimiter) => {
    const counts = new Map<number, number>();
    for (const record of records) {
      const cells = countCells(record, delimiter);
      if (cells > 1) counts.set(cells, (counts.get(cells) ?? 0) + 1);
    }
    const agreeing = Math.max(0, ...counts.values());
    return agreeing >= 2 || (records.length === 1 && agreeing === 1);
  });
}

/** Non-blank records, split at line ends outside quotes; the last one is dropped when the head was cut. */
function splitRecords(text: string, truncated: boolean): string[] {
  const records: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      records.push(text.slice(from, i));
      from = i + 1;
    }
  }
  if (!truncated) records.push(text.slice(from));
  return records.filter((record) => record.trim() !== '');
}

function extensionOf(fileName: string | undefined): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName?.trim() ?? '');
  return match ? match[1]!.toLowerCase() : '';
}
