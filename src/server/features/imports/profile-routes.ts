import Type from 'typebox';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { ImportProfile, ImportProfilePatch, NewImportProfile } from '../../../contract/imports.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import {
  createProfile,
  deleteProfile,
  listProfiles,
  profileJson,
  requireProfile,
  updateProfile,
} from './profiles.ts';

const tags = ['imports'];

/** /books/:bookId/import-profiles: saved CSV mappings, reused for an account's files. */
export async function importProfileRoutes(app: App): Promise<void> {
  app.get(
    '/import-profiles',
    {
      schema: {
        tags,
        summary: 'List import profiles',
        description: 'Saved CSV mappings, by name. An import remembers the mapping it used.',
        params: BookParams,
        response: { 200: Type.Array(ImportProfile), ...problems },
      },
    },
    async (request) => (await listProfiles(app.db, request.book!.bookId)).map(profileJson),
  );

  app.post(
    '/import-profiles',
    {
      schema: {
        tags,
        summary: 'Create an import profile',
        params: BookParams,
        body: NewImportProfile,
        response: { 201: ImportProfile, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(profileJson(await createProfile(app.db, request.book!.bookId, request.body, now()))),
  );

  app.get(
    '/import-profiles/:id',
    {
      schema: {
        tags,
        summary: 'Get an import profile',
        params: ItemParams,
        response: { 200: ImportProfile, ...problems },
      },
    },
    async (request) => profileJson(await requireProfile(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/import-profiles/:id',
    {
      schema: {
        tags,
        summary: 'Change an import profile',
        params: ItemParams,
        body: ImportProfilePatch,
        response: { 200: ImportProfile, ...problems },
      },
    },
    async (request) =>
      profileJson(await updateProfile(app.db, request.book!.bookId, request.params.id, request.body, now())),
  );

  app.delete(
    '/import-profiles/:id',
    {
      schema: {
        tags,
        summary: 'Delete an import profile',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteProfile(app.db, request.book!.bookId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
