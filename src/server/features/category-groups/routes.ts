import Type from 'typebox';
import {
  CategoryGroup,
  CategoryGroupPatch,
  DeleteCategoryGroupQuery,
  NewCategoryGroup,
} from '../../../contract/category-groups.ts';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { groupJson, listGroups } from './queries.ts';
import { createGroup, deleteGroup, requireGroup, updateGroup } from './service.ts';

const tags = ['categories'];

/** /books/:bookId/category-groups: the groups that order categories on screen and in budgets. */
export async function categoryGroupRoutes(app: App): Promise<void> {
  app.get(
    '/category-groups',
    {
      schema: {
        tags,
        summary: 'List category groups',
        description: 'Ordered by kind (expense, then income), position and name.',
        params: BookParams,
        response: { 200: Type.Array(CategoryGroup), ...problems },
      },
    },
    async (request) => (await listGroups(app.db, request.book!.bookId)).map(groupJson),
  );

  app.post(
    '/category-groups',
    {
      schema: {
        tags,
        summary: 'Create a category group',
        params: BookParams,
        body: NewCategoryGroup,
        response: { 201: CategoryGroup, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(groupJson(await createGroup(app.db, request.book!, request.body, now()))),
  );

  app.get(
    '/category-groups/:id',
    {
      schema: {
        tags,
        summary: 'Get a category group',
        params: ItemParams,
        response: { 200: CategoryGroup, ...problems },
      },
    },
    async (request) => groupJson(await requireGroup(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/category-groups/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder, hide or show a category group',
        params: ItemParams,
        body: CategoryGroupPatch,
        response: { 200: CategoryGroup, ...problems },
      },
    },
    async (request) =>
      groupJson(await updateGroup(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/category-groups/:id',
    {
      schema: {
        tags,
        summary: 'Delete a category group',
        description:
          'Refused with CATEGORY_GROUP_IN_USE while it holds categories, unless `moveTo` names a group of the same kind to take them over.',
        params: ItemParams,
        querystring: DeleteCategoryGroupQuery,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteGroup(app.db, request.book!, request.params.id, request.query.moveTo, now());
      return reply.status(204).send(null);
    },
  );
}
