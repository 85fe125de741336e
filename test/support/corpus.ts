import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import type { StatementFormat } from '../../src/core/import/types.ts';
import type { CsvLayout } from './corpus-csv-layout.ts';

/**
 * The real bank-file corpus and its MANIFEST.json: external data, not the project's (never copied into
 * it). It is found at `MONETA_CORPUS`, by default `../shared/corpus` beside the project. Tests over it
 * are skipped with a printed notice when it is absent, whatever `CI` says, as on anyone's clone;
 * `.ci/run` is what insists on it being there.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS = path.resolve(
  PROJECT_ROOT,
  process.env.MONETA_CORPUS || path.join('..', 'shared', 'corpus'),
);
const MANIFEST = path.join(CORPUS, 'MANIFEST.json');

/** What the manifest states of a file, as far as the tests read it; per-format details are added by each test. */
export interface CorpusExpected {
  transaction_count: number;
  amount_sum: string;
  currency: string | null;
  /** For files that state no currency: "FRF (French francs…)". */
  currency_hint?: string;
  first_date: string;
  last_date: string;
  pending_rows?: number;
  excluding_pending?: { transaction_count: number; amount_sum: string };
  split_transactions?: number;
  /** OFX LEDGERBAL. */
  ledger_balance?: string | null;
  /** OFX AVAILBAL. */
  available_balance?: string;
  /** CAMT OPBD. */
  opening_balance?: string;
  /** CAMT CLBD, or the running balance after a CSV file's latest row. */
  closing_balance?: string;
  balances_reconcile?: boolean;
}

export interface CorpusEntry {
  /** `<format>/<file>`: the folder is the format (csv, ofx, qif, camt). */
  path: string;
  /** In words: "QBO (QuickBooks Web Connect; OFX 1.02 SGML)", "CAMT.053.001.04", "CSV". */
  format: string;
  features: string[];
  ambiguities: string[];
  /** CSV files only. */
  csv_layout?: CsvLayout;
  expected: CorpusExpected;
}

/** True when the corpus is here. */
export const corpusPresent = existsSync(MANIFEST);

const manifest: { counts: Record<string, number>; files: CorpusEntry[] } = corpusPresent
  ? JSON.parse(readFileSync(MANIFEST, 'utf8'))
  : { counts: {}, files: [] };

/** How many files of each format the manifest lists (by folder: `csv`, `ofx`, `qif`, `camt`). */
export const corpusCounts: Readonly<Record<string, number>> = manifest.counts;

/**
 * The manifest's files, or those of one format (its folder); none when the corpus is absent. `Entry`
 * names the per-format fields a test reads beyond `CorpusEntry`.
 */
export function corpusEntries<Entry extends CorpusEntry = CorpusEntry>(format?: StatementFormat): Entry[] {
  const files = format
    ? manifest.files.filter((entry) => entry.path.startsWith(`${format}/`))
    : manifest.files;
  return files as Entry[];
}

/** A corpus file's bytes. */
export function readCorpusFile(entry: CorpusEntry): Buffer {
  return readFileSync(path.join(CORPUS, entry.path));
}

/**
 * Whether tests over the corpus can run. When it is absent this prints a notice that `what` is
 * skipped (set MONETA_CORPUS to run it). Call it while tests are collected (at the top of a file or
 * in a describe block).
 */
export function requireCorpus(what: string): boolean {
  if (corpusPresent) return true;
  console.warn(`${what} skipped: ${MANIFEST} not found (set MONETA_CORPUS to the corpus folder to run it).`);
  return false;
}

/** A describe block over the corpus: run when it is here, else skipped with a notice. */
export function describeCorpus(title: string, body: () => void): void {
  describe.skipIf(!requireCorpus(title))(title, body);
}

/** An exact decimal as bigint units of 10^-12, so `-29` and `-29.00` compare equal and nothing is a float. */
export function decimalUnits(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.replace(/^[-+]/, '').split('.');
  const magnitude = BigInt(whole! + fraction.padEnd(12, '0'));
  return decimal.startsWith('-') ? -magnitude : magnitude;
}
