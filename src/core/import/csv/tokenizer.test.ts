import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../../test/support/errors.ts';
import { type CsvRecord, CsvTokenizer, MAX_RECORD_LENGTH, tokenizeCsv } from './tokenizer.ts';

const fieldsOf = (text: string, delimiter = ',') => tokenizeCsv(text, delimiter).records.map((r) => r.fields);

describe('tokenizeCsv', () => {
  it('splits records and fields', () => {
    expect(fieldsOf('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['bare CR', '\r'],
  ])('ends records at %s and counts physical lines', (_name, eol) => {
    const { records, lines } = tokenizeCsv(`a;b${eol}1;2${eol}3;4${eol}`, ';');
    expect(records.map((r) => [r.line, r.raw])).toEqual([
      [1, 'a;b'],
      [2, '1;2'],
      [3, '3;4'],
    ]);
    expect(lines).toBe(3);
  });

  it('reads a last record without a line break', () => {
    const { records, lines } = tokenizeCsv('a,b\r\n1,2', ',');
    expect(records.at(-1)).toEqual({ fields: ['1', '2'], line: 2, raw: '1,2' });
    expect(lines).toBe(2);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quotes', () => {
    const text = 'date,text,amount\n2024-01-02,"Smith, John ""JJ""\nsecond line",-1.00\n2024-01-03,plain,2\n';
    const { records, lines } = tokenizeCsv(text, ',');
    expect(records[1]).toEqual({
      fields: ['2024-01-02', 'Smith, John "JJ"\nsecond line', '-1.00'],
      line: 2,
      raw: '2024-01-02,"Smith, John ""JJ""\nsecond line",-1.00',
    });
    expect(records[2]!.line).toBe(4); // the quoted line break is a physical line
    expect(lines).toBe(4);
  });

  it('counts a CRLF inside quotes as one line', () => {
    const { records } = tokenizeCsv('"a\r\nb",1\r\n"c",2\r\n', ',');
    expect(records.map((r) => r.line)).toEqual([1, 3]);
    expect(records[0]!.fields[0]).toBe('a\r\nb');
  });

  it('keeps empty fields and blank lines', () => {
    expect(fieldsOf('a,,c,\n\n,\n')).toEqual([['a', '', 'c', ''], [''], ['', '']]);
  });

  it('reads an empty quoted field and a quoted quote', () => {
    expect(fieldsOf('"","""",x')).toEqual([['', '"', 'x']]);
  });

  it('is lenient with sloppy quoting: quotes inside unquoted fields, text after a closing quote', () => {
    expect(fieldsOf('ab"c,"d"e,f')).toEqual([['ab"c', 'de', 'f']]);
  });

  it('reads an unterminated quote to the end of the input', () => {
    expect(fieldsOf('a,"b\nc')).toEqual([['a', 'b\nc']]);
  });

  it.each([';', '\t', '|'])('splits on %j and leaves commas alone', (delimiter) => {
    expect(fieldsOf(`a${delimiter}1,5${delimiter}"x${delimiter}y"`, delimiter)).toEqual([
      ['a', '1,5', `x${delimiter}y`],
    ]);
  });

  it('gives no records and no lines for empty text', () => {
    expect(tokenizeCsv('', ',')).toEqual({ records: [], lines: 0 });
  });

  it('refuses a quote that never closes in a stream, instead of buffering forever', () => {
    const tokenizer = new CsvTokenizer(',');
    const out: CsvRecord[] = [];
    tokenizer.push('a,"', out);
    const chunk = 'x'.repeat(64 * 1024);
    const error = caught(() => {
      for (let size = 0; size <= MAX_RECORD_LENGTH + chunk.length; size += chunk.length)
        tokenizer.push(chunk, out);
    });
    expect(error.code).toBe('UNREADABLE_FILE');
    expect(error.message).toMatch(/line 1.*never closed/);
  });
});

describe('CsvTokenizer in pieces', () => {
  const sample =
    'Datum;Text;Betrag\r\n01.02.2024;"Miete, Februar\r\n(Dauerauftrag)";-800,00\r\n' +
    '02.02.2024;"Sagte ""Hallo""";12,5\r\r03.02.2024;x;1\n"";;\n04.02.2024;last;2';

  it('gives the same records however the text is cut (property)', () => {
    const whole = tokenizeCsv(sample, ';');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: sample.length - 1 }), { maxLength: 12 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), sample.length];
          const tokenizer = new CsvTokenizer(';');
          const records: CsvRecord[] = [];
          for (let i = 0; i + 1 < points.length; i++)
            tokenizer.push(sample.slice(points[i], points[i + 1]), records);
          tokenizer.finish(records);
          expect(records).toEqual(whole.records);
          expect(tokenizer.lines).toBe(whole.lines);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('waits for the LF after a CR at the end of a piece', () => {
    const tokenizer = new CsvTokenizer(',');
    const records: CsvRecord[] = [];
    tokenizer.push('a,b\r', records);
    expect(records).toEqual([]);
    tokenizer.push('\nc,d\r\n', records);
    expect(records.map((r) => r.line)).toEqual([1, 2]);
  });
});
