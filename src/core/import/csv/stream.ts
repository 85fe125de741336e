import { fail } from '../../errors.ts';
import { createTextDecoder } from '../text-decode.ts';
import type { CsvMapping, StatementBalance } from '../types.ts';
import { checkReadable } from './detect.ts';
import { type CsvRowBatch, createCsvRowReader } from './row-reader.ts';
import { type CsvRecord, CsvTokenizer } from './tokenizer.ts';

/** A batch of a streamed file, with how far the stream has got (for a progress bar). */
export interface CsvStreamBatch extends CsvRowBatch {
  bytesRead: number;
  /**
   * On the final batch only (absent before it): the statement's balances from the mapping's balance
   * column, as `parseCsv` gives them (null without a balance column). The rest of the statement's
   * facts are known before the rows.
   */
  openingBalance?: StatementBalance | null;
  closingBalance?: StatementBalance | null;
}

/**
 * Reads a CSV file of any size in bounded memory: chunks of bytes in, batches of rows out. The
 * mapping comes from `detectCsvMapping` over the file's first ~64 KiB (with `partial: true`), or
 * from a saved profile; `columns` is the detection's field count (without it, the first data row's
 * count is the table's). Rows and issues are exactly those `parseCsv` gives for the whole file
 * with the same mapping: both read through one `createCsvRowReader`.
 */
export async function* parseCsvStream(
  chunks: AsyncIterable<Uint8Array>,
  mapping: CsvMapping,
  options: { columns?: number; batchSize?: number } = {},
): AsyncGenerator<CsvStreamBatch> {
  const batchSize = options.batchSize ?? 5000;
  const decoder = createTextDecoder(mapping.encoding);
  const tokenizer = new CsvTokenizer(mapping.delimiter);
  const reader = createCsvRowReader(
    mapping,
    options.columns === undefined ? {} : { columns: options.columns },
  );
  let bytesRead = 0;
  let pending: CsvStreamBatch = { rows: [], issues: [], bytesRead: 0 };
  const records: CsvRecord[] = [];
  const collect = (batch: CsvRowBatch) => {
    for (const row of batch.rows) pending.rows.push(row);
    for (const issue of batch.issues) pending.issues.push(issue);
    pending.bytesRead = bytesRead;
  };
  for await (const chunk of chunks) {
    if (bytesRead === 0 && chunk.length > 0) checkReadable(chunk);
    bytesRead += chunk.length;
    tokenizer.push(decoder.decode(chunk), records);
    collect(reader.read(records));
    records.length = 0;
    if (pending.rows.length + pending.issues.length >= batchSize) {
      yield pending;
      pending = { rows: [], issues: [], bytesRead };
    }
  }
  if (bytesRead === 0) fail('UNREADABLE_FILE', 'The file is empty.');
  tokenizer.push(decoder.decode(undefined, true), records);
  tokenizer.finish(records);
  collect(reader.read(records));
  collect(reader.end(tokenizer.lines));
  yield { ...pending, ...reader.balances() };
}
