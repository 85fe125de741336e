import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { expectProblem, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { envelopeBook, envelopes, eur } from '../support/envelope.ts';

describeEachDatabase('category targets and the targets fill', (ctx) => {
  let app: App;
  let book: Awaited<ReturnType<typeof envelopeBook>>;
  const patch = (id: number, body: unknown) =>
    book.client.request('PATCH', `${book.base}/categories/${id}`, body);
  const fill = (month: string, body: unknown) =>
    book.client.post(`${book.base}/envelope/months/${month}/fill`, body);
  const assigned = async (month: string) =>
    Object.fromEntries(
      Object.entries(envelopes(await book.month(month))).map(([name, row]) => [name, row[1]]),
    );
  const targetOf = async (id: number) => (await book.client.get(`${book.base}/categories/${id}`)).body.target;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    book = await envelopeBook(app);
    await book.earn('2026-01-02', '5000.00');
    expect((await book.assign('2026-02', book.ids.fun, eur('25.00'))).status).toBe(200);
  });

  it('sets, shows, lists and clears a target through the category’s PATCH', async () => {
    const { ids, client, base } = book;
    const set = await patch(ids.groceries, { target: eur('400') });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: ids.groceries, name: 'Groceries', target: eur('400.00') });
    expect(await targetOf(ids.groceries)).toEqual(eur('400.00'));
    const listed = (await client.get(`${base}/categories`)).body as any[];
    expect(Object.fromEntries(listed.map((c) => [c.name, c.target]))).toEqual({
      Fun: null,
      Groceries: eur('400.00'),
      Rent: null,
      Salary: null,
    });
    // Other fields of the PATCH leave the target alone; null clears it; zero is a target of zero.
    expect((await patch(ids.groceries, { notes: 'weekly shop' })).body.target).toEqual(eur('400.00'));
    expect((await patch(ids.groceries, { target: null })).body.target).toBeNull();
    expect((await patch(ids.groceries, { target: eur('0') })).body.target).toEqual(eur('0.00'));
    expect((await patch(ids.groceries, { target: null })).body.target).toBeNull();
  });

  it('refuses a negative target, another currency, too many decimals and an income category, changing nothing', async () => {
    const { ids } = book;
    expect((await patch(ids.rent, { target: eur('950.00') })).status).toBe(200);
    const refused = async (id: number, body: unknown, status: number, code: string) =>
      expectProblem(await patch(id, body), status, code).errors.map((e) => `${e.field} ${e.code}`);
    expect(await refused(ids.rent, { target: eur('-1.00') }, 422, 'INVALID_AMOUNT')).toEqual([
      '/target/amount INVALID_AMOUNT',
    ]);
    expect(
      await refused(ids.rent, { target: { amount: '1.00', currency: 'USD' } }, 422, 'CURRENCY_MISMATCH'),
    ).toEqual(['/target/currency CURRENCY_MISMATCH']);
    expect(await refused(ids.rent, { target: eur('1.001') }, 422, 'TOO_MANY_DECIMALS')).toEqual([
      '/target/amount TOO_MANY_DECIMALS',
    ]);
    expect(await refused(ids.salary, { target: eur('10.00') }, 422, 'INVALID_ACCOUNT_KIND')).toEqual([
      '/target INVALID_ACCOUNT_KIND',
    ]);
    expectProblem(await patch(ids.rent, { target: { amount: 'ten' } }), 400, 'VALIDATION_FAILED');
    // Nothing was written, the rest of a refused PATCH included.
    expectProblem(await patch(ids.rent, { name: 'Renamed', target: eur('-5') }), 422, 'INVALID_AMOUNT');
    expect((await book.client.get(`${book.base}/categories/${ids.rent}`)).body).toMatchObject({
      name: 'Rent',
      target: eur('950.00'),
    });
    expect(await targetOf(ids.salary)).toBeNull();
    expect((await patch(ids.salary, { target: null })).status).toBe(200);
  });

  it('fills each category with a target to exactly its target, leaves the others, and undoes in one write', async () => {
    const { ids, client, base } = book;
    expect((await patch(ids.groceries, { target: eur('412.37') })).status).toBe(200);
    expect((await patch(ids.rent, { target: eur('950.00') })).status).toBe(200);
    expect((await patch(ids.fun, { target: null })).status).toBe(200);
    expect((await book.assign('2026-03', ids.rent, eur('700.00'))).status).toBe(200);
    expect((await book.assign('2026-03', ids.fun, eur('30.00'))).status).toBe(200);

    const reply = await fill('2026-03', { strategy: 'targets' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      written: 2,
      months: ['2026-03'],
      cells: [
        { month: '2026-03', categoryId: ids.groceries, amount: eur('412.37') },
        { month: '2026-03', categoryId: ids.rent, amount: eur('950.00') },
      ],
      previous: [
        { month: '2026-03', categoryId: ids.groceries, amount: eur('0.00') },
        { month: '2026-03', categoryId: ids.rent, amount: eur('700.00') },
      ],
    });
    expect(await assigned('2026-03')).toEqual({ Fun: '30.00', Groceries: '412.37', Rent: '950.00' });

    // Undo: the previous cells sent back as one bulk write.
    const undo = await client.request('PUT', `${base}/envelope/assignments`, { cells: reply.body.previous });
    expect(undo.status).toBe(200);
    expect(await assigned('2026-03')).toEqual({ Fun: '30.00', Groceries: '0.00', Rent: '700.00' });

    // Chosen categories only; one without a target is left out, not refused.
    const chosen = await fill('2026-03', { strategy: 'targets', categoryIds: [ids.fun, ids.rent] });
    expect(chosen.body.cells).toEqual([{ month: '2026-03', categoryId: ids.rent, amount: eur('950.00') }]);
    const none = await fill('2026-03', { strategy: 'targets', categoryIds: [ids.fun] });
    expect(none.body).toEqual({ written: 0, months: [], cells: [], previous: [] });
    expect(await assigned('2026-03')).toEqual({ Fun: '30.00', Groceries: '0.00', Rent: '950.00' });
    // The other helpers' refusals hold for this one too.
    expectProblem(
      await fill('2026-03', { strategy: 'targets', categoryIds: [ids.salary] }),
      422,
      'INVALID_ACCOUNT_KIND',
    );
    expectProblem(await fill('2025-12', { strategy: 'targets' }), 422, 'INVALID_DATE');
  });
});
