import Type from 'typebox';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { NewPayee, Payee, PayeeListQuery, PayeeMerge, PayeePatch } from '../../../contract/payees.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { listPayees, payeeJson } from './queries.ts';
import { createPayee, deletePayee, mergePayee, requirePayee, updatePayee } from './service.ts';

const tags = ['payees'];

/** /books/:bookId/payees: who money is paid to or received from. */
export async function payeeRoutes(app: App): Promise<void> {
  app.get(
    '/payees',
    {
      schema: {
        tags,
        summary: 'List payees',
        description: 'By name; `q` keeps those whose name contains it, ignoring case.',
        params: BookParams,
        querystring: PayeeListQuery,
        response: { 200: Type.Array(Payee), ...problems },
      },
    },
    async (request) => {
      const { q, limit = 500 } = request.query;
      return (await listPayees(app.db, request.book!.bookId, { q, limit })).map(payeeJson);
    },
  );

  app.post(
    '/payees',
    {
      schema: {
        tags,
        summary: 'Create a payee',
        params: BookParams,
        body: NewPayee,
        response: { 201: Payee, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(payeeJson(await createPayee(app.db, request.book!, request.body, now()))),
  );

  app.get(
    '/payees/:id',
    { schema: { tags, summary: 'Get a payee', params: ItemParams, response: { 200: Payee, ...problems } } },
    async (request) => payeeJson(await requirePayee(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/payees/:id',
    {
      schema: {
        tags,
        summary: 'Rename a payee or change its default category',
        params: ItemParams,
        body: PayeePatch,
        response: { 200: Payee, ...problems },
      },
    },
    async (request) =>
      payeeJson(await updatePayee(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/payees/:id',
    {
      schema: {
        tags,
        summary: 'Delete a payee',
        description: 'Its transactions stay, without a payee.',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deletePayee(app.db, request.book!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/payees/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a payee into another',
        description:
          'Its transactions move to `into`, which adopts its default category when it has none; then it is deleted. Answers the payee merged into.',
        params: ItemParams,
        body: PayeeMerge,
        response: { 200: Payee, ...problems },
      },
    },
    async (request) =>
      payeeJson(await mergePayee(app.db, request.book!, request.params.id, request.body.into, now())),
  );
}
