import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { MoneyJson } from '../../contract/common.ts';
import { detectCsvMapping } from '../../core/import/csv/detect.ts';
import { parseCsvStream } from '../../core/import/csv/stream.ts';
import { detectFormat } from '../../core/import/detect.ts';
import { parseStatementFile } from '../../core/import/parse-file.ts';
import { QIF_DATE_ORDERS, type QifDateOrder } from '../../core/import/qif/qif-date.ts';
import {
  type CsvMapping,
  DATE_FORMATS,
  type DateFormat,
  STATEMENT_FORMATS,
  type StatementBalance,
  type StatementFormat,
} from '../../core/import/types.ts';
import type { Db } from '../../db/connect.ts';
import { toMinor } from '../../db/values.ts';
import { now } from '../../server/clock.ts';
import { classifierFor } from '../../server/features/imports/classifier.ts';
import { NO_CHOICES } from '../../server/features/imports/preview-json.ts';
import {
  choice,
  chooseProfile,
  listProfiles,
  type ProfileChoice,
} from '../../server/features/imports/profiles.ts';
import { removeAbandonedImports } from '../../server/features/imports/recovery.ts';
import { commitImport, previewImport } from '../../server/features/imports/service.ts';
import { csvStatement, importStream } from '../../server/features/imports/stream.ts';
import { moneyJson } from '../../server/money-json.ts';
import { commandAccountId, commandBookScope } from '../book-scope.ts';
import { databaseUrl, withDatabase } from '../database.ts';
import { DATABASE_HELP, DATABASE_OPTION, HELP_OPTION, type Io, parseOrUsage, UsageError } from '../io.ts';
import { progressBar } from '../progress.ts';

export const summary = 'import a bank file (CSV, OFX/QFX/QBO, QIF, CAMT.053) into an account';

export const usage = `Usage: moneta import FILE --book B --account A [options]

Reads FILE, detects its format (and, for CSV, its layout), and writes its rows into account A of
book B as one import batch: all of it or nothing. Rows already imported (the file's own ids, or
the same date, amount and text) are skipped, so importing a file twice adds nothing; rows that
look like transactions already in the account are skipped too. Rules and the account's saved CSV
profile apply as in the web app. CSV files are streamed: a file of a million rows imports in
bounded memory, with a progress bar. Undo a batch in the web app or with the API.

Options:
  --book B              the book, by id or name
  --account A           the account, by id or name
  --profile P           read a CSV file with this saved profile (id or name)
  --format F            csv, ofx, qif or camt (default: detected)
  --date-format F       a CSV date format such as DD/MM/YYYY, when the dates fit several
  --qif-date-order O    MDY or DMY, when a QIF file's dates fit both
  --user EMAIL          record the import as this owner of the book (default: its first owner)
  --dry-run             read and check everything, write nothing, print what would happen
${DATABASE_HELP}
  -h, --help            show this help`;

const PREFIX_BYTES = 64 * 1024;

function readPrefix(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(PREFIX_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, PREFIX_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrUsage(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...HELP_OPTION,
        ...DATABASE_OPTION,
        book: { type: 'string' },
        account: { type: 'string' },
        profile: { type: 'string' },
        format: { type: 'string' },
        'date-format': { type: 'string' },
        'qif-date-order': { type: 'string' },
        user: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
      strict: true,
    }),
  );
  if (values.help) {
    io.out(usage);
    return 0;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError('Give exactly one FILE.');
  if (!values.book || !values.account) throw new UsageError('--book and --account are required.');
  const format = values.format as StatementFormat | undefined;
  if (format && !STATEMENT_FORMATS.includes(format)) {
    throw new UsageError(`--format must be csv, ofx, qif or camt, not '${format}'.`);
  }
  const qifDateOrder = values['qif-date-order'];
  if (qifDateOrder && !QIF_DATE_ORDERS.includes(qifDateOrder as QifDateOrder)) {
    throw new UsageError(`--qif-date-order must be MDY or DMY, not '${qifDateOrder}'.`);
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new Error(`Cannot read ${file}.`);
  }
  const fileName = basename(file);
  return withDatabase(databaseUrl(values.database, io.env), { mustExist: true }, async ({ db }) => {
    for (const removed of await removeAbandonedImports(db)) {
      io.err(
        `Removed import ${removed.id} of book ${removed.bookId}, which an interrupted run left after ${removed.transactions} transactions.`,
      );
    }
    const scope = await commandBookScope(db, values.book!, values.user);
    const accountId = await commandAccountId(db, scope.bookId, values.account!);
    const detected = format ?? detectFormat(readPrefix(file), fileName);
    const dryRun = values['dry-run'];
    const dateFormat = dateFormatOption(values['date-format']);
    if (detected === 'csv') {
      const profile = values.profile ? await namedProfile(db, scope.bookId, values.profile) : undefined;
      return importCsv(io, { db, scope, accountId, file, fileName, size, dryRun, profile, dateFormat });
    }
    const request = {
      fileName,
      bytes: readFileSync(file),
      accountId,
      format: detected,
      qifDateOrder: qifDateOrder as QifDateOrder | undefined,
    };
    if (dryRun) {
      const preview = await previewImport(db, scope, request, classifierFor);
      for (const question of preview.questions)
        io.err(`${question.message} (--qif-date-order ${question.options.join(' or ')})`);
      for (const issue of preview.issues) io.err(`${issue.severity}: ${issue.message}`);
      const { summary: s } = preview;
      io.out(
        `Dry run: ${preview.variant}, ${s.rows} rows: ${s.toImport} would be imported, ${s.exactDuplicates} already imported, ${s.likelyDuplicates} likely duplicates, ${s.errors} with errors.`,
      );
      for (const statement of preview.statements) {
        const { closingBalance: closing, balanceAfterImport: after } = statement;
        if (closing)
          io.out(closingBalanceLine(closing.amount, closing.date, after, 'after the import would be'));
      }
      return s.errors > 0 || preview.questions.length > 0 ? 1 : 0;
    }
    const batch = await commitImport(db, scope, request, { choices: NO_CHOICES }, classifierFor, now());
    io.out(
      `Imported ${batch.transactionCount} transactions from ${fileName} as import ${batch.id} (${batch.skippedCount} skipped).`,
    );
    // The statements' closing balances, as the preview shows them, beside the balance they should match.
    const { statements } = parseStatementFile(request.bytes, {
      format: detected,
      fileName,
      qif: { dateOrder: request.qifDateOrder },
    });
    const balance = await accountBalance(db, accountId);
    for (const { closingBalance: closing, currency } of statements) {
      if (!closing) continue;
      const stated = { amount: closing.amount, currency: currency ?? balance.currency };
      io.out(closingBalanceLine(stated, closing.date, moneyJson(balance.minor, balance.currency), 'now'));
    }
    return 0;
  });
}

function dateFormatOption(text: string | undefined): DateFormat | undefined {
  if (text === undefined) return undefined;
  const format = DATE_FORMATS.find((f) => f === text);
  if (!format)
    throw new UsageError(`--date-format must be one of ${DATE_FORMATS.join(', ')}; not '${text}'.`);
  return format;
}

async function namedProfile(db: Db, bookId: number, profile: string): Promise<ProfileChoice> {
  const rows = await listProfiles(db, bookId);
  const row = rows.find((p) => String(p.id) === profile || p.name_key === profile.trim().toLowerCase());
  if (!row) throw new Error(`Book ${bookId} has no import profile '${profile}'.`);
  return choice(row);
}

interface CsvImport {
  db: Db;
  scope: Awaited<ReturnType<typeof commandBookScope>>;
  accountId: number;
  file: string;
  fileName: string;
  size: number;
  dryRun: boolean;
  profile: ProfileChoice | undefined;
  dateFormat: DateFormat | undefined;
}

/** A CSV file is streamed: the layout comes from its first 64 KiB (and the saved profile), rows in batches. */
async function importCsv(io: Io, job: CsvImport): Promise<number> {
  const prefix = readPrefix(job.file);
  const given = (profile: ProfileChoice | null | undefined): Partial<CsvMapping> => ({
    ...profile?.mapping,
    ...(job.dateFormat ? { dateFormat: job.dateFormat } : {}),
  });
  let profile: ProfileChoice | null = job.profile ?? null;
  let detection = detectCsvMapping(prefix, given(profile), { partial: true });
  if (!profile) {
    profile = await chooseProfile(job.db, job.scope.bookId, job.accountId, undefined, detection.header);
    if (profile) detection = detectCsvMapping(prefix, given(profile), { partial: true });
  }
  const question = detection.questions[0];
  if (question) {
    io.err(
      `${question.message} Run again with --date-format ${question.options.join(' or --date-format ')}.`,
    );
    return 1;
  }
  const hash = createHash('sha256');
  const bar = progressBar(io, job.size);
  async function* bytes(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(job.file, { highWaterMark: 1024 * 1024 })) {
      hash.update(chunk as Buffer);
      yield chunk as Buffer;
    }
  }
  let closing: StatementBalance | null = null;
  async function* batches() {
    for await (const batch of parseCsvStream(bytes(), detection.mapping, { columns: detection.columns })) {
      bar.update(batch.bytesRead);
      closing = batch.closingBalance ?? closing;
      yield batch;
    }
  }
  const batch = await importStream(
    job.db,
    job.scope,
    {
      fileName: job.fileName,
      format: 'csv',
      accountId: job.accountId,
      statement: csvStatement(detection.mapping.currency),
      chunks: batches(),
      sha256: () => hash.digest('hex'),
      dryRun: job.dryRun,
      remember: { mapping: detection.mapping, header: detection.header, profile },
    },
    classifierFor,
    now(),
  );
  bar.done();
  const total = batch.transactionCount + batch.skippedCount;
  io.out(
    job.dryRun
      ? `Dry run: ${total} rows read, ${batch.transactionCount} would be imported, ${batch.skippedCount} skipped. Nothing was written.`
      : `Imported ${batch.transactionCount} transactions from ${job.fileName} as import ${batch.id} (${batch.skippedCount} skipped).`,
  );
  const stated = closing as StatementBalance | null;
  if (stated) {
    const balance = await accountBalance(job.db, job.accountId);
    const amount = { amount: stated.amount, currency: detection.mapping.currency ?? balance.currency };
    // A dry run wrote nothing: the balance it would leave is today's plus what it would import.
    const after = moneyJson(balance.minor + (job.dryRun ? batch.change : 0n), balance.currency);
    io.out(closingBalanceLine(amount, stated.date, after, job.dryRun ? 'after the import would be' : 'now'));
  }
  return 0;
}

async function accountBalance(db: Db, accountId: number): Promise<{ minor: bigint; currency: string }> {
  const row = await db
    .selectFrom('accounts')
    .select(['balance', 'currency'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { minor: toMinor(row.balance), currency: row.currency };
}

/** What the API's preview shows of a statement: its closing balance, beside the account's. */
function closingBalanceLine(
  stated: MoneyJson,
  date: string | null,
  balance: MoneyJson,
  when: string,
): string {
  const show = (value: MoneyJson) => `${value.amount} ${value.currency}`;
  return `The file's closing balance: ${show(stated)} on ${date ?? 'its last day'}; the account's balance ${when}: ${show(balance)}.`;
}
