import Type from 'typebox';
import {
  Account,
  AccountListQuery,
  AccountPatch,
  Balance,
  BalanceQuery,
  DeleteAccountQuery,
  NewAccount,
  Register,
  RegisterQuery,
} from '../../../contract/accounts.ts';
import { BookParams, ItemParams, NoContent, problems } from '../../../contract/common.ts';
import { isoDate } from '../../../core/calendar/date.ts';
import { atField } from '../../../core/errors.ts';
import { now, today } from '../../clock.ts';
import { moneyJson } from '../../money-json.ts';
import type { App } from '../../types.ts';
import { accountJson, balanceAt, listAccounts } from './queries.ts';
import { readRegister } from './register.ts';
import {
  BALANCE_SHEET_TYPES,
  createAccount,
  deleteAccount,
  requireAccount,
  setArchived,
  updateAccount,
} from './service.ts';

const tags = ['accounts'];

/** /books/:bookId/accounts: balance-sheet accounts; the item routes also serve categories. */
export async function accountRoutes(app: App): Promise<void> {
  app.get(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'List accounts with their balances',
        description:
          'Balance-sheet accounts (asset, liability, equity) unless `type` asks for another; archived ones only with includeArchived.',
        params: BookParams,
        querystring: AccountListQuery,
        response: { 200: Type.Array(Account), ...problems },
      },
    },
    async (request) => {
      const { type, includeArchived = false } = request.query;
      const rows = await listAccounts(app.db, request.book!.bookId, {
        types: type ? [type] : BALANCE_SHEET_TYPES,
        includeArchived,
      });
      return rows.map(accountJson);
    },
  );

  app.post(
    '/accounts',
    {
      schema: {
        tags,
        summary: 'Create an account, with an opening balance',
        params: BookParams,
        body: NewAccount,
        response: { 201: Account, ...problems },
      },
    },
    async (request, reply) => {
      const input = request.body;
      if (input.openingDate) atField('/openingDate', () => isoDate(input.openingDate!));
      const row = await createAccount(app.db, request.book!, input, now());
      return reply.status(201).send(accountJson(row));
    },
  );

  app.get(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Get an account (or a category)',
        params: ItemParams,
        response: { 200: Account, ...problems },
      },
    },
    async (request) => accountJson(await requireAccount(app.db, request.book!.bookId, request.params.id)),
  );

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change an account',
        params: ItemParams,
        body: AccountPatch,
        response: { 200: Account, ...problems },
      },
    },
    async (request) =>
      accountJson(await updateAccount(app.db, request.book!, request.params.id, request.body, now())),
  );

  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Delete an account',
        description:
          'Refused with ACCOUNT_IN_USE while it has transactions, unless deleteTransactions=true deletes them too.',
        params: ItemParams,
        querystring: DeleteAccountQuery,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await deleteAccount(
        app.db,
        request.book!,
        request.params.id,
        request.query.deleteTransactions ?? false,
        now(),
      );
      return reply.status(204).send(null);
    },
  );

  for (const [verb, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    app.post(
      `/accounts/:id/${verb}`,
      {
        schema: {
          tags,
          summary: archived
            ? 'Archive an account: it keeps its history but takes no new postings'
            : 'Unarchive an account',
          params: ItemParams,
          response: { 200: Account, ...problems },
        },
      },
      async (request) =>
        accountJson(await setArchived(app.db, request.book!, request.params.id, archived, now())),
    );
  }

  app.get(
    '/accounts/:id/balance',
    {
      schema: {
        tags,
        summary: 'The balance at the end of a date',
        description:
          'The sum of the account’s postings up to and including `date` (default today), in the account’s currency.',
        params: ItemParams,
        querystring: BalanceQuery,
        response: { 200: Balance, ...problems },
      },
    },
    async (request) => {
      const account = await requireAccount(app.db, request.book!.bookId, request.params.id);
      const date = request.query.date ? atField('query:date', () => isoDate(request.query.date!)) : today();
      return {
        accountId: account.id,
        date,
        balance: moneyJson(await balanceAt(app.db, request.book!.bookId, account.id, date), account.currency),
      };
    },
  );

  app.get(
    '/accounts/:id/register',
    {
      schema: {
        tags,
        summary: 'The account register: postings with running balance',
        description: 'Newest first; each row carries the balance after it. Page with `cursor`.',
        params: ItemParams,
        querystring: RegisterQuery,
        response: { 200: Register, ...problems },
      },
    },
    async (request) => {
      const account = await requireAccount(app.db, request.book!.bookId, request.params.id);
      const { from, to, cursor, limit = 50 } = request.query;
      if (from) atField('query:from', () => isoDate(from));
      if (to) atField('query:to', () => isoDate(to));
      return readRegister(app.db, account, { from, to, cursor, limit });
    },
  );
}
