import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusCounts, corpusEntries, describeCorpus, readCorpusFile } from '../../../test/support/corpus.ts';
import { detectFormat } from './detect.ts';
import type { StatementFormat } from './types.ts';

/**
 * Every file of `../shared/corpus` is detected as the format MANIFEST.json gives it, from its content
 * alone and with its file name. Skipped with a notice when the corpus is absent; in CI that fails.
 */

const files = corpusEntries();

/** The manifest describes formats in words ("QBO (QuickBooks Web Connect; OFX 1.02 SGML)", "CAMT.053.001.04"). */
function manifestFormat(description: string): StatementFormat {
  if (/^(OFX|QFX|QBO)\b/.test(description)) return 'ofx';
  if (description.startsWith('QIF')) return 'qif';
  if (description.startsWith('CAMT.053')) return 'camt';
  if (description.startsWith('CSV')) return 'csv';
  throw new Error(`The manifest format "${description}" is not one of OFX, QFX, QBO, QIF, CAMT.053 and CSV.`);
}

describeCorpus('format detection over the corpus', () => {
  it('covers every file of the manifest', () => {
    const total = Object.values(corpusCounts).reduce((sum, count) => sum + count, 0);
    expect(files).toHaveLength(total);
  });

  it.each(files.map((file) => [file.path, file] as const))('%s', (_path, file) => {
    const content = new Uint8Array(readCorpusFile(file));
    const expected = manifestFormat(file.format);
    expect(detectFormat(content)).toBe(expected);
    expect(detectFormat(content, path.basename(file.path))).toBe(expected);
  });
});
