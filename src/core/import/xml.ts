import { fail } from '../errors.ts';

/**
 * A small, safe, non-validating XML reader for bank files (CAMT.053, OFX 2.x). It builds a plain tree
 * of elements with their attributes and text, strips namespace prefixes to local names (banks write
 * `<Document>`, `<ns2:Document>` and `<camt:Document>` alike) and keeps each element's source offsets
 * and line so a parser can show the record as written.
 *
 * Safe by construction: no DTD is ever read, so no external entity is fetched and no entity can
 * expand; a document whose DOCTYPE declares anything (`<!DOCTYPE x [ … ]>`) is refused. Only the five
 * predefined entities and numeric character references are known. The parser is iterative, so deep
 * nesting cannot overflow the stack, and nesting is capped anyway. Every fault is an
 * `UNREADABLE_FILE` error that says what is wrong and on which line.
 */

export interface XmlElement {
  /** Local name, prefix stripped: `Document` for `<ns2:Document>`. */
  name: string;
  /** The namespace URI the element's prefix (or the default namespace) is bound to, or null. */
  namespace: string | null;
  /** Attributes by their name as written (`Ccy`, `xmlns:xsi`), values with entities decoded. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (text and CDATA), decoded, not trimmed. */
  text: string;
  /** Offsets in the parsed text: from the start tag's '<' to just after the end tag's '>'. */
  start: number;
  end: number;
  /** 1-based line of the start tag. */
  line: number;
}

/** A processing instruction such as OFX 2.x's `<?OFX OFXHEADER="200" VERSION="220"?>`. */
export interface XmlInstruction {
  target: string;
  data: string;
}

export interface XmlDocument {
  root: XmlElement;
  /** Processing instructions before the root element, the XML declaration excluded. */
  instructions: XmlInstruction[];
}

export interface XmlOptions {
  /** Keep a stray '&' or an unknown entity literally instead of refusing the document. */
  lenient?: boolean;
  /** Deepest element nesting accepted; bank files stay far below the default of 256. */
  maxDepth?: number;
}

/** Characters that end a tag name (ASCII only: names may hold any letter of any script). */
const NAME_END = new Uint8Array(128);
for (const char of ' \t\n\r/>=<"\'!?') NAME_END[char.charCodeAt(0)] = 1;
const ATTRIBUTE = /\s+([^\s/>=<"']+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const TAG_END = /\s*(\/?)>/y;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface Scope {
  [prefix: string]: string;
}

const NO_NAMESPACES: Scope = Object.freeze(Object.create(null));

/** Parses a whole document; the text is what `decodeXml` returns (a leading BOM is skipped). */
export function parseXml(text: string, options: XmlOptions = {}): XmlDocument {
  // Some banks pad files with NUL bytes after the last tag; that padding is not content.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0) end--;
  return new Reader(end === text.length ? text : text.slice(0, end), options).read();
}

class Reader {
  private pos: number;
  private lineCursor = 0;
  private lineNumber = 1;
  private readonly stack: XmlElement[] = [];
  /** Start tags as written (with prefix), parallel to `stack`, for matching end tags. */
  private readonly openNames: string[] = [];
  private readonly scopes: Scope[] = [];
  private readonly instructions: XmlInstruction[] = [];
  private root: XmlElement | null = null;
  private readonly lenient: boolean;
  private readonly maxDepth: number;
  private readonly hasCarriageReturns: boolean;

  constructor(
    private readonly source: string,
    options: XmlOptions,
  ) {
    this.pos = source.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.lenient = options.lenient ?? false;
    this.maxDepth = options.maxDepth ?? 256;
    this.hasCarriageReturns = source.includes('\r');
  }

  read(): XmlDocument {
    const { source } = this;
    const nul = source.indexOf('\u0000');
    if (nul !== -1) this.error(nul, 'the file contains NUL bytes, so it is binary, not XML');
    while (this.pos < source.length) {
      const lt = source.indexOf('<', this.pos);
      const textEnd = lt === -1 ? source.length : lt;
      if (textEnd > this.pos) this.characters(this.pos, textEnd);
      if (lt === -1) break;
      const next = source.charCodeAt(lt + 1);
      if (next === 0x2f /* / */) this.endTag(lt);
      else if (next === 0x21 /* ! */) this.markup(lt);
      else if (next === 0x3f /* ? */) this.instruction(lt);
      else this.startTag(lt);
    }
    if (this.stack.length > 0) {
      const open = this.stack[this.stack.length - 1]!;
      this.error(source.length, `the file ends inside <${open.name}> (line ${open.line}): it is truncated`);
    }
    if (!this.root) this.error(source.length, 'there is no element in the file');
    return { root: this.root, instructions: this.instructions };
  }

  private characters(from: number, to: number): void {
    const top = this.stack[this.stack.length - 1];
    const raw = this.source.slice(from, to);
    if (!top) {
      if (raw.trim() !== '') this.error(from, 'there is text outside the root element');
      return;
    }
    top.text += this.decode(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw, from);
  }

  private startTag(lt: number): void {
    const { source } = this;
    if (this.root && this.stack.length === 0) this.error(lt, 'there is a second root element');
    if (this.stack.length >= this.maxDepth)
      this.error(lt, `elements are nested deeper than ${this.maxDepth}`);
    let at = lt + 1;
    for (let code = source.charCodeAt(at); code >= 128 || NAME_END[code] === 0; code = source.charCodeAt(at))
      at++;
    if (at === lt + 1) this.error(lt, "a '<' does not start a tag (write '&lt;' for a literal '<')");
    const qualified = source.slice(lt + 1, at);
    const attributes: Record<string, string> = {};
    let scope = this.scopes[this.scopes.length - 1];
    let selfClosing = false;
    if (source.charCodeAt(at) === 0x3e /* > */) {
      at++; // the common case, a bare tag: no regular expressions needed
    } else {
      let ownScope: Scope | null = null;
      for (;;) {
        ATTRIBUTE.lastIndex = at;
        const attribute = ATTRIBUTE.exec(source);
        if (!attribute) break;
        const [, attributeName, double, single] = attribute;
        const name = attributeName!;
        if (Object.hasOwn(attributes, name))
          this.error(at, `attribute ${name} is written twice in <${qualified}>`);
        const value = this.decode((double ?? single ?? '').replace(/[\t\n\r]/g, ' '), at);
        attributes[name] = value;
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          ownScope ??= Object.create(scope ?? null) as Scope;
          ownScope[name === 'xmlns' ? '' : name.slice(6)] = value;
        }
        at = ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      const end = TAG_END.exec(source);
      if (!end) this.error(at, `the start tag <${qualified}> is malformed or not closed`);
      if (ownScope) scope = ownScope;
      selfClosing = end[1] === '/';
      at = TAG_END.lastIndex;
    }
    const colon = qualified.indexOf(':');
    const element: XmlElement = {
      name: colon === -1 ? qualified : qualified.slice(colon + 1),
      namespace: scope?.[colon === -1 ? '' : qualified.slice(0, colon)] ?? null,
      attributes,
      children: [],
      text: '',
      start: lt,
      end: at,
      line: this.lineAt(lt),
    };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    this.pos = at;
    if (selfClosing) return;
    this.stack.push(element);
    this.openNames.push(qualified);
    this.scopes.push(scope ?? NO_NAMESPACES);
  }

  private endTag(lt: number): void {
    const { source } = this;
    const gt = source.indexOf('>', lt);
    if (gt === -1) this.error(lt, 'the file ends inside an end tag: it is truncated');
    const name = source.slice(lt + 2, gt).trimEnd();
    const open = this.stack.pop();
    const expected = this.openNames.pop();
    this.scopes.pop();
    if (!open) this.error(lt, `the end tag </${name}> closes nothing`);
    if (name !== expected) {
      this.error(lt, `</${name}> does not close <${expected}> (line ${open.line})`);
    }
    open.end = gt + 1;
    this.pos = gt + 1;
  }

  /** Comments, CDATA sections and a DOCTYPE without declarations. */
  private markup(lt: number): void {
    const { source } = this;
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('-->', lt + 4);
      if (close === -1) this.error(lt, 'a comment is not closed: the file is truncated');
      this.pos = close + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const close = source.indexOf(']]>', lt + 9);
      if (close === -1) this.error(lt, 'a CDATA section is not closed: the file is truncated');
      const top = this.stack[this.stack.length - 1];
      if (!top) this.error(lt, 'there is a CDATA section outside the root element');
      top.text += source.slice(lt + 9, close).replace(/\r\n?/g, '\n');
      this.pos = close + 3;
    } else if (source.startsWith('<!DOCTYPE', lt)) {
      if (this.root) this.error(lt, 'a DOCTYPE appears after the root element');
      const gt = source.indexOf('>', lt);
      const bracket = source.indexOf('[', lt);
      if (bracket !== -1 && (gt === -1 || bracket < gt)) {
        this.error(lt, 'the DOCTYPE declares entities or other markup, which is refused for safety');
      }
      if (gt === -1) this.error(lt, 'the DOCTYPE is not closed: the file is truncated');
      this.pos = gt + 1;
    } else {
      this.error(lt, "'<!' starts neither a comment, a CDATA section nor a DOCTYPE");
    }
  }

  private instruction(lt: number): void {
    const close = this.source.indexOf('?>', lt + 2);
    if (close === -1) this.error(lt, 'a processing instruction is not closed: the file is truncated');
    const body = this.source.slice(lt + 2, close);
    const space = body.search(/\s/);
    const target = space === -1 ? body : body.slice(0, space);
    if (target === '') this.error(lt, "'<?' is not followed by a name");
    if (target.toLowerCase() !== 'xml' && !this.root) {
      this.instructions.push({ target, data: space === -1 ? '' : body.slice(space + 1).trim() });
    }
    this.pos = close + 2;
  }

  /** Replaces entity and character references; fast when there are none. */
  private decode(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;?)/g, (whole, body, semicolon) => {
      if (body && semicolon) {
        if (body.charCodeAt(0) !== 0x23 /* # */) {
          const known = PREDEFINED[body];
          if (known !== undefined) return known;
        } else {
          const code =
            body[1] === 'x' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
          if (isXmlChar(code)) return String.fromCodePoint(code);
          this.error(at, `the character reference ${whole} is not a valid XML character`);
        }
      }
      if (this.lenient) return whole;
      return this.error(
        at,
        body && semicolon
          ? `the entity ${whole} is not one of &lt; &gt; &amp; &quot; &apos;`
          : "a '&' does not start an entity (write '&amp;' for a literal '&')",
      );
    });
  }

  /** The 1-based line of `offset`; offsets are asked in increasing order, so this is linear overall. */
  private lineAt(offset: number): number {
    const { source } = this;
    if (offset < this.lineCursor) {
      this.lineCursor = 0;
      this.lineNumber = 1;
    }
    if (this.hasCarriageReturns) {
      for (let i = this.lineCursor; i < offset; i++) {
        const code = source.charCodeAt(i);
        if (code === 0x0a || (code === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) this.lineNumber++;
      }
    } else {
      for (
        let i = source.indexOf('\n', this.lineCursor);
        i !== -1 && i < offset;
        i = source.indexOf('\n', i + 1)
      ) {
        this.lineNumber++;
      }
    }
    this.lineCursor = offset;
    return this.lineNumber;
  }

  private error(offset: number, message: string): never {
    return fail(
      'UNREADABLE_FILE',
      `The file is not well-formed XML (line ${this.lineAt(offset)}): ${message}.`,
    );
  }
}

function isXmlChar(code: number): boolean {
  if (!Number.isFinite(code)) return false;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/**
 * Decodes an XML file's bytes: a BOM (UTF-8, UTF-16) wins, then the declaration's `encoding`, else
 * UTF-8 as XML requires. Invalid UTF-8 is refused rather than guessed at: a CAMT or OFX 2.x file
 * that is not what it says it is should be looked at, not imported with wrong letters.
 */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes.length === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  const label = byteOrderEncoding(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return fail('UNREADABLE_FILE', `The file declares the encoding "${label}", which is not supported.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return fail('UNREADABLE_FILE', `The file is not valid ${decoder.encoding.toUpperCase()} text.`);
  }
}

function byteOrderEncoding(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c)) return 'utf-16be';
  return null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 200); i++) head += String.fromCharCode(bytes[i]!);
  const label = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1]?.toLowerCase();
  // The declaration was readable byte by byte, so a "UTF-16" label on it is wrong: the bytes are 8-bit.
  return !label || label.startsWith('utf-16') ? null : label;
}

/** The first child with the local name `name`. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) if (child.name === name) return child;
  return undefined;
}

/** Every child with the local name `name`, in document order. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** Follows a path of local names (`'Acct/Id/IBAN'`), taking the first match at each step. */
export function descend(element: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = element;
  for (const step of path.split('/')) {
    if (!current) return undefined;
    current = childNamed(current, step);
  }
  return current;
}

/** The trimmed text at `path` (or of `element` itself when the path is ''), or null when absent or blank. */
export function textAt(element: XmlElement | undefined, path = ''): string | null {
  const target = path === '' ? element : descend(element, path);
  const text = target?.text.trim();
  return text ? text : null;
}
