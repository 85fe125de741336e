import { parseCamt } from './camt/index.ts';
import { parseCsv } from './csv/index.ts';
import { detectFormat } from './detect.ts';
import { parseOfx } from './ofx/index.ts';
import { parseQif, type QifDateOrder, type QifDateOrderQuestion } from './qif/index.ts';
import type { CsvMapping, DateFormatQuestion, ParsedFile, StatementFormat } from './types.ts';

/** A question the user must answer before rows can be read: a CSV date format or a QIF day/month order. */
export type ImportQuestion = DateFormatQuestion | QifDateOrderQuestion;

/** What any parser returns, with what CSV adds (how the file was read) and the open questions. */
export interface ParsedStatementFile extends ParsedFile {
  /** CSV: the mapping used, detected or given. */
  mapping?: CsvMapping;
  /** CSV: the header row's cells, or null without a header. */
  header?: string[] | null;
  /** CSV and QIF: what the user must answer before the rows are final. */
  questions?: ImportQuestion[];
}

export interface ParseFileOptions {
  /** The format when the user chose it; otherwise it is detected from the content (and the name). */
  format?: StatementFormat | undefined;
  fileName?: string | undefined;
  /** CSV: mapping fields given by a profile or the user; the rest is detected. */
  csv?: Partial<CsvMapping> | undefined;
  /** QIF: the day/month order once the user has answered the question. */
  qif?: { dateOrder?: QifDateOrder | undefined } | undefined;
  /** The account's currency: CSV statements that state none take it. Other formats say what the file says. */
  currency?: string | undefined;
}

/**
 * Reads a bank file of any supported format: detects the format unless it is given, then hands the
 * bytes to that format's parser. Fails with UNREADABLE_FILE when the file is empty, binary or of no
 * known format, and with whatever the parser refuses.
 */
export function parseStatementFile(bytes: Uint8Array, options: ParseFileOptions = {}): ParsedStatementFile {
  const format = options.format ?? detectFormat(bytes, options.fileName);
  switch (format) {
    case 'csv':
      return parseCsv(bytes, options.csv ?? {}, options.currency ? { currency: options.currency } : {});
    case 'ofx':
      return parseOfx(bytes, options.fileName ? { fileName: options.fileName } : {});
    case 'qif':
      return parseQif(bytes, options.qif?.dateOrder ? { dateOrder: options.qif.dateOrder } : {});
    case 'camt':
      return parseCamt(bytes);
  }
}
