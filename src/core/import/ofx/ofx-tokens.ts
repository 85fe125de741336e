/**
 * A forgiving tokenizer for OFX bodies, SGML (1.x) and XML (2.x) alike: start tags, end tags and the
 * text between them, with source offsets. It never fails: what is not a tag is text, so a raw '&' or
 * a stray '<' in a memo cannot stop a statement from being read. Comments, processing instructions
 * (`<?xml …?>`, `<?OFX …?>`) and declarations are skipped. Tag names are upper-cased, since some
 * banks write `<stmttrn>`.
 */

export type OfxToken =
  | { kind: 'open'; name: string; start: number; end: number }
  | { kind: 'close'; name: string; start: number; end: number }
  | { kind: 'text'; text: string; start: number; end: number };

/** A start or end tag; greedy and without nested quantifiers, so no input makes it backtrack for long. */
const TAG = /<(\/?)\s*([A-Za-z][A-Za-z0-9._:-]*)(?:[\s/][^<>]*)?>/y;

export function tokenizeOfx(text: string): OfxToken[] {
  const tokens: OfxToken[] = [];
  let textStart = 0;
  let at = text.indexOf('<');
  const pushText = (end: number) => {
    if (end > textStart)
      tokens.push({ kind: 'text', text: text.slice(textStart, end), start: textStart, end });
  };
  while (at >= 0) {
    if (text.startsWith('<![CDATA[', at)) {
      const close = text.indexOf(']]>', at);
      at = close < 0 ? -1 : text.indexOf('<', close + 3);
      continue;
    }
    const skipTo = skippedConstructEnd(text, at);
    if (skipTo !== null) {
      pushText(at);
      textStart = skipTo;
      at = text.indexOf('<', skipTo);
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(text);
    if (!match) {
      at = text.indexOf('<', at + 1);
      continue;
    }
    pushText(at);
    const [whole, slash, rawName] = match;
    const selfClosing = !slash && whole.endsWith('/>');
    const name = rawName!.toUpperCase();
    const end = at + whole.length;
    if (slash) tokens.push({ kind: 'close', name, start: at, end });
    else {
      tokens.push({ kind: 'open', name, start: at, end });
      if (selfClosing) tokens.push({ kind: 'close', name, start: end, end });
    }
    textStart = end;
    at = text.indexOf('<', end);
  }
  pushText(text.length);
  return tokens;
}

/** Where a comment, processing instruction or declaration starting at `at` ends, or null if none starts. */
function skippedConstructEnd(text: string, at: number): number | null {
  const next = text[at + 1];
  if (next !== '!' && next !== '?') return null;
  const closer = text.startsWith('<!--', at) ? '-->' : '>';
  const end = text.indexOf(closer, at + 2);
  return end < 0 ? text.length : end + closer.length;
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Decodes character references once: `&amp;` → `&`, `&#233;` → `é`. `&amp;lt;` becomes `&lt;`, as
 * written by a bank that escaped twice (decoding again would turn text into markup-like `<`). A
 * lone `&` stays as it is.
 */
export function decodeEntities(value: string): string {
  if (value.includes('<![CDATA[')) {
    return value
      .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
      .map((part) => (part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeEntities(part)))
      .join('');
  }
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()]!;
    const code = decimal ? Number(decimal) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : whole;
  });
}

/** Trims spaces, tabs, line breaks and NUL bytes around a value (files pad values with tabs). */
export function trimValue(value: string): string {
  return value.replace(/^[\s\0]+|[\s\0]+$/g, '');
}

/** 1-based line numbers of offsets; CRLF, LF and a lone CR each end one line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}
