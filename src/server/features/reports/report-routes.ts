import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { BookParams, problems } from '../../../contract/common.ts';
import {
  CashFlow,
  CashFlowQuery,
  IncomeExpense,
  IncomeExpenseQuery,
  Spending,
  SpendingQuery,
  Trend,
  TrendParams,
  TrendQuery,
} from '../../../contract/report-flows.ts';
import {
  BalanceSheet,
  BalanceSheetQuery,
  IncomeStatement,
  IncomeStatementQuery,
  NetWorth,
  NetWorthQuery,
} from '../../../contract/report-statements.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import type { App } from '../../types.ts';
import { requireFilterIds } from '../filter-ids.ts';
import { cashFlow } from './cash-flow.ts';
import { csvViews, type ReportName } from './csv-views.ts';
import { parseFilter, parseRange } from './filters.ts';
import { incomeExpense } from './income-expense.ts';
import { netWorth } from './net-worth.ts';
import { spendingByCategory } from './spending.ts';
import { balanceSheet, incomeStatement } from './statements.ts';
import { categoryTrend } from './trend.ts';

const tags = ['reports'];

interface Scope {
  bookId: number;
  base: string;
}

/**
 * Registers one report: JSON by default, `?format=csv` for the same report as a CSV download.
 * `compute` gets the validated query (and path params) and the caller's book.
 */
function report<Q extends TSchema, R extends TSchema>(
  app: App,
  name: ReportName,
  path: string,
  summary: string,
  schemas: { querystring: Q; response: R; params?: TSchema },
  compute: (query: Static<Q>, scope: Scope, params: { id: number }) => Promise<Static<R>>,
) {
  // Typed loosely here: the schemas are generic; `compute` gets the typed query.
  (app as unknown as FastifyInstance).get(
    path,
    {
      schema: {
        tags,
        summary,
        description: 'Add `format=csv` for a CSV download (text/csv) of the same report.',
        params: schemas.params ?? BookParams,
        querystring: schemas.querystring,
        response: { 200: schemas.response, ...problems },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const book = request.book!;
      await requireFilterIds(app.db, book.bookId, request.query as object);
      const result = await compute(
        request.query as Static<Q>,
        { bookId: book.bookId, base: book.baseCurrency },
        request.params as { id: number },
      );
      if ((request.query as { format?: string }).format !== 'csv') return result;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send((csvViews[name] as (report: Static<R>) => string)(result));
    },
  );
}

/** The reports of issue 4: flows over a range and the accounting statements. */
export async function financialReportRoutes(app: App): Promise<void> {
  report(
    app,
    'spending',
    '/reports/spending',
    'Spending (or income) by category, grouped with subtotals',
    { querystring: SpendingQuery, response: Spending },
    (q, s) =>
      spendingByCategory(app.db, s.bookId, s.base, parseRange(q), q.kind ?? 'expense', parseFilter(q)),
  );
  report(
    app,
    'income-expense',
    '/reports/income-expense',
    'Income vs expense per week, month, quarter or year, with savings',
    { querystring: IncomeExpenseQuery, response: IncomeExpense },
    (q, s) => incomeExpense(app.db, s.bookId, s.base, parseRange(q), q.interval ?? 'month', parseFilter(q)),
  );
  report(
    app,
    'net-worth',
    '/reports/net-worth',
    'Net worth over time with a per-account breakdown',
    { querystring: NetWorthQuery, response: NetWorth },
    (q, s) =>
      netWorth(app.db, s.bookId, s.base, parseRange(q), q.interval ?? 'month', parseFilter(q).accountIds),
  );
  report(
    app,
    'cash-flow',
    '/reports/cash-flow',
    'Cash flow as Sankey nodes and links',
    { querystring: CashFlowQuery, response: CashFlow },
    (q, s) => cashFlow(app.db, s.bookId, s.base, parseRange(q), parseFilter(q)),
  );
  report(
    app,
    'balance-sheet',
    '/reports/balance-sheet',
    'Balance sheet at the end of a day',
    { querystring: BalanceSheetQuery, response: BalanceSheet },
    (q, s) =>
      balanceSheet(
        app.db,
        s.bookId,
        s.base,
        atField('query:date', () => isoDate(q.date)),
      ),
  );
  report(
    app,
    'income-statement',
    '/reports/income-statement',
    'Income statement over a range',
    { querystring: IncomeStatementQuery, response: IncomeStatement },
    (q, s) => incomeStatement(app.db, s.bookId, s.base, parseRange(q), parseFilter(q)),
  );
  report(
    app,
    'trend',
    '/reports/categories/:id/trend',
    'One category per month, with its average and last month vs the one before',
    { querystring: TrendQuery, response: Trend, params: TrendParams },
    (q, s, p) => categoryTrend(app.db, s.bookId, p.id, parseRange(q), parseFilter(q)),
  );
}
