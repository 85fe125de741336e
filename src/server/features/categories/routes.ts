import Type from 'typebox';
import {
  Category,
  CategoryListQuery,
  CategoryMerge,
  CategoryPatch,
  DeleteCategoryQuery,
  NewCategory,
} from '../../../contract/categories.ts';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import {
  createCategory,
  deleteCategory,
  listCategories,
  mergeCategory,
  requireCategory,
  updateCategory,
} from './service.ts';
import { categoryJson } from './target.ts';

const tags = ['categories'];

/**
 * /books/:bookId/categories: the income and expense accounts. They answer as accounts; archive
 * and unarchive them, and read their balance and register, under /accounts/:id.
 */
export async function categoryRoutes(app: App): Promise<void> {
  app.get(
    '/categories',
    {
      schema: {
        tags,
        summary: 'List categories with their balances',
        description:
          'Expense categories, then income ones, each by name. Archived ones only with includeArchived.',
        params: BookParams,
        querystring: CategoryListQuery,
        response: { 200: Type.Array(Category), ...problems },
      },
    },
    async (request) => {
      const { kind, includeHidden = true, includeArchived = false } = request.query;
      const rows = await listCategories(app.db, request.book!.bookId, {
        kind,
        includeHidden,
        includeArchived,
      });
      return rows.map(categoryJson);
    },
  );

  app.post(
    '/categories',
    {
      schema: {
        tags,
        summary: 'Create a category',
        params: BookParams,
        body: NewCategory,
        response: { 201: Category, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(categoryJson(await createCategory(app.db, request.book!, request.body, now()))),
  );

  app.get(
    '/categories/:id',
    {
      schema: {
        tags,
        summary: 'Get a category',
        params: ItemParams,
        response: { 200: Category, ...problems },
      },
    },
    async (request) => categoryJson(await requireCategory(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, regroup, hide or show a category, or set its monthly target',
        params: ItemParams,
        body: CategoryPatch,
        response: { 200: Category, ...problems },
      },
    },
    async (request) =>
      categoryJson(await updateCategory(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/categories/:id',
    {
      schema: {
        tags,
        summary: 'Delete a category, or merge it into another',
        description:
          'Refused with ACCOUNT_IN_USE while it has postings, unless `moveTo` names a category of the same currency: its postings move there first (a merge).',
        params: ItemParams,
        querystring: DeleteCategoryQuery,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      const { moveTo } = request.query;
      if (moveTo === undefined) await deleteCategory(app.db, request.book!, request.params.id, now());
      else await mergeCategory(app.db, request.book!, request.params.id, moveTo, 'query:moveTo', now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/categories/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a category into another',
        description:
          'Its postings and the payees that default to it move to `into` (same currency), with the cached balance; then it is deleted. Answers the category merged into.',
        params: ItemParams,
        body: CategoryMerge,
        response: { 200: Category, ...problems },
      },
    },
    async (request) =>
      categoryJson(
        await mergeCategory(app.db, request.book!, request.params.id, request.body.into, '/into', now()),
      ),
  );
}
