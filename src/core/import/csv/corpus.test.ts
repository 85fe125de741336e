import { expect, it } from 'vitest';
import {
  type CorpusEntry,
  corpusEntries,
  describeCorpus,
  readCorpusFile,
} from '../../../../test/support/corpus.ts';
import { type CsvLayout, mappingFromLayout } from '../../../../test/support/corpus-csv-layout.ts';
import { sameDecimal, sumDecimals } from '../amount-text.ts';
import { decodeText } from '../text-decode.ts';
import type { CsvMapping } from '../types.ts';
import { type CsvParseResult, parseCsv } from './parse.ts';

/**
 * Conformance over the 31 real CSV files of `../shared/corpus` (MANIFEST.json), two ways:
 * (a) detection alone, as a user gets it without touching the mapping: scored, and the score may
 *     not drop; files whose dates are ambiguous must ask, and be right once the question is answered;
 * (b) with the mapping the manifest's `csv_layout` gives: every file exact (count, sum, first and
 *     last date, currency, pending rows, and the closing balance of the files that state one).
 * Skipped with a notice when the corpus is absent; in CI an absent corpus fails.
 */

/** Files detection alone reads exactly right; the 3 others ask the (legitimate) date question. */
const DETECTION_FLOOR = 28;

interface CsvEntry extends CorpusEntry {
  csv_layout: CsvLayout;
}

const entries = corpusEntries<CsvEntry>('csv');

const bytesOf = (entry: CsvEntry) => new Uint8Array(readCorpusFile(entry));

/** The facts the manifest states, as read from a parse. */
function factsOf(result: CsvParseResult) {
  const rows = result.statements[0]!.rows;
  const dates = rows.map((row) => row.date).sort();
  const cleared = rows.filter((row) => row.status === 'cleared');
  return {
    count: rows.length,
    sum: sumDecimals(rows.map((row) => row.amount)),
    first: dates[0],
    last: dates.at(-1),
    currency: result.statements[0]!.currency,
    pending: rows.length - cleared.length,
    clearedCount: cleared.length,
    clearedSum: sumDecimals(cleared.map((row) => row.amount)),
    closing: result.statements[0]!.closingBalance,
  };
}

/** The closing balance the manifest states (as of the latest row's date), or none when it states none. */
function closingRight(entry: CsvEntry, closing: ReturnType<typeof factsOf>['closing']): boolean {
  const expected = entry.expected.closing_balance;
  if (expected === undefined) return true;
  return (
    closing !== null && sameDecimal(closing.amount, expected) && closing.date === entry.expected.last_date
  );
}

/**
 * Count, exact sum, dates, the currency when the file states one (a column, or detection found one),
 * and the closing balance when the manifest states one.
 */
function fullyRight(entry: CsvEntry, result: CsvParseResult): boolean {
  const facts = factsOf(result);
  const expected = entry.expected;
  const stated = entry.csv_layout.currency_column !== undefined || facts.currency !== null;
  return (
    result.questions.length === 0 &&
    !result.issues.some((issue) => issue.severity === 'error') &&
    facts.count === expected.transaction_count &&
    sameDecimal(facts.sum, expected.amount_sum) &&
    facts.first === expected.first_date &&
    facts.last === expected.last_date &&
    (!stated || facts.currency === expected.currency) &&
    closingRight(entry, facts.closing)
  );
}

describeCorpus('CSV corpus (b): with the manifest layout', () => {
  it('has the 31 CSV files', () => expect(entries).toHaveLength(31));

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', (_path, entry) => {
    const bytes = bytesOf(entry);
    const mapping = mappingFromLayout(entry.csv_layout, decodeText(bytes).text);
    const result = parseCsv(bytes, mapping);
    const facts = factsOf(result);
    const expected = entry.expected;
    expect(result.questions).toEqual([]);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(facts.count).toBe(expected.transaction_count);
    expect(sameDecimal(facts.sum, expected.amount_sum), `sum ${facts.sum} vs ${expected.amount_sum}`).toBe(
      true,
    );
    expect([facts.first, facts.last]).toEqual([expected.first_date, expected.last_date]);
    expect(facts.currency).toBe(expected.currency);
    expect(facts.pending).toBe(expected.pending_rows ?? 0);
    if (expected.excluding_pending) {
      expect(facts.clearedCount).toBe(expected.excluding_pending.transaction_count);
      expect(sameDecimal(facts.clearedSum, expected.excluding_pending.amount_sum)).toBe(true);
    }
    if (expected.closing_balance !== undefined) {
      expect(facts.closing?.date).toBe(expected.last_date);
      expect(
        sameDecimal(facts.closing!.amount, expected.closing_balance),
        `closing ${facts.closing!.amount} vs ${expected.closing_balance}`,
      ).toBe(true);
    }
  });

  it('states a closing balance for 5 files', () => {
    expect(entries.filter((entry) => entry.expected.closing_balance !== undefined)).toHaveLength(5);
  });
});

describeCorpus('CSV corpus (a): detection alone', () => {
  it(`reads at least ${DETECTION_FLOOR} of 31 files exactly right, and the rest once the date question is answered`, () => {
    const right: string[] = [];
    const answered: string[] = [];
    const wrong: string[] = [];
    for (const entry of entries) {
      const bytes = bytesOf(entry);
      const result = parseCsv(bytes);
      if (fullyRight(entry, result)) {
        right.push(entry.path);
        continue;
      }
      // An ambiguous date format must be a question whose options include the right answer.
      const layoutFormat = mappingFromLayout(entry.csv_layout, decodeText(bytes).text).dateFormat!;
      const question = result.questions[0];
      if (question?.options.includes(layoutFormat)) {
        const again = parseCsv(bytes, { dateFormat: layoutFormat as CsvMapping['dateFormat'] });
        if (fullyRight(entry, again)) {
          answered.push(entry.path);
          continue;
        }
      }
      wrong.push(entry.path);
    }
    console.log(
      `CSV detection score: ${right.length}/${entries.length} files exactly right by detection alone; ` +
        `${answered.length} more after answering the date-format question (${answered.join(', ')}); ` +
        `wrong: ${wrong.length ? wrong.join(', ') : 'none'}.`,
    );
    expect(right.length).toBeGreaterThanOrEqual(DETECTION_FLOOR);
    expect(wrong).toEqual([]);
  });
});
