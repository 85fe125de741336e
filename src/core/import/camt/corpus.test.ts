import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sumAmounts } from './amount.ts';
import { parseCamt } from './camt.ts';

/**
 * Conformance over the real CAMT.053 files of `../shared/corpus` (MANIFEST.json): every file gives
 * the manifest's count, exact sum, dates, currency and balances with the default policy (one row
 * per entry). Skipped with a notice when the corpus is absent; in CI an absent corpus fails.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const CORPUS = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
const MANIFEST = path.join(CORPUS, 'MANIFEST.json');
const present = existsSync(MANIFEST);
const NOTICE = `CAMT corpus conformance skipped: ${MANIFEST} not found.`;

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

interface CamtEntry {
  path: string;
  format: string;
  expected: {
    transaction_count: number;
    amount_sum: string;
    currency: string | null;
    first_date: string;
    last_date: string;
    account?: string;
    opening_balance?: string;
    closing_balance?: string;
    balances_reconcile?: boolean;
    statements?: ExpectedStatement[];
  };
}

const manifest: { counts: Record<string, number>; files: CamtEntry[] } = present
  ? JSON.parse(readFileSync(MANIFEST, 'utf8'))
  : { counts: {}, files: [] };
const entries = manifest.files.filter((entry) => entry.format.startsWith('CAMT.053'));

if (!present) {
  if (process.env.CI === 'true') {
    describe('CAMT corpus', () => {
      it('is present in CI', () => expect.fail(`${NOTICE} CI must run the corpus conformance tests.`));
    });
  } else {
    console.warn(NOTICE);
  }
}

describe.skipIf(!present)('CAMT corpus conformance', () => {
  it('has every CAMT file of the manifest', () => {
    expect(entries).toHaveLength(manifest.counts.camt!);
  });

  it.each(entries.map((entry) => [entry.path, entry] as const))('%s', (_path, entry) => {
    const parsed = parseCamt(new Uint8Array(readFileSync(path.join(CORPUS, entry.path))));
    const { expected } = entry;
    const rows = parsed.statements.flatMap((statement) => statement.rows);
    const dates = rows.map((row) => row.date).sort();
    expect(parsed.variant).toBe(entry.format);
    expect(rows).toHaveLength(expected.transaction_count);
    expect(sumAmounts(rows.map((row) => row.amount))).toBe(expected.amount_sum);
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
      expect(sumAmounts(statement.rows.map((row) => row.amount))).toBe(want.amount_sum);
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
