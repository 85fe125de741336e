import Type from 'typebox';
import { BookParams, ItemParams, problems } from '../../../contract/common.ts';
import {
  ImportBatch,
  ImportCommit,
  type ImportCommitJson,
  ImportFile,
  type ImportFileJson,
  ImportPreview,
} from '../../../contract/imports.ts';
import { fail } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { classifierFor } from './classifier.ts';
import type { ImportRequest } from './prepare.ts';
import { commitImport, listBatches, previewImport, requireBatch, undoImport } from './service.ts';

const tags = ['imports'];

/** A bank file of up to 50 MiB, base64 in JSON (4/3 of it), with room for the mapping. */
export const IMPORT_BODY_LIMIT = 72 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

function toRequest(body: ImportFileJson): ImportRequest {
  if (!BASE64.test(body.content)) {
    const message = 'The file content must be base64.';
    fail('VALIDATION_FAILED', message, [{ field: '/content', code: 'VALIDATION_FAILED', message }]);
  }
  return {
    fileName: body.fileName,
    bytes: Buffer.from(body.content, 'base64'),
    accountId: body.accountId,
    statementAccounts: body.statementAccounts,
    format: body.format,
    mapping: body.mapping,
    profileId: body.profileId,
    qifDateOrder: body.qifDateOrder,
  };
}

function choicesOf(body: ImportCommitJson) {
  return {
    exclude: new Set(body.exclude ?? []),
    include: new Set(body.include ?? []),
    categories: new Map((body.categories ?? []).map((c) => [c.index, c.categoryId])),
  };
}

/** /books/:bookId/imports: bank files in, previewed, committed as one batch, undone as one. */
export async function importRoutes(app: App): Promise<void> {
  app.post(
    '/imports/preview',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Preview an import',
        description:
          'Reads the file (CSV, OFX/QFX/QBO, QIF or CAMT.053; detected), and shows every row as it would be written: the mapping used (CSV), duplicates, rule results, suggested categories, problems. Writes nothing.',
        params: BookParams,
        body: ImportFile,
        response: { 200: ImportPreview, ...problems },
      },
    },
    async (request) => previewImport(app.db, request.book!, toRequest(request.body), classifierFor),
  );

  app.post(
    '/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a file',
        description:
          'Writes the rows the preview marks `import` (minus `exclude`, plus the likely duplicates in `include`) as one batch, all or nothing. Remembers a CSV mapping as a profile.',
        params: BookParams,
        body: ImportCommit,
        response: { 201: ImportBatch, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitImport(
            app.db,
            request.book!,
            toRequest(request.body),
            { choices: choicesOf(request.body), profileName: request.body.profileName },
            classifierFor,
            now(),
          ),
        ),
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'List imports',
        description: 'Newest first.',
        params: BookParams,
        response: { 200: Type.Array(ImportBatch), ...problems },
      },
    },
    async (request) => listBatches(app.db, request.book!.bookId),
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Get an import',
        params: ItemParams,
        response: { 200: ImportBatch, ...problems },
      },
    },
    async (request) => requireBatch(app.db, request.book!.bookId, request.params.id),
  );

  app.post(
    '/imports/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo an import',
        description: 'Deletes every transaction the import wrote (also those edited since), in one go.',
        params: ItemParams,
        response: { 200: ImportBatch, ...problems },
      },
    },
    async (request) => undoImport(app.db, request.book!, request.params.id, now()),
  );
}
