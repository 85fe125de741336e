import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { childNamed, childrenNamed, decodeXml, descend, parseXml, textAt } from './xml.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseXml', () => {
  it('reads elements, attributes, text and source positions', () => {
    const source = '<?xml version="1.0"?>\n<a x="1" y=\'two\'>\n  <b>hi</b>\n  <c/>\n</a>\n';
    const { root, instructions } = parseXml(source);
    expect(instructions).toEqual([]);
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1', y: 'two' });
    expect(root.children.map((child) => child.name)).toEqual(['b', 'c']);
    const b = childNamed(root, 'b')!;
    expect(b.text).toBe('hi');
    expect(b.line).toBe(3);
    expect(source.slice(b.start, b.end)).toBe('<b>hi</b>');
    expect(source.slice(root.start, root.end)).toBe(source.slice(22, -1));
    expect(childNamed(root, 'c')).toMatchObject({ text: '', children: [], line: 4 });
  });

  it('strips namespace prefixes to local names and resolves their namespaces', () => {
    const { root } = parseXml(
      '<ns2:Document xmlns:ns2="urn:a" xmlns="urn:default"><ns2:Stmt><Id>1</Id></ns2:Stmt></ns2:Document>',
    );
    expect(root).toMatchObject({ name: 'Document', namespace: 'urn:a' });
    expect(descend(root, 'Stmt')).toMatchObject({ name: 'Stmt', namespace: 'urn:a' });
    expect(descend(root, 'Stmt/Id')).toMatchObject({ namespace: 'urn:default' });
    expect(textAt(root, 'Stmt/Id')).toBe('1');
  });

  it('decodes the predefined entities, numeric references and CDATA, and normalises line ends', () => {
    const { root } = parseXml(
      '<t a="&lt;&amp;&gt;&quot;&apos;">&#x20AC;&#8364; &amp;amp; <![CDATA[<raw> & ]]>x\r\ny</t>',
    );
    expect(root.attributes.a).toBe('<&>"\'');
    expect(root.text).toBe('€€ &amp; <raw> & x\ny');
  });

  it('skips comments, the XML declaration and a DOCTYPE without declarations, and keeps other instructions', () => {
    const { root, instructions } = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n' +
        '<!DOCTYPE OFX SYSTEM "ofx.dtd">\n<!-- a <comment> -->\n<OFX><!-- inside -->x</OFX>',
    );
    expect(instructions).toEqual([{ target: 'OFX', data: 'OFXHEADER="200" VERSION="220"' }]);
    expect(root).toMatchObject({ name: 'OFX', text: 'x', line: 5 });
  });

  it('counts lines across LF, CRLF and bare CR', () => {
    const { root } = parseXml('<a>\r\n<b/>\r<c/>\n<d/></a>');
    expect(root.children.map((child) => child.line)).toEqual([2, 3, 4]);
  });

  it('gives helpers that find children by local name', () => {
    const { root } = parseXml('<a><b>1</b><c/><b> 2 </b><b>  </b></a>');
    expect(childrenNamed(root, 'b').map((b) => textAt(b))).toEqual(['1', '2', null]);
    expect(descend(root, 'x/y')).toBeUndefined();
    expect(textAt(root, 'x')).toBeNull();
  });

  it.each([
    ['', 'there is no element'],
    ['just text', 'text outside the root element'],
    ['<a><b></a>', '</a> does not close <b> (line 1)'],
    ['<a>', 'the file ends inside <a> (line 1): it is truncated'],
    ['<a><b>text', 'the file ends inside <b>'],
    ['<a', 'start tag <a> is malformed or not closed'],
    ['<a x="1>', 'malformed or not closed'],
    ['<a x="1" x="2"/>', 'attribute x is written twice'],
    ['<a/><b/>', 'second root element'],
    ['<a/>tail', 'text outside the root element'],
    ['</a>', 'closes nothing'],
    ['<a>M&S</a>', "a '&' does not start an entity"],
    ['<a>&nbsp;</a>', 'the entity &nbsp; is not one of'],
    ['<a>&#0;</a>', 'not a valid XML character'],
    ['<a>&#xD800;</a>', 'not a valid XML character'],
    ['<a><!-- open</a>', 'comment is not closed'],
    ['<a><![CDATA[x</a>', 'CDATA section is not closed'],
    ['<a><!ELEMENT x></a>', "'<!' starts neither"],
    ['<a>< b</a>', "a '<' does not start a tag"],
    ['<a>\u0000</a>', 'NUL bytes'],
    ['<a/><!DOCTYPE a>', 'DOCTYPE appears after the root element'],
  ])('%j is refused: %s', (source, message) => {
    const error = caught(() => parseXml(source));
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/^The file is not well-formed XML \(line \d+\): /);
  });

  it('says on which line the fault is', () => {
    expect(caught(() => parseXml('<a>\n<b>\n</c>\n</a>')).message).toContain('(line 3)');
  });

  it('refuses a DOCTYPE with entity declarations (billion laughs, external entities) without expanding anything', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<lolz>&lol2;</lolz>';
    const external = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';
    for (const source of [laughs, external]) {
      const error = caught(() => parseXml(source));
      expect(error.code).toBe('UNREADABLE_FILE');
      expect(error.message).toContain('refused for safety');
    }
  });

  it('keeps unknown entities and stray ampersands literally when lenient', () => {
    expect(parseXml('<a>M&S &nbsp; &amp;</a>', { lenient: true }).root.text).toBe('M&S &nbsp; &');
  });

  it('caps the nesting depth without overflowing the stack', () => {
    const deep = `${'<a>'.repeat(20_000)}${'</a>'.repeat(20_000)}`;
    expect(caught(() => parseXml(deep)).message).toContain('nested deeper than 256');
    expect(parseXml(deep, { maxDepth: 20_000 }).root.name).toBe('a');
  });

  it('reads a 10 MB statement-shaped document quickly', () => {
    const entry =
      '<Ntry><Amt Ccy="EUR">12.34</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>2024-01-31</Dt></BookgDt>' +
      '<NtryDtls><TxDtls><RltdPties><Cdtr><Nm>Caf&#233; &amp; Co</Nm></Cdtr></RltdPties>' +
      '<RmtInf><Ustrd>Invoice 42</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n';
    const count = Math.ceil((10 * 1024 * 1024) / entry.length);
    const source = `<Document><Stmt>\n${entry.repeat(count)}</Stmt></Document>`;
    const started = performance.now();
    const { root } = parseXml(source);
    const elapsed = performance.now() - started;
    const entries = childNamed(root, 'Stmt')!.children;
    expect(entries).toHaveLength(count);
    expect(textAt(entries[count - 1], 'NtryDtls/TxDtls/RltdPties/Cdtr/Nm')).toBe('Café & Co');
    expect(entries[count - 1]!.line).toBe(count + 1);
    expect(elapsed).toBeLessThan(5000); // about 0.3 s on the development machine; generous for slow CI
  });
});

describe('decodeXml', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeXml(utf8('<a>é</a>'))).toBe('<a>é</a>');
    expect(decodeXml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<a>é</a>')]))).toBe('<a>é</a>');
  });

  it('reads UTF-16 by its byte order mark or its first bytes', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e, 0]);
    expect(parseXml(decodeXml(le)).root.name).toBe('a');
    const be = new Uint8Array([0, 0x3c, 0, 0x61, 0, 0x2f, 0, 0x3e]);
    expect(decodeXml(be)).toBe('<a/>');
  });

  it('follows the declared encoding', () => {
    const latin1 = new Uint8Array([
      ...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><a>'),
      0xe9,
      ...utf8('</a>'),
    ]);
    expect(parseXml(decodeXml(latin1)).root.text).toBe('é');
    expect(decodeXml(utf8('<?xml version="1.0" encoding="UTF-16"?><a/>'))).toContain('<a/>');
  });

  it('refuses empty files, invalid UTF-8 and unknown encodings', () => {
    expect(caught(() => decodeXml(new Uint8Array())).message).toBe('The file is empty.');
    expect(caught(() => decodeXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0xfd]))).message).toContain(
      'not valid UTF-8',
    );
    expect(caught(() => decodeXml(utf8('<?xml version="1.0" encoding="x-klingon"?><a/>'))).message).toContain(
      '"x-klingon", which is not supported',
    );
  });
});
