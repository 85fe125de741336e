import { describe, expect, it } from 'vitest';
import { readOfxHeader } from './ofx-header.ts';
import { decodeEntities, LineIndex, tokenizeOfx } from './ofx-tokens.ts';
import { ofxAmount, ofxDate } from './ofx-values.ts';

describe('ofxAmount', () => {
  it.each([
    ['-34.51', '-34.51'],
    ['0.01', '0.01'],
    ['-29', '-29'],
    ['-102.1', '-102.1'],
    ['+500.00', '500.00'],
    ['-200,00', '-200.00'],
    ['200,29', '200.29'],
    ['1 518,81', '1518.81'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['-0.00', '0.00'],
    ['.5', '0.5'],
    ['12345678901234567890.123456', '12345678901234567890.123456'],
  ])('%j reads as %j', (text, canonical) => {
    expect(ofxAmount(text)).toBe(canonical);
  });

  it.each(['', '-', 'abc', '1.2.3', '12-34', '--1', '1e5'])('%j is not an amount', (text) => {
    expect(ofxAmount(text)).toBeNull();
  });
});

describe('ofxDate', () => {
  it.each([
    ['20110331120000.000', '2011-03-31'],
    ['20240325000000[-3:GMT]', '2024-03-25'],
    ['20131203050000.000[-7:MST]', '2013-12-03'],
    ['20180507', '2018-05-07'],
    ['20240229', '2024-02-29'],
    ['20230310048208.39', '2023-03-10'],
  ])('%j is %j', (text, iso) => {
    expect(ofxDate(text)).toBe(iso);
  });

  it.each(['', '2024', '20230229', '20241301', '2024-01-05', 'yesterday'])('%j is not a date', (text) => {
    expect(ofxDate(text)).toBeNull();
  });
});

describe('readOfxHeader', () => {
  it('reads the SGML header, its version and charset', () => {
    expect(
      readOfxHeader('\n\nOFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nENCODING:USASCII\nCHARSET:1252\n\n<OFX>'),
    ).toEqual({
      syntax: 'sgml',
      version: '1.02',
      encoding: 'windows-1252',
    });
    expect(readOfxHeader('OFXHEADER:100\r\nVERSION:151\r\nENCODING:UTF-8\r\nCHARSET:NONE\r\n<OFX>')).toEqual({
      syntax: 'sgml',
      version: '1.51',
      encoding: 'utf-8',
    });
    expect(readOfxHeader('OFXHEADER:100\nVERSION:103\nCHARSET:ISO-8859-1\n<OFX>').encoding).toBe(
      'iso-8859-1',
    );
    expect(readOfxHeader('OFXHEADER:100\nVERSION:102\nCHARSET:NONE\n<OFX>').encoding).toBeNull();
  });

  it('reads the XML processing instruction', () => {
    expect(
      readOfxHeader(
        '<?xml version="1.0" encoding="windows-1252"?>\n<?OFX OFXHEADER="200" VERSION="211" SECURITY="NONE"?><OFX>',
      ),
    ).toEqual({ syntax: 'xml', version: '2.11', encoding: 'windows-1252' });
    expect(readOfxHeader('<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX>')).toEqual({
      syntax: 'xml',
      version: '2.20',
      encoding: 'utf-8',
    });
  });

  it('says when there is no header', () => {
    expect(readOfxHeader('<OFX><SIGNONMSGSRSV1>')).toEqual({ syntax: 'none', version: null, encoding: null });
  });
});

describe('tokenizeOfx', () => {
  it('splits tags and text, upper-casing names and skipping comments and instructions', () => {
    const tokens = tokenizeOfx('<?xml version="1.0"?><!-- note --><ofx><Name>A &amp; B</Name><EMPTY/></ofx>');
    expect(
      tokens.map((token) => (token.kind === 'text' ? `"${token.text}"` : `${token.kind}:${token.name}`)),
    ).toEqual([
      'open:OFX',
      'open:NAME',
      '"A &amp; B"',
      'close:NAME',
      'open:EMPTY',
      'close:EMPTY',
      'close:OFX',
    ]);
  });

  it('keeps a "<" that starts no tag as text', () => {
    const tokens = tokenizeOfx('<MEMO>1 < 2 and <3<NAME>x');
    expect(tokens.map((token) => token.kind)).toEqual(['open', 'text', 'open', 'text']);
    expect(tokens[1]).toMatchObject({ kind: 'text', text: '1 < 2 and <3' });
  });

  it('keeps CDATA as text', () => {
    const tokens = tokenizeOfx('<MEMO><![CDATA[a <b> & c]]></MEMO>');
    expect(tokens[1]).toMatchObject({ kind: 'text', text: '<![CDATA[a <b> & c]]>' });
    expect(decodeEntities('<![CDATA[a <b> &amp; c]]> &amp; d')).toBe('a <b> &amp; c & d');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references once and leaves a lone & alone', () => {
    expect(decodeEntities('AT&amp;T &lt;x&gt; &quot;&apos; &#233;&#xe9; &nbsp;')).toBe(
      'AT&T <x> "\' éé \u00a0',
    );
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('9TH & VICTORIA &unknown; &#0; &#xD800;')).toBe(
      '9TH & VICTORIA &unknown; &#0; &#xD800;',
    );
  });
});

describe('LineIndex', () => {
  it('counts LF, CRLF and lone CR as one line break each', () => {
    const lines = new LineIndex('a\nb\r\nc\rd');
    expect([0, 2, 5, 7].map((offset) => lines.lineOf(offset))).toEqual([1, 2, 3, 4]);
  });
});
