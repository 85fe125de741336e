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
import type { Statement } from '../types.ts';
import { parseOfx } from './parse-ofx.ts';

/**
 * Conformance over the real OFX/QFX/QBO files of `../shared/corpus` (MANIFEST.json): every file
 * gives the manifest's count, exact sum, dates, currency, account and balances, per statement for
 * files with several. Skipped with a notice when the corpus is absent; in CI an absent corpus fails.
 */

interface ExpectedAccount {
  acctid: string;
  type: string | null;
  currency?: string;
  transaction_count: number;
  amount_sum: string;
  first_date: string | null;
  last_date: string | null;
  ledger_balance: string | null;
}

interface OfxEntry extends CorpusEntry {
  expected: CorpusExpected & {
    account?: { acctid: string; type: string | null };
    accounts?: ExpectedAccount[];
  };
}

const entries = corpusEntries<OfxEntry>('ofx');

function total(statements: readonly Statement[]): bigint {
  return statements.flatMap((statement) => statement.rows).reduce((sum, row) => sum + units(row.amount), 0n);
}

function dateRange(statements: readonly Statement[]): [string | null, string | null] {
  const dates = statements.flatMap((statement) => statement.rows.map((row) => row.date)).sort();
  return [dates[0] ?? null, dates.at(-1) ?? null];
}

describeCorpus('OFX corpus conformance', () => {
  it('has every OFX file of the manifest', () => {
    expect(entries).toHaveLength(corpusCounts.ofx ?? 20);
  });

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', (file, entry) => {
    const parsed = parseOfx(new Uint8Array(readCorpusFile(entry)), { fileName: file });
    const { expected } = entry;
    const rows = parsed.statements.flatMap((statement) => statement.rows);
    expect(parsed.format).toBe('ofx');
    expect(rows).toHaveLength(expected.transaction_count);
    expect(total(parsed.statements)).toBe(units(expected.amount_sum));
    expect(dateRange(parsed.statements)).toEqual([expected.first_date, expected.last_date]);
    for (const row of rows) expect(row.amount).toMatch(/^-?\d+(\.\d+)?$/);
    for (const statement of parsed.statements) expect(statement.currency).toBe(expected.currency);
    expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);

    const accounts: ExpectedAccount[] = expected.accounts ?? [
      {
        acctid: expected.account!.acctid,
        type: expected.account!.type,
        transaction_count: expected.transaction_count,
        amount_sum: expected.amount_sum,
        first_date: expected.first_date,
        last_date: expected.last_date,
        ledger_balance: expected.ledger_balance ?? null,
      },
    ];
    expect(parsed.statements).toHaveLength(accounts.length);
    accounts.forEach((want, index) => {
      const statement = parsed.statements[index]!;
      expect(statement.accountId).toBe(want.acctid);
      expect(statement.accountType).toBe(want.type);
      if (want.currency) expect(statement.currency).toBe(want.currency);
      expect(statement.rows).toHaveLength(want.transaction_count);
      expect(total([statement])).toBe(units(want.amount_sum));
      expect(dateRange([statement])).toEqual([want.first_date, want.last_date]);
      const closing = statement.closingBalance?.amount ?? null;
      expect(closing === null ? null : units(closing)).toBe(
        want.ledger_balance === null ? null : units(want.ledger_balance),
      );
    });
    if (expected.available_balance !== undefined) {
      expect(units(parsed.statements[0]!.availableBalance!.amount)).toBe(units(expected.available_balance));
    }
  });
});
