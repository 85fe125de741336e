import type { ImportBatchJson } from '../../api/types.ts';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** A batch's counts in words: "3 transactions", "1 row skipped (duplicates or left out)." */
export function batchCounts(batch: Pick<ImportBatchJson, 'transactionCount' | 'skippedCount'>) {
  return {
    written: plural(batch.transactionCount, 'transaction', 'transactions'),
    skipped:
      batch.skippedCount === 0
        ? 'No row skipped.'
        : `${plural(batch.skippedCount, 'row', 'rows')} skipped (duplicates, errors or left out).`,
  };
}

export const FORMAT_NAMES = { csv: 'CSV', ofx: 'OFX', qif: 'QIF', camt: 'CAMT.053' } as const;
