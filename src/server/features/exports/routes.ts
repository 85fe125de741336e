import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import { BookParams, problems } from '../../../contract/common.ts';
import {
  BackupDocument,
  CsvText,
  JournalText,
  RestoreQuery,
  RestoreResult,
  TransactionExportQuery,
} from '../../../contract/exports.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import { requireUser } from '../../plugins/auth.ts';
import { bookAccess } from '../../plugins/book-access.ts';
import type { App } from '../../types.ts';
import { requireFilterIds } from '../filter-ids.ts';
import { readBackup } from './backup-read.ts';
import { transactionCsv } from './csv.ts';
import { journalExport } from './journal.ts';
import { restoreBackup } from './restore.ts';

const tags = ['export'];

/**
 * Sends a file download. The payload is text or a stream, which the JSON-typed reply of the route
 * schemas does not describe (the schemas document the body for the API docs only).
 */
function download(reply: unknown, type: string, fileName: string, payload: string | Readable) {
  return (reply as FastifyReply)
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(payload);
}

/** A restore takes the whole backup in one body: 100 MB holds a few hundred thousand transactions. */
export const RESTORE_BODY_LIMIT = 100 * 1024 * 1024;

/**
 * Export, backup and restore. Registered beside the book list: restore makes a new book (like
 * POST /books), while the exports live under /books/:bookId behind the book-access gate, readable
 * by every member (a viewer can read all of it through the API anyway).
 */
export async function exportRoutes(app: App): Promise<void> {
  app.post(
    '/books/restore',
    {
      schema: {
        tags,
        summary: 'Restore a backup into a new book; you become its owner',
        description:
          'The body is a document as GET /books/{bookId}/backup gives it. Every id is remapped; nothing is written unless all of it is valid (INVALID_BACKUP lists every problem). Bodies up to 100 MB.',
        querystring: RestoreQuery,
        body: Type.Unknown({ description: 'A backup document (see GET /books/{bookId}/backup).' }),
        response: { 201: RestoreResult, ...problems },
      },
      bodyLimit: RESTORE_BODY_LIMIT,
      preValidation: requireUser,
    },
    async (request, reply) => {
      const result = await restoreBackup(app.db, request.user!.id, request.body, now(), request.query.name);
      return reply.status(201).send(result);
    },
  );

  await app.register(
    async (book: App) => {
      bookAccess(book);
      await book.register(bookExportRoutes);
    },
    { prefix: '/books/:bookId' },
  );
}

async function bookExportRoutes(app: App): Promise<void> {
  app.get(
    '/transactions/export',
    {
      schema: {
        tags,
        summary: 'Export transactions as CSV',
        description:
          'The same filters as GET /transactions; every matching transaction, newest first, streamed page by page. See docs/export.md for the columns.',
        params: BookParams,
        querystring: TransactionExportQuery,
        produces: ['text/csv'],
        response: { 200: CsvText, ...problems },
      },
    },
    async (request, reply) => {
      const { format: _format, ...filter } = request.query;
      if (filter.from) atField('query:from', () => isoDate(filter.from!));
      if (filter.to) atField('query:to', () => isoDate(filter.to!));
      await requireFilterIds(app.db, request.book!.bookId, filter);
      const csv = await transactionCsv(app.db, request.book!.bookId, filter);
      const fileName = `transactions-${request.book!.bookId}.csv`;
      return download(reply, 'text/csv; charset=utf-8', fileName, Readable.from(csv));
    },
  );

  app.get(
    '/export/journal',
    {
      schema: {
        tags,
        summary: 'Export the book as an hledger journal',
        description:
          'Every account declared with its type, every transaction in date order with explicit amounts; check it with `hledger -f FILE --strict check ordereddates`.',
        params: BookParams,
        produces: ['text/plain'],
        response: { 200: JournalText, ...problems },
      },
    },
    async (request, reply) => {
      const journal = await journalExport(app.db, request.book!.bookId, now());
      const fileName = `book-${request.book!.bookId}.journal`;
      return download(reply, 'text/plain; charset=utf-8', fileName, Readable.from(journal));
    },
  );

  app.get(
    '/backup',
    {
      schema: {
        tags,
        summary: 'Back up the whole book as one JSON document',
        description:
          'Accounts, categories, payees, tags, transactions, budgets, envelope, import batches and profiles, rules: restore it with POST /books/restore.',
        params: BookParams,
        response: { 200: BackupDocument, ...problems },
      },
    },
    async (request, reply) => {
      const at = now();
      const document = await readBackup(app.db, request.book!.bookId, at);
      const fileName = `moneta-backup-${request.book!.bookId}-${at.slice(0, 10)}.json`;
      return download(reply, 'application/json; charset=utf-8', fileName, JSON.stringify(document));
    },
  );
}
