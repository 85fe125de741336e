import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, expectProblem, signUp, signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { balanceDrift, memberWithRole, postTransaction } from '../../../../test/support/book-data.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import type { App } from '../../types.ts';

describeEachDatabase('categories API', (ctx) => {
  let app: App;
  let db: Db;
  let owner: Client;
  let base: string;
  let bookId: number;
  let checkingId: number;
  let foodGroupId: number;
  let salaryGroupId: number;

  const categories = async (query = '') => (await owner.get(`${base}/categories${query}`)).body;
  const create = async (body: object) => {
    const reply = await owner.post(`${base}/categories`, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };
  /** Spends `minor` cents from checking into the category. */
  const spend = (categoryId: number, minor: bigint, payeeId: number | null = null) =>
    postTransaction(db, bookId, {
      payeeId,
      postings: [
        [checkingId, -minor],
        [categoryId, minor],
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
    foodGroupId = (await owner.post(`${base}/category-groups`, { name: 'Food', kind: 'expense' })).body.id;
    salaryGroupId = (await owner.post(`${base}/category-groups`, { name: 'Salary', kind: 'income' })).body.id;
  });

  describe('create and list', () => {
    it('creates categories as income and expense accounts in the base currency by default', async () => {
      const groceries = await create({
        name: ' Groceries ',
        kind: 'expense',
        groupId: foodGroupId,
        notes: 'Weekly',
      });
      expect(groceries).toMatchObject({
        name: 'Groceries',
        type: 'expense',
        subtype: null,
        currency: 'EUR',
        groupId: foodGroupId,
        parentId: null,
        notes: 'Weekly',
        hidden: false,
        archived: false,
        balance: { amount: '0.00', currency: 'EUR' },
      });
      const wages = await create({ name: 'Wages', kind: 'income', groupId: salaryGroupId, currency: 'USD' });
      expect(wages).toMatchObject({
        type: 'income',
        currency: 'USD',
        balance: { amount: '0.00', currency: 'USD' },
      });
      const fruit = await create({ name: 'Fruit', kind: 'expense', parentId: groceries.id });
      expect(fruit.parentId).toBe(groceries.id);
      expect((await owner.get(`${base}/categories/${groceries.id}`)).body).toEqual(groceries);
    });

    it('lists categories only, filtered by kind, hidden and archived', async () => {
      const hiddenGroup = (
        await owner.post(`${base}/category-groups`, { name: 'Old', kind: 'expense', hidden: true })
      ).body;
      await create({ name: 'Fax', kind: 'expense', groupId: hiddenGroup.id });
      const hidden = await create({ name: 'Secret', kind: 'expense' });
      await owner.patch(`${base}/categories/${hidden.id}`, { hidden: true });
      const archived = await create({ name: 'Bygone', kind: 'expense' });
      await owner.post(`${base}/accounts/${archived.id}/archive`);

      const names = (list: any[]) => list.map((category) => category.name);
      expect(names(await categories())).toEqual(['Fax', 'Fruit', 'Groceries', 'Secret', 'Wages']);
      expect(names(await categories('?kind=income'))).toEqual(['Wages']);
      expect(names(await categories('?includeHidden=false'))).toEqual(['Fruit', 'Groceries', 'Wages']);
      expect(names(await categories('?includeArchived=true&kind=expense'))).toContain('Bygone');
      expectProblem(await owner.get(`${base}/categories?kind=asset`), 400, 'VALIDATION_FAILED');
    });

    it('refuses a group of the other kind or of no group of this book, at /groupId', async () => {
      const stranger = await signUpWithBook(app);
      const theirGroup = (
        await stranger.client.post(`${stranger.base}/category-groups`, { name: 'T', kind: 'expense' })
      ).body;
      const before = await categories('?includeArchived=true');
      for (const groupId of [salaryGroupId, 999999, theirGroup.id]) {
        const problem = expectProblem(
          await owner.post(`${base}/categories`, { name: 'Snacks', kind: 'expense', groupId }),
          422,
          'UNKNOWN_CATEGORY_GROUP',
        );
        expect(problem.errors[0]?.field).toBe('/groupId');
      }
      expect(await categories('?includeArchived=true')).toEqual(before);
    });

    it('refuses a taken category name, a bad parent, currency or body; an account may share the name', async () => {
      const before = await categories('?includeArchived=true');
      const taken = expectProblem(
        await owner.post(`${base}/categories`, { name: 'WAGES', kind: 'expense' }),
        409,
        'NAME_TAKEN',
      );
      expect(taken.errors[0]?.field).toBe('/name');
      expectProblem(
        await owner.post(`${base}/categories`, { name: 'Bonus', kind: 'income', parentId: checkingId }),
        422,
        'INVALID_PARENT',
      );
      expectProblem(
        await owner.post(`${base}/categories`, { name: 'Bonus', kind: 'income', currency: 'XXY' }),
        422,
        'UNKNOWN_CURRENCY',
      );
      for (const body of [
        { name: '  ', kind: 'expense' },
        { name: 'Bonus', kind: 'asset' },
        { name: 'Bonus', kind: 'income', type: 'income' },
      ]) {
        expectProblem(await owner.post(`${base}/categories`, body), 400, 'VALIDATION_FAILED');
      }
      expect(await categories('?includeArchived=true')).toEqual(before);
      await create({ name: 'Checking', kind: 'expense' });
    });
  });

  describe('change', () => {
    it('renames, regroups, hides and annotates a category', async () => {
      const category = await create({ name: 'Snacks', kind: 'expense' });
      const reply = await owner.patch(`${base}/categories/${category.id}`, {
        name: 'Treats',
        groupId: foodGroupId,
        hidden: true,
        notes: 'Sweet',
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        name: 'Treats',
        groupId: foodGroupId,
        hidden: true,
        notes: 'Sweet',
      });
      const ungrouped = await owner.patch(`${base}/categories/${category.id}`, {
        groupId: null,
        notes: null,
      });
      expect(ungrouped.body).toMatchObject({ groupId: null, notes: null });
    });

    it('refuses a group of the other kind, a taken name, and ids that are not categories of the book', async () => {
      const category = await create({ name: 'Taxi', kind: 'expense', groupId: foodGroupId });
      const url = `${base}/categories/${category.id}`;
      const problem = expectProblem(
        await owner.patch(url, { groupId: salaryGroupId }),
        422,
        'UNKNOWN_CATEGORY_GROUP',
      );
      expect(problem.errors[0]?.field).toBe('/groupId');
      expectProblem(await owner.patch(url, { name: 'groceries' }), 409, 'NAME_TAKEN');
      expectProblem(await owner.patch(url, { currency: 'USD' }), 400, 'VALIDATION_FAILED');
      expect((await owner.get(url)).body).toEqual(category);
      expectProblem(await owner.patch(`${base}/categories/${checkingId}`, { name: 'X' }), 404, 'NOT_FOUND');
      expectProblem(await owner.get(`${base}/categories/${checkingId}`), 404, 'NOT_FOUND');
      expectProblem(await owner.delete(`${base}/categories/${checkingId}`), 404, 'NOT_FOUND');
    });
  });

  describe('delete and merge', () => {
    it('deletes a category without postings', async () => {
      const category = await create({ name: 'Unused', kind: 'expense' });
      expect((await owner.delete(`${base}/categories/${category.id}`)).status).toBe(204);
      expectProblem(await owner.get(`${base}/categories/${category.id}`), 404, 'NOT_FOUND');
    });

    it('keeps a category with postings unless they move to a category of the same currency', async () => {
      const dining = await create({ name: 'Dining', kind: 'expense' });
      const restaurants = await create({ name: 'Restaurants', kind: 'expense' });
      const dollars = await create({ name: 'Dollar things', kind: 'expense', currency: 'USD' });
      const closed = await create({ name: 'Closed', kind: 'expense' });
      await owner.post(`${base}/accounts/${closed.id}/archive`);
      const payee = (await owner.post(`${base}/payees`, { name: 'Bistro', defaultCategoryId: dining.id }))
        .body;
      const first = await spend(dining.id, 1250n, payee.id);
      await spend(dining.id, 730n);
      await spend(restaurants.id, 1000n);
      const url = `${base}/categories/${dining.id}`;
      const before = await categories('?includeArchived=true');

      expectProblem(await owner.delete(url), 409, 'ACCOUNT_IN_USE');
      const refusals = [
        [dollars.id, 422, 'CURRENCY_MISMATCH'],
        [checkingId, 422, 'UNKNOWN_ACCOUNT'],
        [999999, 422, 'UNKNOWN_ACCOUNT'],
        [closed.id, 422, 'ACCOUNT_ARCHIVED'],
        [dining.id, 400, 'VALIDATION_FAILED'],
      ] as const;
      for (const [moveTo, status, code] of refusals) {
        const problem = expectProblem(await owner.delete(`${url}?moveTo=${moveTo}`), status, code);
        expect(problem.errors[0]?.field).toBe('query:moveTo');
      }
      expect(await categories('?includeArchived=true')).toEqual(before);

      expect((await owner.delete(`${url}?moveTo=${restaurants.id}`)).status).toBe(204);
      expectProblem(await owner.get(url), 404, 'NOT_FOUND');
      const merged = (await owner.get(`${base}/categories/${restaurants.id}`)).body;
      expect(merged.balance).toEqual({ amount: '29.80', currency: 'EUR' });
      const moved = await db
        .selectFrom('postings')
        .select('account_id')
        .where('transaction_id', '=', first)
        .execute();
      expect(moved.map((row) => row.account_id).sort()).toEqual([checkingId, restaurants.id].sort());
      expect((await owner.get(`${base}/payees/${payee.id}`)).body.defaultCategoryId).toBe(restaurants.id);
      expect(await balanceDrift(db, bookId)).toEqual([]);
    });

    it('merges with POST /categories/:id/merge, answering the category merged into', async () => {
      const coffee = await create({ name: 'Coffee', kind: 'expense' });
      const cafes = await create({ name: 'Cafés', kind: 'expense' });
      await spend(coffee.id, 350n);
      await spend(cafes.id, -100n);
      const url = `${base}/categories/${coffee.id}/merge`;
      const problem = expectProblem(await owner.post(url, { into: checkingId }), 422, 'UNKNOWN_ACCOUNT');
      expect(problem.errors[0]?.field).toBe('/into');
      expectProblem(await owner.post(url, {}), 400, 'VALIDATION_FAILED');
      const reply = await owner.post(url, { into: cafes.id });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ id: cafes.id, balance: { amount: '2.50', currency: 'EUR' } });
      expect(await balanceDrift(db, bookId)).toEqual([]);
    });

    it('refuses to merge away a category that has sub-categories', async () => {
      const parent = await create({ name: 'Car', kind: 'expense' });
      await create({ name: 'Fuel', kind: 'expense', parentId: parent.id });
      const into = await create({ name: 'Transport', kind: 'expense' });
      await spend(parent.id, 100n);
      expectProblem(
        await owner.post(`${base}/categories/${parent.id}/merge`, { into: into.id }),
        409,
        'ACCOUNT_IN_USE',
      );
      expect((await owner.get(`${base}/categories/${parent.id}`)).body.balance.amount).toBe('1.00');
      expect(await balanceDrift(db, bookId)).toEqual([]);
    });
  });

  describe('access', () => {
    it('answers 404 to a stranger, 403 to a viewer who writes', async () => {
      const category = (await categories())[0];
      const stranger = await signUp(app);
      expectProblem(await stranger.get(`${base}/categories`), 404, 'NOT_FOUND');
      expectProblem(
        await stranger.post(`${base}/categories`, { name: 'S', kind: 'expense' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await stranger.delete(`${base}/categories/${category.id}`), 404, 'NOT_FOUND');

      const viewer = await memberWithRole(app, db, bookId, 'viewer');
      const before = await categories();
      expect((await viewer.get(`${base}/categories`)).body).toEqual(before);
      expect((await viewer.get(`${base}/categories/${category.id}`)).status).toBe(200);
      const writes = [
        () => viewer.post(`${base}/categories`, { name: 'V', kind: 'expense' }),
        () => viewer.patch(`${base}/categories/${category.id}`, { name: 'V' }),
        () => viewer.delete(`${base}/categories/${category.id}`),
        () => viewer.post(`${base}/categories/${category.id}/merge`, { into: category.id }),
      ];
      for (const write of writes) expectProblem(await write(), 403, 'FORBIDDEN');
      expect(await categories()).toEqual(before);
    });
  });
});
