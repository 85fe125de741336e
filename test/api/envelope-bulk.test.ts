import { beforeAll, expect, it } from 'vitest';
import { MAX_BULK_CELLS } from '../../src/contract/envelope-bulk.ts';
import type { App } from '../../src/server/types.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { envelopeBook, envelopes, eur } from '../support/envelope.ts';

describeEachDatabase('envelope bulk budgeting and fill helpers', (ctx) => {
  let app: App;
  let book: Awaited<ReturnType<typeof envelopeBook>>;
  const bulk = (cells: unknown) => book.client.request('PUT', `${book.base}/envelope/assignments`, { cells });
  const fill = (month: string, body: unknown) =>
    book.client.post(`${book.base}/envelope/months/${month}/fill`, body);
  const assigned = async (month: string) =>
    Object.fromEntries(
      Object.entries(envelopes(await book.month(month))).map(([name, row]) => [name, row[1]]),
    );

  beforeAll(async () => {
    app = await testApp(ctx.database);
    book = await envelopeBook(app);
    const { ids, earn, spend, assign, client, base } = book;
    await earn('2026-01-02', '5000.00');
    // Spending of January–March: groceries 100 / 200 / 250, rent 1000 each, fun 10 / 0 / 5 − a 20 refund.
    for (const [date, id, amount] of [
      ['2026-01-10', ids.groceries, '100.00'],
      ['2026-02-10', ids.groceries, '200.00'],
      ['2026-03-10', ids.groceries, '250.00'],
      ['2026-01-01', ids.rent, '1000.00'],
      ['2026-02-01', ids.rent, '1000.00'],
      ['2026-03-01', ids.rent, '1000.00'],
      ['2026-01-20', ids.fun, '10.00'],
      ['2026-03-20', ids.fun, '5.00'],
    ] as const)
      await spend(date, id, amount);
    const refund = await client.post(`${base}/transactions`, {
      date: '2026-03-21',
      postings: [
        { accountId: ids.checking, amount: eur('20.00') },
        { accountId: ids.fun, amount: eur('-20.00') },
      ],
    });
    expect(refund.status).toBe(201);
    // March assigns groceries 300 and rent 1000 (fun nothing); April already gives fun 50.
    await assign('2026-03', ids.groceries, eur('300.00'));
    await assign('2026-03', ids.rent, eur('1000.00'));
    await assign('2026-04', ids.fun, eur('50.00'));
  });

  it('writes every cell of several months exactly, zero clearing, and answers what each held before', async () => {
    const { ids } = book;
    const reply = await bulk([
      { month: '2026-05', categoryId: ids.groceries, amount: eur('123.45') },
      { month: '2026-06', categoryId: ids.groceries, amount: eur('-0.01') },
      { month: '2026-05', categoryId: ids.rent, amount: eur('1000') },
      { month: '2026-04', categoryId: ids.fun, amount: eur('0') },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      written: 4,
      months: ['2026-04', '2026-05', '2026-06'],
      cells: [
        { month: '2026-05', categoryId: ids.groceries, amount: eur('123.45') },
        { month: '2026-06', categoryId: ids.groceries, amount: eur('-0.01') },
        { month: '2026-05', categoryId: ids.rent, amount: eur('1000.00') },
        { month: '2026-04', categoryId: ids.fun, amount: eur('0.00') },
      ],
      previous: [
        { month: '2026-05', categoryId: ids.groceries, amount: eur('0.00') },
        { month: '2026-06', categoryId: ids.groceries, amount: eur('0.00') },
        { month: '2026-05', categoryId: ids.rent, amount: eur('0.00') },
        { month: '2026-04', categoryId: ids.fun, amount: eur('50.00') },
      ],
    });
    expect(await assigned('2026-05')).toEqual({ Groceries: '123.45', Rent: '1000.00', Fun: '0.00' });
    expect(await assigned('2026-06')).toEqual({ Groceries: '-0.01', Rent: '0.00', Fun: '0.00' });
    expect((await assigned('2026-04')).Fun).toBe('0.00');
    // Undo: the previous cells sent back restore every month exactly.
    expect((await bulk(reply.body.previous)).status).toBe(200);
    expect(await assigned('2026-05')).toEqual({ Groceries: '0.00', Rent: '0.00', Fun: '0.00' });
    expect(await assigned('2026-06')).toEqual({ Groceries: '0.00', Rent: '0.00', Fun: '0.00' });
    expect(await assigned('2026-04')).toEqual({ Groceries: '0.00', Rent: '0.00', Fun: '50.00' });
  });

  it('refuses bad cells with the index of each, and writes nothing', async () => {
    const { ids, client, base } = book;
    const before = [await book.month('2026-04'), await book.month('2026-05')];
    const other = await signUpWithBook(app);
    const foreign = (await other.client.post(`${other.base}/categories`, { name: 'Theirs', kind: 'expense' }))
      .body.id;
    const dollars = (
      await client.post(`${base}/categories`, { name: 'Abroad', kind: 'expense', currency: 'USD' })
    ).body.id;
    const good = { month: '2026-05', categoryId: ids.groceries, amount: eur('1.00') };
    const fields = (problem: { errors: { field: string }[] }) => problem.errors.map((e) => e.field);
    const refused = async (cells: unknown[], status: number, code: string) =>
      fields(expectProblem(await bulk(cells), status, code));

    expect(
      await refused(
        [good, { month: '2026-05', categoryId: foreign, amount: eur('1.00') }],
        422,
        'UNKNOWN_ACCOUNT',
      ),
    ).toEqual(['/cells/1/categoryId']);
    expect(
      await refused(
        [good, { ...good, categoryId: ids.salary }, { ...good, categoryId: ids.checking }],
        422,
        'INVALID_ACCOUNT_KIND',
      ),
    ).toEqual(['/cells/1/categoryId', '/cells/2/categoryId']);
    expect(await refused([good, { ...good, categoryId: dollars }], 422, 'CURRENCY_MISMATCH')).toEqual([
      '/cells/1/categoryId',
    ]);
    expect(await refused([good, { ...good, amount: eur('2.00') }], 400, 'VALIDATION_FAILED')).toEqual([
      '/cells/1',
    ]);
    expect(
      await refused(
        [good, { ...good, month: '2026-06', amount: { amount: '1.00', currency: 'USD' } }],
        422,
        'CURRENCY_MISMATCH',
      ),
    ).toEqual(['/cells/1/amount/currency']);
    expect(await refused([good, { ...good, amount: eur('1.001') }], 422, 'TOO_MANY_DECIMALS')).toEqual([
      '/cells/1/amount/amount',
    ]);
    expect(await refused([good, { ...good, month: '2025-12' }], 422, 'INVALID_DATE')).toEqual([
      '/cells/1/month',
    ]);
    expectProblem(await bulk([]), 400, 'VALIDATION_FAILED');
    expectProblem(
      await bulk(Array.from({ length: MAX_BULK_CELLS + 1 }, () => good)),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      fields(
        expectProblem(
          await fill('2026-04', { strategy: 'copy-last-month', categoryIds: [foreign] }),
          422,
          'UNKNOWN_ACCOUNT',
        ),
      ),
    ).toEqual(['/categoryIds/0']);
    expectProblem(await fill('2025-12', { strategy: 'copy-last-month' }), 422, 'INVALID_DATE');
    expectProblem(await fill('2026-04', { strategy: 'goals' }), 400, 'VALIDATION_FAILED');
    expect([await book.month('2026-04'), await book.month('2026-05')]).toEqual(before);
  });

  // What each strategy gives April, worked out by hand from the ledger above.
  const expected = {
    'copy-last-month': { Groceries: '300.00', Rent: '1000.00', Fun: '0.00' },
    'last-month-spending': { Groceries: '250.00', Rent: '1000.00', Fun: '0.00' }, // fun: 5 − 20 < 0
    'average-3-months': { Groceries: '183.33', Rent: '1000.00', Fun: '0.00' }, // 550 / 3; fun (10 + 0 − 15) / 3 < 0
  } as const;

  for (const [strategy, april] of Object.entries(expected)) {
    it(`fills a month by ${strategy} in one request, and one bulk write of "previous" undoes it`, async () => {
      const before = await book.month('2026-04');
      const reply = await fill('2026-04', { strategy });
      expect(reply.status).toBe(200);
      expect(reply.body.written).toBe(3);
      expect(reply.body.months).toEqual(['2026-04']);
      expect(await assigned('2026-04')).toEqual(april);
      const previous = Object.fromEntries(
        reply.body.previous.map((c: any) => [c.categoryId, c.amount.amount]),
      );
      expect(previous).toEqual({
        [book.ids.groceries]: '0.00',
        [book.ids.rent]: '0.00',
        [book.ids.fun]: '50.00',
      });
      expect((await bulk(reply.body.previous)).status).toBe(200);
      expect(await book.month('2026-04')).toEqual(before);
    });
  }

  it('fills only the categories asked for', async () => {
    const { ids } = book;
    const reply = await fill('2026-04', { strategy: 'last-month-spending', categoryIds: [ids.groceries] });
    expect(reply.body.cells).toEqual([
      { month: '2026-04', categoryId: ids.groceries, amount: eur('250.00') },
    ]);
    expect(await assigned('2026-04')).toEqual({ Groceries: '250.00', Rent: '0.00', Fun: '50.00' });
    await bulk(reply.body.previous);
  });

  it('writes 4,920 cells (10 years × 41 categories) in one request and undoes them in one', async () => {
    const { client, base } = await signUpWithBook(app);
    const ids: number[] = [];
    for (let i = 0; i < 41; i++)
      ids.push((await client.post(`${base}/categories`, { name: `C${i}`, kind: 'expense' })).body.id);
    const cells = [];
    for (let m = 0; m < 120; m++) {
      const month = `${2016 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      for (const [i, id] of ids.entries())
        cells.push({ month, categoryId: id, amount: eur(`${i + 1}.${m % 100}`.padEnd(4, '0')) });
    }
    const put = (body: unknown) => client.request('PUT', `${base}/envelope/assignments`, { cells: body });
    const reply = await put(cells);
    expect(reply.status).toBe(200);
    expect(reply.body.written).toBe(4920);
    expect(reply.body.months).toHaveLength(120);
    const month = (await client.get(`${base}/envelope/months/2025-12`)).body;
    // 2025-12 is month 119: each category i assigns (i + 1).19.
    expect(month.assigned.amount).toBe(((41 * 42) / 2 + 41 * 0.19).toFixed(2));
    expect((await put(reply.body.previous)).status).toBe(200);
    const cleared = (await client.get(`${base}/envelope/months/2025-12`)).body;
    expect(cleared.assigned.amount).toBe('0.00');
  });
});
