/** The CSV bank-statement parser: detection, whole-file parsing and streaming. */

export { DATE_FORMATS } from '../types.ts';
export { parseDateAs } from './date-formats.ts';
export { type CsvDetection, detectCsvMapping } from './detect.ts';
export { type CsvParseResult, parseCsv } from './parse.ts';
export { type CsvRowBatch, type CsvRowReader, createCsvRowReader } from './row-reader.ts';
export { type CsvStreamBatch, parseCsvStream } from './stream.ts';
export { type CsvRecord, CsvTokenizer, tokenizeCsv } from './tokenizer.ts';
