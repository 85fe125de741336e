import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import {
  Assignment,
  AssignmentInput,
  AssignmentParams,
  EnvelopeMonth,
  EnvelopeSettings,
  EnvelopeSettingsInput,
  MonthParams,
  Move,
  MoveInput,
} from '../../../contract/envelope.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { addMove, deleteMove, readMonth, readSettings, saveSettings, setAssignment } from './service.ts';

const tags = ['envelope'];

/** /books/:bookId/envelope: envelope (zero-based) budgeting by month. */
export async function envelopeRoutes(app: App): Promise<void> {
  app.get(
    '/envelope/settings',
    {
      schema: {
        tags,
        summary: 'Whether the book budgets in envelope mode, and from which month',
        params: BookParams,
        response: { 200: EnvelopeSettings, ...problems },
      },
    },
    async (request) => readSettings(app.db, request.book!.bookId),
  );

  app.put(
    '/envelope/settings',
    {
      schema: {
        tags,
        summary: 'Turn envelope mode on or off, and set its start month',
        params: BookParams,
        body: EnvelopeSettingsInput,
        response: { 200: EnvelopeSettings, ...problems },
      },
    },
    async (request) => saveSettings(app.db, request.book!, request.body, now()),
  );

  app.get(
    '/envelope/months/:month',
    {
      schema: {
        tags,
        summary: 'A budget month: to be budgeted, and each expense category’s envelope',
        description:
          'Computed from the start month up to this one: the on-budget accounts’ balance before the start month (checking, savings, cash and credit cards) and income of a month land in TBB; a category’s balance = carried in + assigned − spent; uncovered overspending leaves next month’s TBB. Only categories in the book’s base currency count.',
        params: MonthParams,
        response: { 200: EnvelopeMonth, ...problems },
      },
    },
    async (request) => readMonth(app.db, request.book!, request.params.month),
  );

  app.put(
    '/envelope/months/:month/assignments/:categoryId',
    {
      schema: {
        tags,
        summary: 'Assign money to an expense category for a month',
        params: AssignmentParams,
        body: AssignmentInput,
        response: { 200: Assignment, ...problems },
      },
    },
    async (request) => {
      const { month, categoryId } = request.params;
      return setAssignment(app.db, request.book!, month, categoryId, request.body.amount, now());
    },
  );

  app.post(
    '/envelope/months/:month/moves',
    {
      schema: {
        tags,
        summary: 'Move money from one category to another (covers overspending)',
        params: MonthParams,
        body: MoveInput,
        response: { 201: Move, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addMove(app.db, request.book!, request.params.month, request.body, now())),
  );

  app.delete(
    '/envelope/moves/:id',
    {
      schema: {
        tags,
        summary: 'Undo a move',
        params: ItemParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteMove(app.db, request.book!, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
