import { expect, it } from 'vitest';
import { expectProblem, signUp, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('book members', (ctx) => {
  it('lets owners change roles and remove members, members leave, and a book always keeps an owner', async () => {
    const app = await testApp(ctx.database);
    const { client: owner, base, book } = await signUpWithBook(app);
    const join = async (role: 'viewer' | 'editor') => {
      const member = await signUp(app, role);
      await ctx.database.db
        .insertInto('book_members')
        .values({ book_id: book.id, user_id: member.user!.id, role, created_at: new Date().toISOString() })
        .execute();
      return member;
    };
    const viewer = await join('viewer');
    const editor = await join('editor');
    const roles = async () =>
      Object.fromEntries((await owner.get(`${base}/members`)).body.map((m: any) => [m.userId, m.role]));

    expectProblem(
      await owner.patch(`${base}/members/${owner.user!.id}`, { role: 'editor' }),
      409,
      'LAST_OWNER',
    );
    expectProblem(await owner.delete(`${base}/members/${owner.user!.id}`), 409, 'LAST_OWNER');
    expectProblem(await editor.delete(`${base}/members/${viewer.user!.id}`), 403, 'FORBIDDEN');
    expectProblem(
      await owner.patch(`${base}/members/${viewer.user!.id}`, { role: 'admin' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await owner.patch(`${base}/members/999999`, { role: 'editor' }), 404, 'NOT_FOUND');
    expect(await roles()).toEqual({
      [owner.user!.id]: 'owner',
      [viewer.user!.id]: 'viewer',
      [editor.user!.id]: 'editor',
    });

    const promoted = await owner.patch(`${base}/members/${viewer.user!.id}`, { role: 'owner' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ userId: viewer.user!.id, role: 'owner' });
    expect((await owner.patch(`${base}/members/${owner.user!.id}`, { role: 'viewer' })).body.role).toBe(
      'viewer',
    );
    expectProblem(await owner.post(`${base}/accounts`, { name: 'A', type: 'asset' }), 403, 'FORBIDDEN');

    expect((await viewer.delete(`${base}/members/${editor.user!.id}`)).status).toBe(204);
    expectProblem(await editor.get(base), 404, 'NOT_FOUND');
    expect((await owner.delete(`${base}/members/${owner.user!.id}`)).status).toBe(204);
    expectProblem(await owner.get(base), 404, 'NOT_FOUND');
    expect((await viewer.get(`${base}/members`)).body.map((m: any) => m.userId)).toEqual([viewer.user!.id]);
    await app.close();
  });
});
