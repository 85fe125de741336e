import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, expectProblem, signUp, signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { memberWithRole } from '../../../../test/support/book-data.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { App } from '../../types.ts';

describeEachDatabase('category groups API', (ctx) => {
  let app: App;
  let owner: Client;
  let base: string;
  let bookId: number;

  const groups = async () => (await owner.get(`${base}/category-groups`)).body;
  const createGroup = async (body: object) => {
    const reply = await owner.post(`${base}/category-groups`, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({
      client: owner,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
  });

  describe('create and list', () => {
    it('lists groups by kind, position and name; a group without a position goes last', async () => {
      const bills = await createGroup({ name: '  Bills ', kind: 'expense' });
      expect(bills).toMatchObject({ name: 'Bills', kind: 'expense', position: 0, hidden: false });
      expect(bills.createdAt).toBe(bills.updatedAt);
      await createGroup({ name: 'Food', kind: 'expense' });
      await createGroup({ name: 'Away', kind: 'expense', position: 1 });
      await createGroup({ name: 'Salary', kind: 'income', hidden: true });
      const list = await groups();
      expect(list.map((group: any) => [group.kind, group.name, group.position])).toEqual([
        ['expense', 'Bills', 0],
        ['expense', 'Away', 1],
        ['expense', 'Food', 1],
        ['income', 'Salary', 0],
      ]);
      expect(list[3].hidden).toBe(true);
    });

    it('refuses a name taken in the same kind, ignoring case; the other kind may use it', async () => {
      const before = await groups();
      const problem = expectProblem(
        await owner.post(`${base}/category-groups`, { name: 'FOOD', kind: 'expense' }),
        409,
        'NAME_TAKEN',
      );
      expect(problem.errors).toEqual([expect.objectContaining({ field: '/name', code: 'NAME_TAKEN' })]);
      expect(await groups()).toEqual(before);
      await createGroup({ name: 'food', kind: 'income' });
    });

    it.each([
      ['a blank name', { name: '   ', kind: 'expense' }],
      ['no kind', { name: 'Misc' }],
      ['a kind that is not one', { name: 'Misc', kind: 'asset' }],
      ['a negative position', { name: 'Misc', kind: 'expense', position: -1 }],
      ['a name too long', { name: 'x'.repeat(201), kind: 'expense' }],
      ['an unknown field', { name: 'Misc', kind: 'expense', colour: 'red' }],
    ])('refuses %s with VALIDATION_FAILED and writes nothing', async (_what, body) => {
      const before = await groups();
      expectProblem(await owner.post(`${base}/category-groups`, body), 400, 'VALIDATION_FAILED');
      expect(await groups()).toEqual(before);
    });
  });

  describe('change', () => {
    it('renames, reorders and hides a group, keeping its kind', async () => {
      const group = await createGroup({ name: 'Fun', kind: 'expense' });
      const reply = await owner.patch(`${base}/category-groups/${group.id}`, {
        name: 'Leisure',
        position: 7,
        hidden: true,
      });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        id: group.id,
        name: 'Leisure',
        kind: 'expense',
        position: 7,
        hidden: true,
      });
      expect((await owner.get(`${base}/category-groups/${group.id}`)).body).toEqual(reply.body);
      const same = await owner.patch(`${base}/category-groups/${group.id}`, { name: 'leisure' });
      expect(same.body.name).toBe('leisure');
    });

    it('refuses a taken name, an empty patch, a kind change and an unknown group', async () => {
      const group = await createGroup({ name: 'Travel', kind: 'expense' });
      const before = await groups();
      const url = `${base}/category-groups/${group.id}`;
      expectProblem(await owner.patch(url, { name: 'bills' }), 409, 'NAME_TAKEN');
      expectProblem(await owner.patch(url, {}), 400, 'VALIDATION_FAILED');
      expectProblem(await owner.patch(url, { kind: 'income' }), 400, 'VALIDATION_FAILED');
      expectProblem(await owner.patch(`${base}/category-groups/999999`, { name: 'X' }), 404, 'NOT_FOUND');
      expect(await groups()).toEqual(before);
    });
  });

  describe('delete', () => {
    const categoriesIn = async (groupId: number) =>
      (await owner.get(`${base}/categories`)).body.filter((category: any) => category.groupId === groupId);

    it('deletes an empty group', async () => {
      const group = await createGroup({ name: 'Empty', kind: 'expense' });
      expect((await owner.delete(`${base}/category-groups/${group.id}`)).status).toBe(204);
      expectProblem(await owner.get(`${base}/category-groups/${group.id}`), 404, 'NOT_FOUND');
    });

    it('keeps a group with categories unless they move to a group of the same kind', async () => {
      const home = await createGroup({ name: 'Home', kind: 'expense' });
      const house = await createGroup({ name: 'House', kind: 'expense' });
      const wages = await createGroup({ name: 'Wages', kind: 'income' });
      const rent = await owner.post(`${base}/categories`, {
        name: 'Rent',
        kind: 'expense',
        groupId: home.id,
      });
      expect(rent.status).toBe(201);
      const before = await groups();
      const url = `${base}/category-groups/${home.id}`;

      expectProblem(await owner.delete(url), 409, 'CATEGORY_GROUP_IN_USE');
      for (const moveTo of [wages.id, 999999]) {
        const problem = expectProblem(
          await owner.delete(`${url}?moveTo=${moveTo}`),
          422,
          'UNKNOWN_CATEGORY_GROUP',
        );
        expect(problem.errors[0]?.field).toBe('query:moveTo');
      }
      expectProblem(await owner.delete(`${url}?moveTo=${home.id}`), 400, 'VALIDATION_FAILED');
      expect(await groups()).toEqual(before);
      expect((await categoriesIn(home.id)).map((c: any) => c.name)).toEqual(['Rent']);

      expect((await owner.delete(`${url}?moveTo=${house.id}`)).status).toBe(204);
      expect((await categoriesIn(house.id)).map((c: any) => c.name)).toEqual(['Rent']);
      expect((await groups()).some((group: any) => group.id === home.id)).toBe(false);
    });
  });

  describe('access', () => {
    it('answers 404 to a stranger and 401 to the anonymous', async () => {
      const group = (await groups())[0];
      const stranger = await signUp(app);
      expectProblem(await stranger.get(`${base}/category-groups`), 404, 'NOT_FOUND');
      expectProblem(
        await stranger.patch(`${base}/category-groups/${group.id}`, { name: 'Mine' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await stranger.delete(`${base}/category-groups/${group.id}`), 404, 'NOT_FOUND');
      const anonymous = await app.inject({ method: 'GET', url: `${base}/category-groups` });
      expect(anonymous.statusCode).toBe(401);
    });

    it('does not reach a group of another book through one’s own', async () => {
      const other = await signUpWithBook(app);
      const theirs = (
        await other.client.post(`${other.base}/category-groups`, { name: 'X', kind: 'expense' })
      ).body;
      expectProblem(await owner.get(`${base}/category-groups/${theirs.id}`), 404, 'NOT_FOUND');
      expectProblem(await owner.delete(`${base}/category-groups/${theirs.id}`), 404, 'NOT_FOUND');
      expect((await other.client.get(`${other.base}/category-groups/${theirs.id}`)).status).toBe(200);
    });

    it('lets a viewer read but not write', async () => {
      const viewer = await memberWithRole(app, ctx.database.db, bookId, 'viewer');
      const list = await groups();
      expect((await viewer.get(`${base}/category-groups`)).body).toEqual(list);
      const id = list[0].id;
      expectProblem(
        await viewer.post(`${base}/category-groups`, { name: 'V', kind: 'expense' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await viewer.patch(`${base}/category-groups/${id}`, { name: 'V' }), 403, 'FORBIDDEN');
      expectProblem(await viewer.delete(`${base}/category-groups/${id}`), 403, 'FORBIDDEN');
      expect(await groups()).toEqual(list);
    });

    it('lets an editor write', async () => {
      const editor = await memberWithRole(app, ctx.database.db, bookId, 'editor');
      const reply = await editor.post(`${base}/category-groups`, { name: 'Editor’s', kind: 'income' });
      expect(reply.status).toBe(201);
    });
  });
});
