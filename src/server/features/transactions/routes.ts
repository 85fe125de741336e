import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import {
  NewTransaction,
  Transaction,
  TransactionPage,
  TransactionPatch,
  TransactionQuery,
} from '../../../contract/transactions.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import { ReadCache, sendSerialised } from '../../plugins/read-cache.ts';
import type { App } from '../../types.ts';
import { requireFilterIds } from '../filter-ids.ts';
import { listTransactions } from './queries.ts';
import { createTransaction, removeTransaction, requireTransaction, updateTransaction } from './service.ts';

const tags = ['transactions'];

/** The serialised pages kept between writes: a few hundred at the default page size. */
const PAGE_CACHE_BYTES = 8_000_000;

/** /books/:bookId/transactions: the ledger's transactions with their postings. */
export async function transactionRoutes(app: App): Promise<void> {
  // Pages are given again, serialised, while nothing at all was written (see ReadCache): a client
  // polling or several members reading the same page cost one session lookup each.
  const pages = new ReadCache(app.db, PAGE_CACHE_BYTES);

  app.get(
    '/transactions',
    {
      schema: {
        tags,
        summary: 'Search transactions',
        description: 'Filters combine with AND. Newest first; page with `cursor`.',
        params: BookParams,
        querystring: TransactionQuery,
        response: { 200: TransactionPage, ...problems },
      },
    },
    async (request, reply) => {
      const { cursor, limit = 50, ...filter } = request.query;
      if (filter.from) atField('query:from', () => isoDate(filter.from!));
      if (filter.to) atField('query:to', () => isoDate(filter.to!));
      const bookId = request.book!.bookId;
      // Checked with the page it guards: a page kept at this data version had its ids checked then.
      const page = await pages.answer(request, `${bookId} ${JSON.stringify(request.query)}`, async () => {
        await requireFilterIds(app.db, bookId, filter);
        return String(reply.serialize(await listTransactions(app.db, bookId, filter, cursor, limit)));
      });
      return sendSerialised(reply, page);
    },
  );

  app.post(
    '/transactions',
    {
      schema: {
        tags,
        summary: 'Record a transaction: an expense, income, a split or a transfer',
        params: BookParams,
        body: NewTransaction,
        response: { 201: Transaction, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createTransaction(app.db, request.book!, request.body, now())),
  );

  app.get(
    '/transactions/:id',
    {
      schema: {
        tags,
        summary: 'Get a transaction',
        params: ItemParams,
        response: { 200: Transaction, ...problems },
      },
    },
    async (request) => requireTransaction(app.db, request.book!.bookId, request.params.id),
  );

  app.patch(
    '/transactions/:id',
    {
      schema: {
        tags,
        summary: 'Change a transaction',
        params: ItemParams,
        body: TransactionPatch,
        response: { 200: Transaction, ...problems },
      },
    },
    async (request) => updateTransaction(app.db, request.book!, request.params.id, request.body, now()),
  );

  app.delete(
    '/transactions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a transaction',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await removeTransaction(app.db, request.book!, request.params.id, now());
      return reply.status(204).send(null);
    },
  );
}
