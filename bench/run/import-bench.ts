/**
 * The import benchmark: 100,000 CSV rows through the real import service (parse, plan with rules
 * and suggestions, dedupe against the book, bulk insert), undone after each run; beside it, a bare
 * SQLite bulk insert of the same rows (prepared statements, one transaction, rolled back).
 */
import { createReadStream, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { detectCsvMapping } from '../../src/core/import/csv/detect.ts';
import { parseCsv } from '../../src/core/import/csv/parse.ts';
import { parseCsvStream } from '../../src/core/import/csv/stream.ts';
import type { Db } from '../../src/db/connect.ts';
import { classifierFor } from '../../src/server/features/imports/classifier.ts';
import { undoImport } from '../../src/server/features/imports/service.ts';
import { csvStatement, importStream } from '../../src/server/features/imports/stream.ts';
import type { BookScope } from '../../src/server/types.ts';

export async function importOnce(db: Db, scope: BookScope, accountId: number, file: string): Promise<number> {
  const detection = detectCsvMapping(readFileSync(file).subarray(0, 64 * 1024), {}, { partial: true });
  async function* bytes() {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
  }
  const started = performance.now();
  const batch = await importStream(
    db,
    scope,
    {
      fileName: 'import-100k.csv',
      format: 'csv',
      accountId,
      statement: csvStatement(detection.mapping.currency),
      chunks: parseCsvStream(bytes(), detection.mapping, { columns: detection.columns }),
      sha256: () => '',
      dryRun: false,
    },
    classifierFor,
    new Date().toISOString(),
  );
  const elapsed = performance.now() - started;
  await undoImport(db, scope, batch.id, new Date().toISOString());
  if (batch.transactionCount !== 100_000)
    throw new Error(`imported ${batch.transactionCount} rows, not 100,000`);
  return elapsed;
}

/** Undoes imports an interrupted earlier run left in the reference book. */
export async function undoLeftovers(db: Db, scope: BookScope): Promise<void> {
  const left = await db
    .selectFrom('import_batches')
    .select('id')
    .where('book_id', '=', scope.bookId)
    .where('undone_at', 'is', null)
    .execute();
  for (const batch of left) await undoImport(db, scope, batch.id, new Date().toISOString());
}

/** A bare bulk insert of the same rows: two postings each, prepared statements, one transaction. */
export function bareImportOnce(
  dbFile: string,
  bookId: number,
  accountId: number,
  categoryId: number,
  file: string,
): number {
  const rows = parseCsv(readFileSync(file)).statements[0]!.rows;
  const db = new Database(dbFile);
  try {
    const insertTransaction = db.prepare(
      `insert into transactions (book_id, date, currency, total, description, search_text, status, created_at, updated_at)
       values (?, ?, 'EUR', ?, ?, ?, 'cleared', ?, ?) returning id`,
    );
    const insertPosting = db.prepare(
      'insert into postings (book_id, transaction_id, account_id, date, amount, value, position) values (?, ?, ?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    const started = performance.now();
    db.exec('begin');
    for (const row of rows) {
      const minor = BigInt(row.amount.replace('.', ''));
      const { id } = insertTransaction.get(
        bookId,
        row.date,
        minor < 0n ? -minor : minor,
        row.description,
        row.description.toLowerCase(),
        now,
        now,
      ) as {
        id: number;
      };
      insertPosting.run(bookId, id, accountId, row.date, minor, minor, 0);
      insertPosting.run(bookId, id, categoryId, row.date, -minor, -minor, 1);
    }
    const elapsed = performance.now() - started;
    db.exec('rollback');
    return elapsed;
  } finally {
    db.close();
  }
}
