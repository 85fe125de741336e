import { beforeAll, expect, it } from 'vitest';
import { type Client, expectProblem, signUp, signUpWithBook, testApp } from '../../../../test/support/api.ts';
import { memberWithRole, postTransaction } from '../../../../test/support/book-data.ts';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import type { Db } from '../../../db/connect.ts';
import type { App } from '../../types.ts';
import { existingTagIds } from './queries.ts';

describeEachDatabase('tags API', (ctx) => {
  let app: App;
  let db: Db;
  let owner: Client;
  let base: string;
  let bookId: number;

  const tags = async () => (await owner.get(`${base}/tags`)).body;
  const create = async (body: object) => {
    const reply = await owner.post(`${base}/tags`, body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body;
  };

  beforeAll(async () => {
    app = await testApp(ctx.database);
    db = ctx.database.db;
    ({
      client: owner,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
  });

  it('creates tags with a colour in lower case and lists them by name', async () => {
    const trip = await create({ name: ' Trip to Rome ', color: '#3B82F6' });
    expect(trip).toMatchObject({ name: 'Trip to Rome', color: '#3b82f6' });
    await create({ name: 'Business', color: null });
    await create({ name: 'kids' });
    const list = await tags();
    expect(list.map((tag: any) => [tag.name, tag.color])).toEqual([
      ['Business', null],
      ['kids', null],
      ['Trip to Rome', '#3b82f6'],
    ]);
    expect((await owner.get(`${base}/tags/${trip.id}`)).body).toEqual(trip);
  });

  it('refuses a taken name, a bad colour and bad bodies, writing nothing', async () => {
    const before = await tags();
    const taken = expectProblem(await owner.post(`${base}/tags`, { name: 'KIDS' }), 409, 'NAME_TAKEN');
    expect(taken.errors[0]?.field).toBe('/name');
    for (const body of [
      { name: 'Red', color: 'red' },
      { name: 'Red', color: '#ff000' },
      { name: 'Red', color: '#ff00001' },
      { name: '' },
      { name: '  ' },
      { name: 'Red', parent: 1 },
    ]) {
      expectProblem(await owner.post(`${base}/tags`, body), 400, 'VALIDATION_FAILED');
    }
    expect(await tags()).toEqual(before);
  });

  it('renames and recolours a tag; refuses a taken name, an empty patch and an unknown tag', async () => {
    const tag = await create({ name: 'Holiday' });
    const url = `${base}/tags/${tag.id}`;
    const changed = await owner.patch(url, { name: 'Holidays', color: '#00AA00' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Holidays', color: '#00aa00' });
    expect((await owner.patch(url, { color: null })).body.color).toBeNull();
    const before = await tags();
    expectProblem(await owner.patch(url, { name: 'business' }), 409, 'NAME_TAKEN');
    expectProblem(await owner.patch(url, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await owner.patch(url, { color: 'blue' }), 400, 'VALIDATION_FAILED');
    expectProblem(await owner.patch(`${base}/tags/999999`, { name: 'X' }), 404, 'NOT_FOUND');
    expect(await tags()).toEqual(before);
  });

  it('deletes a tag: its transactions stay and lose it', async () => {
    const tag = await create({ name: 'Gifts' });
    const kept = await create({ name: 'Birthday' });
    const checking = (await owner.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    const gifts = (await owner.post(`${base}/categories`, { name: 'Gifts', kind: 'expense' })).body.id;
    const transactionId = await postTransaction(db, bookId, {
      postings: [
        [checking, -100n],
        [gifts, 100n],
      ],
    });
    await db
      .insertInto('transaction_tags')
      .values(
        [tag.id, kept.id].map((tagId) => ({ transaction_id: transactionId, tag_id: tagId, book_id: bookId })),
      )
      .execute();
    expect((await owner.delete(`${base}/tags/${tag.id}`)).status).toBe(204);
    expectProblem(await owner.get(`${base}/tags/${tag.id}`), 404, 'NOT_FOUND');
    expectProblem(await owner.delete(`${base}/tags/${tag.id}`), 404, 'NOT_FOUND');
    const left = await db
      .selectFrom('transaction_tags')
      .select('tag_id')
      .where('transaction_id', '=', transactionId)
      .execute();
    expect(left.map((row) => row.tag_id)).toEqual([kept.id]);
    expect(
      await db.selectFrom('transactions').select('id').where('id', '=', transactionId).execute(),
    ).toHaveLength(1);
  });

  it('existingTagIds keeps the ids of this book’s tags only', async () => {
    const { id } = await create({ name: 'Work' });
    const stranger = await signUpWithBook(app);
    const theirs = (await stranger.client.post(`${stranger.base}/tags`, { name: 'Work' })).body;
    expect(await existingTagIds(db, bookId, [id, theirs.id, id, 999999])).toEqual(new Set([id]));
    expect(await existingTagIds(db, bookId, [])).toEqual(new Set());
  });

  it('answers 404 to a stranger, 403 to a viewer who writes', async () => {
    const tag = (await tags())[0];
    const stranger = await signUp(app);
    expectProblem(await stranger.get(`${base}/tags`), 404, 'NOT_FOUND');
    expectProblem(await stranger.delete(`${base}/tags/${tag.id}`), 404, 'NOT_FOUND');

    const viewer = await memberWithRole(app, db, bookId, 'viewer');
    const before = await tags();
    expect((await viewer.get(`${base}/tags/${tag.id}`)).body).toEqual(tag);
    const writes = [
      () => viewer.post(`${base}/tags`, { name: 'V' }),
      () => viewer.patch(`${base}/tags/${tag.id}`, { name: 'V' }),
      () => viewer.delete(`${base}/tags/${tag.id}`),
    ];
    for (const write of writes) expectProblem(await write(), 403, 'FORBIDDEN');
    expect(await tags()).toEqual(before);
  });
});
