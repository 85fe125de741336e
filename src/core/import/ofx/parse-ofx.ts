import { fail } from '../../errors.ts';
import { decodeText, looksBinary } from '../text-decode.ts';
import type { ParsedFile } from '../types.ts';
import { ofxVariant, readOfxHeader } from './ofx-header.ts';
import { readOfx } from './ofx-reader.ts';
import { tokenizeOfx } from './ofx-tokens.ts';

export interface OfxParseOptions {
  /** The uploaded file's name; only its extension is used, to tell QFX and QBO files apart in the variant. */
  fileName?: string;
}

/**
 * Reads an OFX, QFX or QBO file (OFX 1.x SGML, OFX 2.x XML, or a body with no header) into one
 * statement per bank or credit-card statement in it. Investment and loan statements are skipped
 * with a warning. Fails with UNREADABLE_FILE when no statement can be read at all; a broken
 * transaction is an error issue, the others are still read.
 */
export function parseOfxText(text: string, options: OfxParseOptions = {}): ParsedFile {
  // Some files end in NUL padding; nothing after the last tag matters.
  const body = text.replace(/^\uFEFF/, '').replace(/[\s\0]+$/, '');
  if (body === '') fail('UNREADABLE_FILE', 'The file is empty.');
  const header = readOfxHeader(body);
  // Checked before tokenizing, so megabytes of something else are refused at once.
  if (header.syntax === 'none' && !/<OFX[\s>]/i.test(body)) {
    fail('UNREADABLE_FILE', 'This is not an OFX file: it has no OFX header and no <OFX> element.');
  }
  const reading = readOfx(body, tokenizeOfx(body));
  if (reading.statements.length === 0) {
    if (reading.skippedStatements > 0) {
      fail(
        'UNREADABLE_FILE',
        'This OFX file holds only investment or loan statements; Moneta imports bank and credit-card statements.',
      );
    }
    fail(
      'UNREADABLE_FILE',
      'This OFX file holds no bank or credit-card statement (no <STMTRS> or <CCSTMTRS>), or is cut off before one.',
    );
  }
  const rowCount = reading.statements.reduce((count, statement) => count + statement.rows.length, 0);
  if (rowCount === 0 && reading.cutOffStatements > 0) {
    fail('UNREADABLE_FILE', 'This OFX file is cut off before its first complete transaction.');
  }
  return {
    format: 'ofx',
    variant: ofxVariant(header, options.fileName),
    statements: reading.statements,
    issues: reading.issues,
  };
}

/**
 * Reads OFX bytes: the character set comes from the content (UTF-8 when the bytes are valid UTF-8,
 * as many banks send whatever their header says) and otherwise from the header's CHARSET/encoding.
 */
export function parseOfx(bytes: Uint8Array, options: OfxParseOptions = {}): ParsedFile {
  let end = bytes.length;
  while (
    end > 0 &&
    (bytes[end - 1] === 0 || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)
  )
    end--;
  const content = bytes.subarray(0, end);
  if (content.length === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  if (looksBinary(content)) fail('UNREADABLE_FILE', 'This file is binary, not an OFX text file.');
  const detected = decodeText(content);
  if (detected.encoding === 'utf-8') return parseOfxText(detected.text, options);
  const declared = readOfxHeader(new TextDecoder('windows-1252').decode(content.subarray(0, 4096))).encoding;
  const text = declared && declared !== 'utf-8' ? decodeText(content, declared).text : detected.text;
  return parseOfxText(text, options);
}
