import Type from 'typebox';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { NewTag, Tag, TagPatch } from '../../../contract/tags.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { listTags, tagJson } from './queries.ts';
import { createTag, deleteTag, requireTag, updateTag } from './service.ts';

const tags = ['tags'];

/** /books/:bookId/tags: labels across categories (a trip, a project), many per transaction. */
export async function tagRoutes(app: App): Promise<void> {
  app.get(
    '/tags',
    {
      schema: {
        tags,
        summary: 'List tags',
        description: 'By name.',
        params: BookParams,
        response: { 200: Type.Array(Tag), ...problems },
      },
    },
    async (request) => (await listTags(app.db, request.book!.bookId)).map(tagJson),
  );

  app.post(
    '/tags',
    {
      schema: {
        tags,
        summary: 'Create a tag',
        params: BookParams,
        body: NewTag,
        response: { 201: Tag, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(tagJson(await createTag(app.db, request.book!, request.body, now()))),
  );

  app.get(
    '/tags/:id',
    { schema: { tags, summary: 'Get a tag', params: ItemParams, response: { 200: Tag, ...problems } } },
    async (request) => tagJson(await requireTag(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Rename or recolour a tag',
        params: ItemParams,
        body: TagPatch,
        response: { 200: Tag, ...problems },
      },
    },
    async (request) =>
      tagJson(await updateTag(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/tags/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tag',
        description: 'Its transactions stay and lose the tag.',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteTag(app.db, request.book!, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
