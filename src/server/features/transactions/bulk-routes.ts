import { BookParams, problems } from '../../../contract/common.ts';
import {
  BulkTransactionDelete,
  BulkTransactionRestore,
  BulkTransactionResult,
  BulkTransactionUpdate,
} from '../../../contract/transaction-bulk.ts';
import { now } from '../../clock.ts';
import type { App } from '../../types.ts';
import { deleteManyTransactions, restoreTransactions, updateTransactions } from './bulk-service.ts';

const tags = ['transactions'];

/** /books/:bookId/transactions/bulk-*: many transactions in one request, and its undo. */
export async function transactionBulkRoutes(app: App): Promise<void> {
  app.post(
    '/transactions/bulk-update',
    {
      schema: {
        tags,
        summary: 'Change many transactions at once',
        description:
          'Sets the category, payee, status or date of up to 500 transactions, or adds and removes tags, in one database transaction: all of them or none. `previous` undoes it through `bulk-restore`.',
        params: BookParams,
        body: BulkTransactionUpdate,
        response: { 200: BulkTransactionResult, ...problems },
      },
    },
    async (request) => updateTransactions(app.db, request.book!, request.body.ids, request.body.set, now()),
  );

  app.post(
    '/transactions/bulk-delete',
    {
      schema: {
        tags,
        summary: 'Delete many transactions at once',
        description:
          'Deletes up to 500 transactions in one database transaction. `previous` writes them back (under new ids) through `bulk-restore`.',
        params: BookParams,
        body: BulkTransactionDelete,
        response: { 200: BulkTransactionResult, ...problems },
      },
    },
    async (request) => deleteManyTransactions(app.db, request.book!, request.body.ids, now()),
  );

  app.post(
    '/transactions/bulk-restore',
    {
      schema: {
        tags,
        summary: 'Write transactions back as they were (undo a bulk change)',
        description:
          'Each item is written over the transaction with its id, or made anew when that was deleted; all of them or none.',
        params: BookParams,
        body: BulkTransactionRestore,
        response: { 200: BulkTransactionResult, ...problems },
      },
    },
    async (request) => restoreTransactions(app.db, request.book!, request.body.transactions, now()),
  );
}
