import Type from 'typebox';
import {
  AsOfQuery,
  Budget,
  BudgetAmount,
  BudgetHistory,
  BudgetOverview,
  BudgetPatch,
  BudgetStatus,
  HistoryQuery,
  NewBudget,
  Notification,
  NotificationListQuery,
  StatusQuery,
} from '../../../contract/budgets.ts';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { categoryHistory, historyOfLimitPeriods, periodLabel } from '../../../core/budget/index.ts';
import { type IsoDate, isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import type { CurrencyCode, Money } from '../../../core/money/index.ts';
import { now, today } from '../../clock.ts';
import { toMoneyJson } from '../../money-json.ts';
import type { App, BookScope } from '../../types.ts';
import { basisPointsJson, evaluateBudgets, periodJson } from './evaluate.ts';
import { dismissNotification, listNotifications } from './notifications.ts';
import { loadBudgets } from './queries.ts';
import {
  budgetJson,
  createBudget,
  deleteBudget,
  requireBudget,
  setBudgetAmount,
  updateBudget,
} from './service.ts';

const tags = ['budgets'];

function asOfOf(query: { asOf?: string | undefined }): IsoDate {
  return query.asOf ? atField('query:asOf', () => isoDate(query.asOf!)) : (today() as IsoDate);
}

const average = (value: { total: Money; count: number; rounded: Money } | null) =>
  value && { total: toMoneyJson(value.total), count: value.count, rounded: toMoneyJson(value.rounded) };

/** /books/:bookId/budgets (limit budgets) and /books/:bookId/notifications (their alerts). */
export async function budgetRoutes(app: App): Promise<void> {
  /** One budget's last periods up to `asOf` (default today), for the status and history routes. */
  async function evaluateOne(
    request: {
      book: BookScope | null;
      params: { id: number };
      query: { asOf?: string | undefined; periods?: number | undefined };
    },
    defaultPeriods: number,
  ) {
    const asOf = asOfOf(request.query);
    const budget = await requireBudget(app.db, request.book!.bookId, request.params.id);
    const [result] = await evaluateBudgets(
      app.db,
      request.book!.bookId,
      [budget],
      asOf,
      request.query.periods ?? defaultPeriods,
    );
    return { asOf, budget, periods: result!.periods };
  }

  app.get(
    '/budgets',
    {
      schema: {
        tags,
        summary: 'List limit budgets',
        params: BookParams,
        response: { 200: Type.Array(Budget), ...problems },
      },
    },
    async (request) => (await loadBudgets(app.db, request.book!.bookId)).map(budgetJson),
  );

  app.post(
    '/budgets',
    {
      schema: {
        tags,
        summary: 'Create a limit budget',
        params: BookParams,
        body: NewBudget,
        response: { 201: Budget, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(budgetJson(await createBudget(app.db, request.book!, request.body, now()))),
  );

  app.get(
    '/budgets/overview',
    {
      schema: {
        tags,
        summary: 'Every budget’s period holding asOf (default today)',
        params: BookParams,
        querystring: AsOfQuery,
        response: { 200: BudgetOverview, ...problems },
      },
    },
    async (request) => {
      const asOf = asOfOf(request.query);
      const budgets = await loadBudgets(app.db, request.book!.bookId);
      const evaluated = await evaluateBudgets(app.db, request.book!.bookId, budgets, asOf, 1);
      return {
        asOf,
        budgets: evaluated.map(({ window, periods }) => ({
          budgetId: window.budget.row.id,
          name: window.budget.row.name,
          period: periods[0] ? periodJson(window.budget, periods[0]) : null,
        })),
      };
    },
  );

  app.get(
    '/budgets/:id',
    { schema: { tags, summary: 'Get a budget', params: ItemParams, response: { 200: Budget, ...problems } } },
    async (request) => budgetJson(await requireBudget(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/budgets/:id',
    {
      schema: {
        tags,
        summary: 'Rename, retarget or change the periods or rollover of a budget',
        params: ItemParams,
        body: BudgetPatch,
        response: { 200: Budget, ...problems },
      },
    },
    async (request) =>
      budgetJson(await updateBudget(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/budgets/:id',
    {
      schema: {
        tags,
        summary: 'Delete a budget and its notifications',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteBudget(app.db, request.book!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/budgets/:id/amounts',
    {
      schema: {
        tags,
        summary: 'Change the limit from a date on',
        description:
          'Applies from the first period that starts on or after `from`; an amount with the same `from` is replaced.',
        params: ItemParams,
        body: BudgetAmount,
        response: { 200: Budget, ...problems },
      },
    },
    async (request) =>
      budgetJson(await setBudgetAmount(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.get(
    '/budgets/:id/status',
    {
      schema: {
        tags,
        summary: 'Budget against actual for the last periods up to asOf',
        description:
          'Limit, rolled-in, available, spent, remaining, percent (basis points) and pace per period, oldest first.',
        params: ItemParams,
        querystring: StatusQuery,
        response: { 200: BudgetStatus, ...problems },
      },
    },
    async (request) => {
      const { asOf, budget, periods } = await evaluateOne(request, 1);
      return {
        budgetId: budget.row.id,
        name: budget.row.name,
        asOf,
        periods: periods.map((period) => periodJson(budget, period)),
      };
    },
  );

  app.get(
    '/budgets/:id/history',
    {
      schema: {
        tags,
        summary: 'Budget against actual over the last periods, with exact averages',
        params: ItemParams,
        querystring: HistoryQuery,
        response: { 200: BudgetHistory, ...problems },
      },
    },
    async (request) => {
      const { asOf, budget, periods } = await evaluateOne(request, 12);
      const key = budget.row.category_id ?? `group:${budget.row.group_id}`;
      const history = categoryHistory(
        budget.row.currency as CurrencyCode,
        key,
        historyOfLimitPeriods(periods),
      );
      return {
        budgetId: budget.row.id,
        asOf,
        periods: history.periods.map((period) => ({
          start: period.start,
          end: period.end,
          label: periodLabel(budget.recurrence, period),
          limit: toMoneyJson(period.limit),
          available: toMoneyJson(period.available),
          spent: toMoneyJson(period.spent),
          remaining: toMoneyJson(period.remaining),
          percent: basisPointsJson(period.percent),
          overspent: period.overspent,
        })),
        averageLimit: average(history.averageLimit),
        averageSpent: average(history.averageSpent),
        averageRemaining: average(history.averageRemaining),
        overspentCount: history.overspentCount,
      };
    },
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Budget alerts, newest first',
        description: 'Undismissed ones unless includeDismissed=true; at most 500.',
        params: BookParams,
        querystring: NotificationListQuery,
        response: { 200: Type.Array(Notification), ...problems },
      },
    },
    async (request) =>
      listNotifications(app.db, request.book!.bookId, request.query.includeDismissed ?? false),
  );

  app.post(
    '/notifications/:id/dismiss',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Dismiss a notification',
        params: ItemParams,
        response: { 200: Notification, ...problems },
      },
    },
    async (request) => dismissNotification(app.db, request.book!.bookId, request.params.id, now()),
  );
}
