import { expect, it } from 'vitest';
import {
  type CorpusEntry,
  type CorpusExpected,
  corpusCounts,
  corpusEntries,
  describeCorpus,
  readCorpusFile,
} from '../../../../test/support/corpus.ts';
import { sumDecimals } from '../amount-text.ts';
import { parseCamt } from './camt.ts';

/**
 * Conformance over the real CAMT.053 files of `../shared/corpus` (MANIFEST.json): every file gives
 * the manifest's count, exact sum, dates, currency and balances with the default policy (one row
 * per entry). Skipped with a notice when the corpus is absent; in CI an absent corpus fails.
 */

interface ExpectedStatement {
  account: string;
  entry_count: number;
  amount_sum: string;
  first_booking_date: string;
  last_booking_date: string;
  opening_booked_balance: string;
  closing_booked_balance: string;
  balances_reconcile: boolean;
}

interface CamtEntry extends CorpusEntry {
  expected: CorpusExpected & { account?: string; statements?: ExpectedStatement[] };
}

const entries = corpusEntries<CamtEntry>('camt');

describeCorpus('CAMT corpus conformance', () => {
  it('has every CAMT file of the manifest', () => {
    expect(entries).toHaveLength(corpusCounts.camt!);
  });

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', (_path, entry) => {
    const parsed = parseCamt(new Uint8Array(readCorpusFile(entry)));
    const { expected } = entry;
    const rows = parsed.statements.flatMap((statement) => statement.rows);
    const dates = rows.map((row) => row.date).sort();
    expect(parsed.variant).toBe(entry.format);
    expect(rows).toHaveLength(expected.transaction_count);
    expect(sumDecimals(rows.map((row) => row.amount))).toBe(expected.amount_sum);
    expect(dates[0]).toBe(expected.first_date);
    expect(dates.at(-1)).toBe(expected.last_date);
    expect(new Set(parsed.statements.map((statement) => statement.currency))).toEqual(
      new Set([expected.currency]),
    );

    const statements: ExpectedStatement[] = expected.statements ?? [
      {
        account: expected.account!,
        entry_count: expected.transaction_count,
        amount_sum: expected.amount_sum,
        first_booking_date: expected.first_date,
        last_booking_date: expected.last_date,
        opening_booked_balance: expected.opening_balance!,
        closing_booked_balance: expected.closing_balance!,
        balances_reconcile: expected.balances_reconcile!,
      },
    ];
    expect(parsed.statements).toHaveLength(statements.length);
    statements.forEach((want, index) => {
      const statement = parsed.statements[index]!;
      const statementDates = statement.rows.map((row) => row.date).sort();
      expect(statement.accountId).toBe(want.account);
      expect(statement.rows).toHaveLength(want.entry_count);
      expect(sumDecimals(statement.rows.map((row) => row.amount))).toBe(want.amount_sum);
      expect(statementDates[0]).toBe(want.first_booking_date);
      expect(statementDates.at(-1)).toBe(want.last_booking_date);
      expect(statement.openingBalance?.amount).toBe(want.opening_booked_balance);
      expect(statement.closingBalance?.amount).toBe(want.closing_booked_balance);
    });
    const mismatches = parsed.issues.filter((issue) => issue.code === 'BALANCE_MISMATCH');
    expect(mismatches).toHaveLength(statements.filter((want) => !want.balances_reconcile).length);
    expect(parsed.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});
