import { describe, expect, it } from 'vitest';
import { createTextDecoder, decodeText, hasUtf16Bom, looksBinary } from './text-decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = [0xef, 0xbb, 0xbf];

/** Windows-1252 bytes of Latin text: one byte per character (the test strings stay in Latin-1 + €). */
function cp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => (char === '€' ? 0x80 : char === '—' ? 0x97 : char.charCodeAt(0))),
  );
}

/** Windows-1251 bytes of Russian text: А–я are 0xC0–0xFF, Ё 0xA8, ё 0xB8. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (char === 'Ё') return 0xa8;
      if (char === 'ё') return 0xb8;
      if (code > 0x7f) throw new Error(`no cp1251 byte for ${char}`);
      return code;
    }),
  );
}

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(utf8('Datum;Betrag\n01.02.2024;-12,50 €\n'))).toEqual({
      text: 'Datum;Betrag\n01.02.2024;-12,50 €\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads UTF-8 with a BOM and removes the BOM', () => {
    const decoded = decodeText(new Uint8Array([...BOM, ...utf8('Дата;Сумма\n')]));
    expect(decoded).toEqual({ text: 'Дата;Сумма\n', encoding: 'utf-8', bom: true });
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('Date,Amount\n')).encoding).toBe('utf-8');
  });

  it('prefers UTF-8 when the bytes are valid UTF-8, even with accents', () => {
    expect(decodeText(utf8('Währung;Prämie;Übersicht')).encoding).toBe('utf-8');
  });

  it('tolerates a UTF-8 character cut off at the very end (a prefix of a big file)', () => {
    const bytes = utf8('Betrag;Währung');
    const cut = bytes.subarray(0, bytes.length - 5); // inside "ä"
    expect(decodeText(cut).encoding).toBe('utf-8');
  });

  it('guesses Windows-1252 for Latin text with accents', () => {
    const decoded = decodeText(cp1252('Kontonummer;Text;Währung\n1;Prämie Foo;EUR\n'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('Kontonummer;Text;Währung\n1;Prämie Foo;EUR\n');
  });

  it('decodes the Windows-1252-only bytes 0x80-0x9F (€, —) that ISO-8859-1 lacks', () => {
    const decoded = decodeText(cp1252('"CAFÉ — €20 REÇU"'));
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('"CAFÉ — €20 REÇU"');
  });

  it('guesses Windows-1251 for Cyrillic text', () => {
    const text = 'Тип счёта;Номер счета;Валюта;Дата операции\nМой счет;111;RUR;31.05.17\n';
    const decoded = decodeText(cp1251(text));
    expect(decoded).toEqual({ text, encoding: 'windows-1251', bom: false });
  });

  it('guesses Windows-1251 for mostly-ASCII files with a few Cyrillic words', () => {
    const text = `${'card;2019-07-06;-4,50;EUR;payee\n'.repeat(20)}Статус;Исполнено\n`;
    expect(decodeText(cp1251(text)).encoding).toBe('windows-1251');
  });

  it('uses the given encoding over detection', () => {
    const bytes = cp1252('Währung');
    expect(decodeText(bytes, 'windows-1251').text).toBe('Wдhrung');
    expect(decodeText(bytes, 'windows-1252').text).toBe('Währung');
  });

  it('reads ISO-8859-1 strictly when asked: 0x80-0x9F stay C1 controls', () => {
    const decoded = decodeText(new Uint8Array([0x80, 0x41, 0xe9]), 'iso-8859-1');
    expect(decoded).toEqual({ text: '\u0080Aé', encoding: 'iso-8859-1', bom: false });
  });

  it('decodes invalid UTF-8 with replacement characters when UTF-8 is forced', () => {
    expect(decodeText(new Uint8Array([0x41, 0xe4, 0x42]), 'utf-8').text).toBe('A\uFFFDB');
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });
});

describe('createTextDecoder', () => {
  it('decodes UTF-8 split inside a character and drops the BOM', () => {
    const bytes = new Uint8Array([...BOM, ...utf8('Währung €')]);
    const decoder = createTextDecoder('utf-8');
    let text = '';
    for (let i = 0; i < bytes.length; i += 2) text += decoder.decode(bytes.subarray(i, i + 2));
    text += decoder.decode(undefined, true);
    expect(text).toBe('Währung €');
  });

  it('decodes single-byte code pages chunk by chunk', () => {
    const decoder = createTextDecoder('windows-1252');
    expect(decoder.decode(cp1252('€1')) + decoder.decode(cp1252('0 ä'))).toBe('€10 ä');
  });
});

describe('looksBinary', () => {
  it('is false for text, tabs and both line endings', () => {
    expect(looksBinary(utf8('a\tb\r\nc;d\re\n'))).toBe(false);
    expect(looksBinary(cp1251('Дата;Сумма\n'))).toBe(false);
  });

  it('is true for a NUL byte', () => {
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x42]))).toBe(true);
  });

  it('is true for many control characters (a ZIP or PDF body)', () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 0x01 : 0x41));
    expect(looksBinary(bytes)).toBe(true);
  });

  it('sees UTF-16 as binary and names its BOM', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x3b, 0x00]);
    expect(looksBinary(utf16)).toBe(true);
    expect(hasUtf16Bom(utf16)).toBe(true);
    expect(hasUtf16Bom(utf8('ab'))).toBe(false);
  });
});
