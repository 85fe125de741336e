import Type from 'typebox';
import { ItemParams, NoContent, problems } from '../../../contract/common.ts';
import {
  ClearedBalance,
  ClearedQuery,
  NewReconciliation,
  Reconciliation,
  ReconciliationParams,
} from '../../../contract/reconciliations.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { clearedBalance, listReconciliations, reconcile, undoReconciliation } from './service.ts';

const tags = ['accounts'];

/** /books/:bookId/accounts/:id/cleared and …/reconciliations: an account against its statements. */
export async function reconciliationRoutes(app: App): Promise<void> {
  app.get(
    '/accounts/:id/cleared',
    {
      schema: {
        tags,
        summary: 'What a reconciliation at a date starts from',
        description:
          'The account’s cleared (and reconciled) total up to the date, what is still pending, and the last reconciliation: the statement’s balance minus `cleared` is the difference left to find.',
        params: ItemParams,
        querystring: ClearedQuery,
        response: { 200: ClearedBalance, ...problems },
      },
    },
    async (request) => {
      const date = atField('query:date', () => isoDate(request.query.date));
      return clearedBalance(app.db, request.book!, request.params.id, date);
    },
  );

  app.get(
    '/accounts/:id/reconciliations',
    {
      schema: {
        tags,
        summary: 'List the account’s reconciliations',
        params: ItemParams,
        response: { 200: Type.Array(Reconciliation), ...problems },
      },
    },
    async (request) => listReconciliations(app.db, request.book!, request.params.id),
  );

  app.post(
    '/accounts/:id/reconciliations',
    {
      schema: {
        tags,
        summary: 'Finish a reconciliation against a statement',
        description:
          'When the cleared transactions up to the statement’s date add up to its closing balance, they become reconciled; otherwise nothing changes (STATEMENT_MISMATCH says by how much).',
        params: ItemParams,
        body: NewReconciliation,
        response: { 201: Reconciliation, ...problems },
      },
    },
    async (request, reply) => {
      const statementDate = atField('/statementDate', () => isoDate(request.body.statementDate));
      const body = { ...request.body, statementDate };
      return reply.status(201).send(await reconcile(app.db, request.book!, request.params.id, body, now()));
    },
  );

  app.delete(
    '/accounts/:id/reconciliations/:reconciliationId',
    {
      schema: {
        tags,
        summary: 'Undo a reconciliation',
        description: 'The transactions it reconciled are cleared again.',
        params: ReconciliationParams,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      const { id, reconciliationId } = request.params;
      await undoReconciliation(app.db, request.book!, id, reconciliationId, now());
      return reply.status(204).send(null);
    },
  );
}
