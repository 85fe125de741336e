import { BookParams, problems } from '../../../contract/common.ts';
import { CategoryTotals, CategoryTotalsQuery } from '../../../contract/reports.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField, fail } from '../../../core/errors.ts';
import type { App } from '../../types.ts';
import { categoryTotals } from './queries.ts';
import { financialReportRoutes } from './report-routes.ts';

const tags = ['reports'];

/** /books/:bookId/reports: aggregates computed in SQL. */
export async function reportRoutes(app: App): Promise<void> {
  app.get(
    '/reports/category-totals',
    {
      schema: {
        tags,
        summary: 'Totals per category over a date range, optionally per month',
        params: BookParams,
        querystring: CategoryTotalsQuery,
        response: { 200: CategoryTotals, ...problems },
      },
    },
    async (request) => {
      const from = atField('query:from', () => isoDate(request.query.from));
      const to = atField('query:to', () => isoDate(request.query.to));
      if (to < from) {
        fail('VALIDATION_FAILED', 'The range ends before it starts.', [
          { field: 'query:to', code: 'VALIDATION_FAILED', message: 'Must not be before from.' },
        ]);
      }
      const interval = request.query.interval ?? 'none';
      return {
        from,
        to,
        interval,
        rows: await categoryTotals(app.db, request.book!.bookId, from, to, interval),
      };
    },
  );
  await financialReportRoutes(app);
}
