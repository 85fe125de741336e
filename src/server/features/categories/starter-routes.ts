import Type from 'typebox';
import {
  AddStarterSet,
  StarterSet,
  StarterSetAdded,
  StarterSetsQuery,
} from '../../../contract/category-starters.ts';
import { BookParams, problems } from '../../../contract/common.ts';
import { STARTER_SETS, starterSet } from '../../../core/categories/starter-sets.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { groupJson } from '../category-groups/queries.ts';
import { addStarterSet } from './starter-sets.ts';
import { categoryJson } from './target.ts';

const tags = ['categories'];

/** /books/:bookId/categories/starter-sets: ready-made categories for a new book. */
export async function starterSetRoutes(app: App): Promise<void> {
  app.get(
    '/categories/starter-sets',
    {
      schema: {
        tags,
        summary: 'List the starter category sets',
        description: 'What each set would add, named in the language asked for.',
        params: BookParams,
        querystring: StarterSetsQuery,
        response: { 200: Type.Array(StarterSet), ...problems },
      },
    },
    async (request) =>
      STARTER_SETS.map((id) => ({ id, groups: starterSet(id, request.query.language ?? 'en') })),
  );

  app.post(
    '/categories/starter-sets',
    {
      schema: {
        tags,
        summary: 'Add a starter category set to the book',
        description:
          'Makes the set’s groups and categories in one transaction. A category whose name the book already uses is skipped; a group of the same kind and name takes the set’s categories. Adding a set twice makes nothing the second time.',
        params: BookParams,
        body: AddStarterSet,
        response: { 201: StarterSetAdded, ...problems },
      },
    },
    async (request, reply) => {
      const { set, language = 'en' } = request.body;
      const made = await addStarterSet(app.db, request.book!, set, language, now());
      return reply.status(201).send({
        groups: made.groups.map(groupJson),
        categories: made.categories.map(categoryJson),
        skipped: made.skipped,
      });
    },
  );
}
