import { fail } from '../../errors.ts';

/** One CSV record: its fields, where it starts, and its source text for the preview. */
export interface CsvRecord {
  fields: string[];
  /** 1-based physical line of the record's first character. */
  line: number;
  /** The record as written, without its line terminator (quoted line breaks included). */
  raw: string;
}

/** A record longer than this is a runaway quote, not a bank statement row. */
export const MAX_RECORD_LENGTH = 1024 * 1024;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * RFC 4180 records from text that may arrive in pieces: fields in double quotes may hold the
 * delimiter, doubled quotes and line breaks; records end at LF, CRLF or a bare CR (old Mac files).
 * Lenient where files are sloppy: a quote inside an unquoted field is a character, and text after
 * a closing quote is kept. Physical line numbers count every line break, quoted ones included.
 */
export class CsvTokenizer {
  private readonly delimiter: number;
  private buffer = '';
  /** Line of the first unconsumed character of `buffer`. */
  private line = 1;
  /** Physical lines seen: line breaks, plus one when text follows the last break. */
  private breaks = 0;
  private trailingText = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads the records completed by `text`; an unfinished last record waits for more text. */
  push(text: string, out: CsvRecord[]): void {
    this.buffer = this.buffer.length === 0 ? text : this.buffer + text;
    this.scan(false, out);
  }

  /** Reads what is left at the end of the input (a last record without a line break). */
  finish(out: CsvRecord[]): void {
    this.scan(true, out);
  }

  /** Physical lines in everything consumed so far (after `finish`: the whole input). */
  get lines(): number {
    return this.breaks + (this.trailingText ? 1 : 0);
  }

  private scan(final: boolean, out: CsvRecord[]): void {
    const text = this.buffer;
    const length = text.length;
    const delimiter = this.delimiter;
    let start = 0;
    let line = this.line;
    while (start < length) {
      const fields: string[] = [];
      let pos = start;
      let lineBreaks = 0;
      let end = -1; // index just past the record's content
      let next = -1; // index of the next record
      for (;;) {
        if (pos < length && text.charCodeAt(pos) === QUOTE) {
          // Quoted field: runs to the quote that is not doubled.
          let value = '';
          let from = pos + 1;
          let p = from;
          let closed = false;
          while (p < length) {
            const code = text.charCodeAt(p);
            if (code === QUOTE) {
              if (p + 1 < length && text.charCodeAt(p + 1) === QUOTE) {
                value += text.slice(from, p + 1);
                p += 2;
                from = p;
                continue;
              }
              if (p + 1 >= length && !final) break; // "" may straddle two pieces
              closed = true;
              break;
            }
            if (code === LF) lineBreaks++;
            else if (code === CR && text.charCodeAt(p + 1) !== LF) lineBreaks++;
            p++;
          }
          if (!closed) {
            if (!final) break;
            value += text.slice(from, p); // unterminated quote at the very end: keep what is there
            fields.push(value);
            end = next = length;
            break;
          }
          value += text.slice(from, p);
          p++;
          // Text after the closing quote, up to the delimiter or line end, is kept as written.
          const tail = p;
          while (p < length) {
            const code = text.charCodeAt(p);
            if (code === delimiter || code === LF || code === CR) break;
            p++;
          }
          fields.push(p > tail ? value + text.slice(tail, p) : value);
          pos = p;
        } else {
          let p = pos;
          while (p < length) {
            const code = text.charCodeAt(p);
            if (code === delimiter || code === LF || code === CR) break;
            p++;
          }
          fields.push(text.slice(pos, p));
          pos = p;
        }
        if (pos >= length) {
          if (!final) break;
          end = next = length;
          break;
        }
        const code = text.charCodeAt(pos);
        if (code === delimiter) {
          pos++;
          continue;
        }
        end = pos;
        if (code === CR) {
          if (pos + 1 >= length && !final) break; // a CR may be the first half of CRLF
          next = text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
        } else {
          next = pos + 1;
        }
        break;
      }
      if (next < 0) {
        if (length - start > MAX_RECORD_LENGTH) {
          fail(
            'UNREADABLE_FILE',
            `The record at line ${line} runs on for more than 1 MB: a quote is never closed.`,
          );
        }
        break;
      }
      out.push({ fields, line, raw: text.slice(start, end) });
      const terminated = end < next;
      line += lineBreaks + (terminated ? 1 : 0);
      this.breaks += lineBreaks + (terminated ? 1 : 0);
      this.trailingText = !terminated;
      start = next;
    }
    this.buffer = start >= length ? '' : text.slice(start);
    this.line = line;
  }
}

/** The last physical line of a record (quoted line breaks move it down). */
export function recordEndLine(record: CsvRecord): number {
  let breaks = 0;
  const raw = record.raw;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === LF || (code === CR && raw.charCodeAt(i + 1) !== LF)) breaks++;
  }
  return record.line + breaks;
}

/** Every record of a whole text. */
export function tokenizeCsv(text: string, delimiter: string): { records: CsvRecord[]; lines: number } {
  const tokenizer = new CsvTokenizer(delimiter);
  const records: CsvRecord[] = [];
  tokenizer.push(text, records);
  tokenizer.finish(records);
  return { records, lines: tokenizer.lines };
}
