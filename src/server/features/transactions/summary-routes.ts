import { BookParams, problems } from '../../../contract/common.ts';
import { TransactionSummary, TransactionSummaryQuery } from '../../../contract/transactions.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import type { App } from '../../types.ts';
import { requireFilterIds } from '../filter-ids.ts';
import { summariseTransactions } from './summary.ts';

/** /books/:bookId/transactions/summary: the count and total of a search, over all its pages. */
export async function transactionSummaryRoutes(app: App): Promise<void> {
  app.get(
    '/transactions/summary',
    {
      schema: {
        tags: ['transactions'],
        summary: 'Count and total of the transactions a search finds',
        description:
          'The filters of `GET /transactions`. Totals per currency: of the filter’s account (else category) as its register signs it, or else of what moved.',
        params: BookParams,
        querystring: TransactionSummaryQuery,
        response: { 200: TransactionSummary, ...problems },
      },
    },
    async (request) => {
      const filter = request.query;
      if (filter.from) atField('query:from', () => isoDate(filter.from!));
      if (filter.to) atField('query:to', () => isoDate(filter.to!));
      const bookId = request.book!.bookId;
      await requireFilterIds(app.db, bookId, filter);
      return summariseTransactions(app.db, bookId, filter);
    },
  );
}
