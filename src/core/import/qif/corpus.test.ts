import { expect, it } from 'vitest';
import {
  type CorpusEntry,
  type CorpusExpected,
  corpusCounts,
  corpusEntries,
  describeCorpus,
  readCorpusFile,
  decimalUnits as units,
} from '../../../../test/support/corpus.ts';
import type { StatementRow } from '../types.ts';
import { parseQif } from './parse-qif.ts';

/**
 * Conformance over the real QIF files of `../shared/corpus` (MANIFEST.json) with the documented
 * default policies: opening-balance records are imported (and marked), investment and memorised
 * sections are skipped with a warning, lenient dates are read with a warning. Skipped with a notice
 * when the corpus is absent; in CI an absent corpus fails.
 */

interface ExpectedAccount {
  account: string | null;
  section: string;
  transaction_count: number;
  amount_sum: string | null;
  first_date: string | null;
  last_date: string | null;
}

interface QifEntry extends CorpusEntry {
  expected: CorpusExpected & { accounts?: ExpectedAccount[] };
}

const entries = corpusEntries<QifEntry>('qif');

function total(rows: readonly StatementRow[]): bigint {
  return rows.reduce((sum, row) => sum + units(row.amount), 0n);
}

function dateRange(rows: readonly StatementRow[]): [string | null, string | null] {
  const dates = rows.map((row) => row.date).sort();
  return [dates[0] ?? null, dates.at(-1) ?? null];
}

describeCorpus('QIF corpus conformance', () => {
  it('has every QIF file of the manifest', () => {
    expect(entries).toHaveLength(corpusCounts.qif ?? 10);
  });

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', (_path, entry) => {
    const parsed = parseQif(new Uint8Array(readCorpusFile(entry)));
    const { expected } = entry;
    const rows = parsed.statements.flatMap((statement) => statement.rows);
    expect(parsed.format).toBe('qif');
    expect(parsed.questions).toEqual([]);
    expect(rows).toHaveLength(expected.transaction_count);
    expect(total(rows)).toBe(units(expected.amount_sum));
    expect(dateRange(rows)).toEqual([expected.first_date, expected.last_date]);
    for (const row of rows) expect(row.amount).toMatch(/^-?\d+(\.\d+)?$/);
    for (const statement of parsed.statements) expect(statement.currency).toBe(expected.currency);
    expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    if (expected.split_transactions !== undefined) {
      expect(rows.filter((row) => row.splits.length > 0)).toHaveLength(expected.split_transactions);
    }

    // Opening-balance records are included (the manifest's default policy) and marked.
    const openings = rows.filter((row) => row.openingBalance);
    const documented = entry.features.some((feature) => /opening.balance/i.test(feature));
    if (documented) expect(openings.length).toBeGreaterThan(0);
    for (const row of openings) expect(row.payee).toBe('Opening Balance');

    const imported = (expected.accounts ?? []).filter((account) => account.section !== 'invst');
    const skipped = (expected.accounts ?? []).filter((account) => account.section === 'invst');
    for (const want of imported) {
      const statement = parsed.statements.find((candidate) => candidate.accountName === want.account);
      expect(statement, `account ${want.account}`).toBeDefined();
      expect(statement!.rows).toHaveLength(want.transaction_count);
      expect(total(statement!.rows)).toBe(units(want.amount_sum!));
      expect(dateRange(statement!.rows)).toEqual([want.first_date, want.last_date]);
    }
    if (imported.length > 0) expect(parsed.statements).toHaveLength(imported.length);
    if (skipped.length > 0) {
      const warnings = parsed.issues.filter(
        (issue) => issue.code === 'SKIPPED_SECTION' && /!Type:Invst/i.test(issue.message),
      );
      expect(warnings).toHaveLength(skipped.length);
    }
  });
});
