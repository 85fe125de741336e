import Type from 'typebox';
import { BookParams, ItemParams, problems } from '../../../contract/common.ts';
import {
  ImportBatch,
  ImportChoices,
  type ImportChoicesJson,
  ImportCommit,
  ImportFile,
  type ImportFileJson,
  ImportPreview,
  ImportPreviewPage,
  PreviewParams,
  PreviewRowsQuery,
} from '../../../contract/imports.ts';
import { fail } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { classifierFor } from './classifier.ts';
import type { ImportRequest } from './prepare.ts';
import { commitPreview, previewPage, startPreview } from './previews.ts';
import { type CommitOptions, commitImport, listBatches, requireBatch, undoImport } from './service.ts';

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

function commitOptions(body: ImportChoicesJson): CommitOptions {
  return {
    choices: {
      exclude: new Set(body.exclude ?? []),
      include: new Set(body.include ?? []),
      categories: new Map((body.categories ?? []).map((c) => [c.index, c.categoryId])),
      skipErrors: body.skipErrors,
    },
    profileName: body.profileName,
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
          'Reads the file (CSV, OFX/QFX/QBO, QIF or CAMT.053; detected) and answers the counts and the first page of rows as they would be written: the mapping used (CSV), duplicates, rule results, suggested categories, problems. Writes no transaction; keeps the preview for an hour, for its user, as `previewId`: page its rows with `…/imports/previews/{previewId}/rows` and commit it with `…/imports/previews/{previewId}/commit`.',
        params: BookParams,
        body: ImportFile,
        response: { 200: ImportPreview, ...problems },
      },
    },
    async (request) => startPreview(app.db, request.book!, toRequest(request.body), classifierFor, now()),
  );

  app.get(
    '/imports/previews/:previewId/rows',
    {
      // Previews are made (and seen) by those who may import.
      config: { minRole: 'editor' },
      schema: {
        tags,
        summary: 'Page through a preview',
        description:
          'The rows of a kept preview, in file order, a page at a time (`limit`, 100 by default), optionally only those of a `filter`. 404 for a preview that is not yours, 410 once it has expired.',
        params: PreviewParams,
        querystring: PreviewRowsQuery,
        response: { 200: ImportPreviewPage, ...problems },
      },
    },
    async (request) =>
      previewPage(app.db, request.book!, request.params.previewId, request.query, classifierFor, now()),
  );

  app.post(
    '/imports/previews/:previewId/commit',
    {
      schema: {
        tags,
        summary: 'Import a previewed file',
        description:
          'Writes the kept preview as one batch, all or nothing, without the file being sent again: the rows it marks `import` (minus `exclude`, plus the likely duplicates in `include`). The preview is then gone.',
        params: PreviewParams,
        body: ImportChoices,
        response: { 201: ImportBatch, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await commitPreview(
            app.db,
            request.book!,
            request.params.previewId,
            commitOptions(request.body),
            classifierFor,
            now(),
          ),
        ),
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
            commitOptions(request.body),
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
