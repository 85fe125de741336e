import type { CsvEncoding } from './types.ts';

/**
 * Bytes of a bank file to text. Bank exports come as UTF-8 (with or without a BOM) or in the legacy
 * Windows code page of the bank's country: Windows-1252 in western Europe and the Americas,
 * Windows-1251 for Cyrillic. Format-neutral: CSV, OFX and QIF parsers all read through here.
 */

export interface DecodedText {
  text: string;
  encoding: CsvEncoding;
  /** True when the bytes began with a UTF-8 byte-order mark (removed from `text`). */
  bom: boolean;
}

/** How much of a file the binary sniff and the code-page guess look at. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Windows-1252's 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ). Decoded by hand
 * because TextDecoder('windows-1252') differs between Node versions (Node 20 returned the C1
 * controls U+0080–U+009F, which would turn "€20" into an invisible character). The five undefined
 * bytes stay C1 controls.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1 = /[\u0080-\u009F]/g;

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** True for a UTF-16 byte-order mark (Excel's "Unicode text"), which Moneta does not read. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * A decoder for `encoding` that can be fed chunk by chunk (`decode(chunk, { stream: true })`), for
 * reading big files in bounded memory. A UTF-8 BOM at the start is dropped.
 */
export function createTextDecoder(encoding: CsvEncoding): {
  decode(bytes?: Uint8Array, end?: boolean): string;
} {
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8');
    return { decode: (bytes, end) => decoder.decode(bytes, { stream: !end }) };
  }
  // Single-byte code pages: every byte is one character, so chunks need no carried state.
  return { decode: (bytes) => (bytes ? decodeSingleByte(bytes, encoding) : '') };
}

function decodeSingleByte(bytes: Uint8Array, encoding: Exclude<CsvEncoding, 'utf-8'>): string {
  if (encoding === 'windows-1251') return new TextDecoder('windows-1251').decode(bytes);
  const latin1 = decodeLatin1(bytes);
  if (encoding === 'iso-8859-1') return latin1;
  return latin1.replace(C1, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/**
 * ISO-8859-1 proper: every byte is the code point of the same number. By hand, because TextDecoder's
 * 'latin1' is Windows-1252 under the WHATWG Encoding standard (Node 22) but was not in Node 20.
 */
function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += 8192) {
    text += String.fromCharCode(...bytes.subarray(at, at + 8192));
  }
  return text;
}

/** True when the bytes are UTF-8 (an incomplete character cut off at the very end is tolerated). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Windows-1251 or Windows-1252 for bytes that are not UTF-8. Both put letters in 0xC0–0xFF: Cyrillic
 * text is made of runs of such bytes (whole words), while Latin text has one accented letter among
 * ASCII letters ("W\xE4hrung"). So: the share of high letters that touch another high letter.
 */
function guessCodePage(bytes: Uint8Array): 'windows-1251' | 'windows-1252' {
  const sample = bytes.subarray(0, SNIFF_BYTES * 4);
  const cyrillicLetter = (byte: number | undefined) =>
    byte !== undefined && (byte >= 0xc0 || byte === 0xa8 || byte === 0xb8);
  let letters = 0;
  let paired = 0;
  for (let i = 0; i < sample.length; i++) {
    if (!cyrillicLetter(sample[i])) continue;
    letters++;
    if (cyrillicLetter(sample[i - 1]) || cyrillicLetter(sample[i + 1])) paired++;
  }
  return letters > 0 && paired / letters > 0.6 ? 'windows-1251' : 'windows-1252';
}

/**
 * Decodes a bank file. With `encoding` given (a saved CSV profile, an OFX CHARSET header), that
 * one is used. Otherwise: a UTF-8 BOM or valid UTF-8 means UTF-8 (valid UTF-8 wins: legacy text
 * with accents is almost never valid UTF-8 by accident), else Windows-1251 or Windows-1252 by the
 * shape of the letters. ISO-8859-1 is never guessed (Windows-1252 reads the same letters) but is
 * honoured when given: bytes 0x80–0x9F then stay the C1 controls ISO-8859-1 defines.
 */
export function decodeText(bytes: Uint8Array, encoding?: CsvEncoding): DecodedText {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (encoding === undefined && !bom) {
    // The common case decodes once: strictly, falling back only when that fails.
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom };
    } catch {
      // not (complete) UTF-8: see below
    }
  }
  const chosen = encoding ?? (bom || isUtf8(body) ? 'utf-8' : guessCodePage(body));
  const text = chosen === 'utf-8' ? new TextDecoder('utf-8').decode(body) : decodeSingleByte(body, chosen);
  return { text, encoding: chosen, bom };
}

/**
 * True when the file is evidently not text: a NUL byte, or more than 2 % control characters other
 * than tab, line feed, form feed and carriage return, in its first 64 KiB. Only a prefix is
 * looked at, so a 50 MB blob is refused at once.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i]!;
    if (byte === 0) return true;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) {
      control++;
    }
  }
  return control > sample.length * 0.02;
}
