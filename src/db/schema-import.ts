import type { ColumnType, Generated } from 'kysely';

/** Tables of import and rules (migration 0004). JSON columns are text on both databases. */
type Flag = ColumnType<number, number | undefined, number>;

/**
 * One import: its transactions carry `import_batch_id`, and undoing deletes them all. Only a
 * 'complete' batch is an import to the user; an 'importing' one is still being written, or was cut
 * off and will be removed.
 */
export interface ImportBatchTable {
  id: Generated<number>;
  book_id: number;
  account_id: number | null;
  format: 'csv' | 'ofx' | 'qif' | 'camt';
  file_name: string;
  file_sha256: string;
  transaction_count: number;
  /** Rows not written: duplicates and rows the user excluded. */
  skipped_count: number;
  created_by: number | null;
  created_at: string;
  undone_at: string | null;
  undone_by: number | null;
  /** 'importing' while its rows are being written (chunk by chunk), then 'complete'. */
  status: ColumnType<ImportBatchStatus, ImportBatchStatus | undefined, ImportBatchStatus>;
  /** While importing: the process writing it, '<host> <pid>'. */
  writer: ColumnType<string | null, string | null | undefined, string | null>;
  /** While importing: when its writer last committed a chunk. */
  heartbeat_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type ImportBatchStatus = 'importing' | 'complete';

/** A saved CSV mapping, reused for the account (and for files whose header matches). */
export interface ImportProfileTable {
  id: Generated<number>;
  book_id: number;
  account_id: number | null;
  name: string;
  name_key: string;
  /** JSON of `CsvMapping`. */
  mapping: string;
  /** `foldText` of the header record's cells joined by '|', or null for files without a header. */
  header_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface RuleTable {
  id: Generated<number>;
  book_id: number;
  name: string;
  position: number;
  enabled: Flag;
  match: 'all' | 'any';
  /** JSON of `RuleCondition[]`. */
  conditions: string;
  /** JSON of `RuleAction[]`. */
  actions: string;
  created_at: string;
  updated_at: string;
}

/** A kept preview (issue 12): the file and how to read it, until `expires_at`, for its user only. */
export interface ImportPreviewTable {
  id: string;
  book_id: number;
  user_id: number;
  account_id: number;
  file_name: string;
  /** JSON of the import request's options (everything but the file). */
  options: string;
  content: Uint8Array;
  sha256: string;
  created_at: string;
  expires_at: string;
}

export interface ImportSchema {
  import_batches: ImportBatchTable;
  import_previews: ImportPreviewTable;
  import_profiles: ImportProfileTable;
  rules: RuleTable;
}
