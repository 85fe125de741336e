import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonetaError } from '../../errors.ts';
import type { ImportIssue, StatementRow } from '../types.ts';
import { detectCsvMapping } from './detect.ts';
import { parseCsv } from './parse.ts';
import { type CsvStreamBatch, parseCsvStream } from './stream.ts';

const FIXTURES = new URL('../../../../test/fixtures/import/csv/', import.meta.url);
const utf8 = (text: string) => new TextEncoder().encode(text);

async function* chunksOf(bytes: Uint8Array, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

async function collect(batches: AsyncIterable<CsvStreamBatch>) {
  const rows: StatementRow[] = [];
  const issues: ImportIssue[] = [];
  let count = 0;
  for await (const batch of batches) {
    rows.push(...batch.rows);
    issues.push(...batch.issues);
    count++;
  }
  return { rows, issues, batches: count };
}

async function streamError(batches: AsyncIterable<CsvStreamBatch>): Promise<MonetaError> {
  try {
    await collect(batches);
  } catch (error) {
    if (error instanceof MonetaError) return error;
    throw error;
  }
  throw new Error('expected a MonetaError');
}

describe('parseCsvStream', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name !== 'ambiguous-dates.csv');

  it.each(fixtures)(
    'gives the rows and issues parseCsv gives for %s, however the bytes are cut',
    async (name) => {
      const bytes = new Uint8Array(readFileSync(new URL(name, FIXTURES)));
      const whole = parseCsv(bytes);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 8 }),
          async (cuts) => {
            const streamed = await collect(
              parseCsvStream(chunksOf(bytes, cuts), whole.mapping, { columns: whole.columns }),
            );
            expect(streamed.rows).toEqual(whole.statements[0]!.rows);
            expect(streamed.issues).toEqual(whole.issues);
          },
        ),
        { numRuns: 40 },
      );
    },
  );

  it('reads a big file from a mapping detected on its first 64 KiB, footer included', async () => {
    const rows = 60_000;
    const body = Array.from(
      { length: rows },
      (_, i) => `${String((i % 28) + 1).padStart(2, '0')}.03.2024;Row ${i};-${i},50;EUR`,
    );
    const text = [
      'Kontoauszug;Girokonto',
      '',
      'Datum;Text;Betrag;Währung',
      ...body,
      'Summe;;-1,00;EUR',
      '',
    ].join('\r\n');
    const bytes = utf8(text);
    const detection = detectCsvMapping(bytes.subarray(0, 64 * 1024), {}, { partial: true });
    expect(detection.mapping).toMatchObject({
      headerLine: 3,
      firstDataLine: 4,
      footerLines: 0,
      decimalSeparator: ',',
    });
    const cuts = Array.from({ length: Math.floor(bytes.length / 65_536) }, (_, i) => (i + 1) * 65_536);
    const streamed = await collect(
      parseCsvStream(chunksOf(bytes, cuts), detection.mapping, {
        columns: detection.columns,
        batchSize: 10_000,
      }),
    );
    expect(streamed.issues).toEqual([]);
    expect(streamed.rows).toHaveLength(rows);
    // Row 59999 is on line 60002, day 59999 % 28 + 1 = 24.
    expect(streamed.rows.at(-1)).toMatchObject({ line: rows + 3, date: '2024-03-24', amount: '-59999.50' });
    expect(streamed.batches).toBeGreaterThan(2);
  });

  it('reports progress in bytes', async () => {
    const bytes = utf8('Date,Amount\n2024-01-02,1.00\n2024-01-03,2.00\n');
    const mapping = parseCsv(bytes).mapping;
    const batches: CsvStreamBatch[] = [];
    for await (const batch of parseCsvStream(chunksOf(bytes, [10, 20]), mapping, { batchSize: 1 }))
      batches.push(batch);
    expect(batches.at(-1)!.bytesRead).toBe(bytes.length);
    expect(batches.map((b) => b.bytesRead)).toEqual(
      [...batches.map((b) => b.bytesRead)].sort((a, b) => a - b),
    );
  });

  it('refuses binary and empty streams', async () => {
    const mapping = parseCsv(utf8('Date,Amount\n2024-01-02,1.00\n')).mapping;
    const binary = new Uint8Array(1024).fill(0);
    expect((await streamError(parseCsvStream(chunksOf(binary, []), mapping))).code).toBe('UNREADABLE_FILE');
    expect((await streamError(parseCsvStream(chunksOf(new Uint8Array(), []), mapping))).message).toMatch(
      /empty/,
    );
  });
});
