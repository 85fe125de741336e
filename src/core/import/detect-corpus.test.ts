import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';
import type { StatementFormat } from './types.ts';

/**
 * Every file of `../shared/corpus` is detected as the format MANIFEST.json gives it, from its content
 * alone and with its file name. Skipped with a notice when the corpus is absent; in CI that fails.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpus');
const MANIFEST = path.join(CORPUS, 'MANIFEST.json');
const present = existsSync(MANIFEST);
const NOTICE = `Format detection over the corpus skipped: ${MANIFEST} not found.`;

const manifest: { counts: Record<string, number>; files: Array<{ path: string; format: string }> } = present
  ? JSON.parse(readFileSync(MANIFEST, 'utf8'))
  : { counts: {}, files: [] };

/** The manifest describes formats in words ("QBO (QuickBooks Web Connect; OFX 1.02 SGML)", "CAMT.053.001.04"). */
function manifestFormat(description: string): StatementFormat {
  if (/^(OFX|QFX|QBO)\b/.test(description)) return 'ofx';
  if (description.startsWith('QIF')) return 'qif';
  if (description.startsWith('CAMT.053')) return 'camt';
  if (description.startsWith('CSV')) return 'csv';
  throw new Error(`The manifest format "${description}" is not one of OFX, QFX, QBO, QIF, CAMT.053 and CSV.`);
}

if (!present) {
  if (process.env.CI === 'true') {
    describe('format detection corpus', () => {
      it('is present in CI', () => expect.fail(`${NOTICE} CI must run the corpus conformance tests.`));
    });
  } else {
    console.warn(NOTICE);
  }
}

describe.skipIf(!present)('format detection over the corpus', () => {
  it('covers every file of the manifest', () => {
    const total = Object.values(manifest.counts).reduce((sum, count) => sum + count, 0);
    expect(manifest.files).toHaveLength(total);
  });

  it.each(manifest.files.map((file) => [file.path, file] as const))('%s', (_path, file) => {
    const content = new Uint8Array(readFileSync(path.join(CORPUS, file.path)));
    const expected = manifestFormat(file.format);
    expect(detectFormat(content)).toBe(expected);
    expect(detectFormat(content, path.basename(file.path))).toBe(expected);
  });
});
