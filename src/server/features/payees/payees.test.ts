import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, expectProblem, signUp, signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { memberWithRole, postTransaction } from '../../../../test/support/book-data.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import type { App } from '../../types.ts';
import { existingPayeeIds, findOrCreatePayee } from './queries.ts';

const NOW = '2026-11-21T10:00:00.000Z';

describeEachDatabase('payees API', (ctx) => {
  let app: App;
  let db: Db;
  let owner: Client;
  let base: string;
  let bookId: number;
  let checkingId: number;
  let groceriesId: number;
  let diningId: number;

  const payees = async (query = '') => (await owner.get(`${base}/payees${query}`)).body;
  const create = async (body: object) => {
    const reply = await owner.post(`${base}/payees`, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  const payeeOf = async (transactionId: number) =>
    (
      await db
        .selectFrom('transactions')
        .select('payee_id')
        .where('id', '=', transactionId)
        .executeTakeFirst()
    )?.payee_id;
  const spend = (payeeId: number) =>
    postTransaction(db, bookId, {
      payeeId,
      postings: [
        [checkingId, -500n],
        [groceriesId, 500n],
      ],
    });

  beforeAll(async () => {
    app = await testApp(ctx.database);
    db = ctx.database.db;
    ({
      client: owner,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
    checkingId = (await owner.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    groceriesId = (await owner.post(`${base}/categories`, { name: 'Groceries', kind: 'expense' })).body.id;
    diningId = (await owner.post(`${base}/categories`, { name: 'Dining', kind: 'expense' })).body.id;
  });

  describe('create and list', () => {
    it('creates payees and lists them by name, filtered and limited', async () => {
      const market = await create({ name: ' Market ', defaultCategoryId: groceriesId });
      expect(market).toMatchObject({ name: 'Market', defaultCategoryId: groceriesId });
      expect(market.createdAt).toBe(market.updatedAt);
      await create({ name: 'Supermarket 100%' });
      await create({ name: 'Bakery', defaultCategoryId: null });
      await create({ name: 'Café_Noir' });
      const names = (list: any[]) => list.map((payee) => payee.name);
      expect(names(await payees())).toEqual(['Bakery', 'Café_Noir', 'Market', 'Supermarket 100%']);
      expect(names(await payees('?q=MARKET'))).toEqual(['Market', 'Supermarket 100%']);
      expect(names(await payees('?q=0%25'))).toEqual(['Supermarket 100%']);
      expect(names(await payees('?q=%25'))).toEqual(['Supermarket 100%']);
      expect(names(await payees('?q=_'))).toEqual(['Café_Noir']);
      expect(names(await payees('?limit=2'))).toEqual(['Bakery', 'Café_Noir']);
      expect((await owner.get(`${base}/payees/${market.id}`)).body).toEqual(market);
      for (const query of ['?limit=0', '?limit=1001', `?q=${'x'.repeat(201)}`, '?sort=name']) {
        expectProblem(await owner.get(`${base}/payees${query}`), 400, 'VALIDATION_FAILED');
      }
    });

    it('refuses a taken name, a default category that is not one of the book, and bad bodies', async () => {
      const stranger = await signUpWithBook(app);
      const theirs = (
        await stranger.client.post(`${stranger.base}/categories`, { name: 'T', kind: 'expense' })
      ).body;
      const before = await payees();
      const taken = expectProblem(await owner.post(`${base}/payees`, { name: 'BAKERY' }), 409, 'NAME_TAKEN');
      expect(taken.errors[0]?.field).toBe('/name');
      for (const defaultCategoryId of [checkingId, theirs.id, 999999]) {
        const problem = expectProblem(
          await owner.post(`${base}/payees`, { name: 'Butcher', defaultCategoryId }),
          422,
          'UNKNOWN_ACCOUNT',
        );
        expect(problem.errors[0]?.field).toBe('/defaultCategoryId');
      }
      for (const body of [{ name: ' ' }, {}, { name: 'Butcher', notes: 'x' }, { name: 'x'.repeat(201) }]) {
        expectProblem(await owner.post(`${base}/payees`, body), 400, 'VALIDATION_FAILED');
      }
      expect(await payees()).toEqual(before);
    });
  });

  describe('change and delete', () => {
    it('renames a payee and sets or clears its default category', async () => {
      const payee = await create({ name: 'Pizza' });
      const url = `${base}/payees/${payee.id}`;
      const renamed = await owner.patch(url, { name: 'Pizzeria', defaultCategoryId: diningId });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Pizzeria', defaultCategoryId: diningId });
      expect((await owner.patch(url, { defaultCategoryId: null })).body.defaultCategoryId).toBeNull();
      expect((await owner.patch(url, { name: 'PIZZERIA' })).body.name).toBe('PIZZERIA');
    });

    it('refuses a taken name, an unknown category, an empty patch and an unknown payee', async () => {
      const payee = await create({ name: 'Florist' });
      const url = `${base}/payees/${payee.id}`;
      const before = await payees();
      expectProblem(await owner.patch(url, { name: 'market' }), 409, 'NAME_TAKEN');
      expectProblem(await owner.patch(url, { defaultCategoryId: checkingId }), 422, 'UNKNOWN_ACCOUNT');
      expectProblem(await owner.patch(url, {}), 400, 'VALIDATION_FAILED');
      expectProblem(await owner.patch(`${base}/payees/999999`, { name: 'X' }), 404, 'NOT_FOUND');
      expectProblem(await owner.delete(`${base}/payees/999999`), 404, 'NOT_FOUND');
      expect(await payees()).toEqual(before);
    });

    it('deletes a payee; its transactions stay, without a payee', async () => {
      const payee = await create({ name: 'Kiosk' });
      const transactionId = await spend(payee.id);
      expect((await owner.delete(`${base}/payees/${payee.id}`)).status).toBe(204);
      expectProblem(await owner.get(`${base}/payees/${payee.id}`), 404, 'NOT_FOUND');
      expect(await payeeOf(transactionId)).toBeNull();
    });
  });

  describe('merge', () => {
    it('moves the transactions and deletes the merged payee; the target adopts its default category', async () => {
      const source = await create({ name: 'ALDI SUED 123', defaultCategoryId: groceriesId });
      const target = await create({ name: 'Aldi' });
      const transactions = [await spend(source.id), await spend(source.id)];
      const untouched = await spend(target.id);
      const reply = await owner.post(`${base}/payees/${source.id}/merge`, { into: target.id });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: target.id, name: 'Aldi', defaultCategoryId: groceriesId });
      for (const id of [...transactions, untouched]) expect(await payeeOf(id)).toBe(target.id);
      expectProblem(await owner.get(`${base}/payees/${source.id}`), 404, 'NOT_FOUND');

      const third = await create({ name: 'Aldi Nord', defaultCategoryId: diningId });
      const kept = await owner.post(`${base}/payees/${third.id}/merge`, { into: target.id });
      expect(kept.body.defaultCategoryId).toBe(groceriesId);
    });

    it('refuses an unknown target or the payee itself, changing nothing', async () => {
      const payee = await create({ name: 'Lidl' });
      const transactionId = await spend(payee.id);
      const stranger = await signUpWithBook(app);
      const theirs = (await stranger.client.post(`${stranger.base}/payees`, { name: 'Lidl' })).body;
      const before = await payees();
      const url = `${base}/payees/${payee.id}/merge`;
      for (const into of [999999, theirs.id]) {
        const problem = expectProblem(await owner.post(url, { into }), 422, 'UNKNOWN_PAYEE');
        expect(problem.errors[0]?.field).toBe('/into');
      }
      expectProblem(await owner.post(url, { into: payee.id }), 400, 'VALIDATION_FAILED');
      expectProblem(await owner.post(`${base}/payees/999999/merge`, { into: payee.id }), 404, 'NOT_FOUND');
      expect(await payees()).toEqual(before);
      expect(await payeeOf(transactionId)).toBe(payee.id);
    });
  });

  describe('helpers for the transactions service', () => {
    it('findOrCreatePayee matches trimmed names ignoring case, and creates the missing', async () => {
      const { id } = await create({ name: 'Bookshop' });
      expect(await findOrCreatePayee(db, bookId, '  bookSHOP ', NOW)).toBe(id);
      const created = await findOrCreatePayee(db, bookId, ' Newsagent ', NOW);
      expect((await owner.get(`${base}/payees/${created}`)).body).toMatchObject({ name: 'Newsagent' });
      expect(await findOrCreatePayee(db, bookId, 'NEWSAGENT', NOW)).toBe(created);
      await expect(findOrCreatePayee(db, bookId, '   ', NOW)).rejects.toThrow('blank');
    });

    it('existingPayeeIds keeps the ids of this book’s payees only', async () => {
      const { id } = await create({ name: 'Optician' });
      const stranger = await signUpWithBook(app);
      const theirs = (await stranger.client.post(`${stranger.base}/payees`, { name: 'Optician' })).body;
      expect(await existingPayeeIds(db, bookId, [id, id, theirs.id, 999999])).toEqual(new Set([id]));
      expect(await existingPayeeIds(db, bookId, [])).toEqual(new Set());
    });
  });

  describe('access', () => {
    it('answers 404 to a stranger, 403 to a viewer who writes', async () => {
      const payee = (await payees())[0];
      const stranger = await signUp(app);
      expectProblem(await stranger.get(`${base}/payees`), 404, 'NOT_FOUND');
      expectProblem(await stranger.patch(`${base}/payees/${payee.id}`, { name: 'S' }), 404, 'NOT_FOUND');

      const viewer = await memberWithRole(app, db, bookId, 'viewer');
      const before = await payees();
      expect((await viewer.get(`${base}/payees`)).body).toEqual(before);
      const writes = [
        () => viewer.post(`${base}/payees`, { name: 'V' }),
        () => viewer.patch(`${base}/payees/${payee.id}`, { name: 'V' }),
        () => viewer.delete(`${base}/payees/${payee.id}`),
        () => viewer.post(`${base}/payees/${payee.id}/merge`, { into: before[1].id }),
      ];
      for (const write of writes) expectProblem(await write(), 403, 'FORBIDDEN');
      expect(await payees()).toEqual(before);
    });
  });
});
