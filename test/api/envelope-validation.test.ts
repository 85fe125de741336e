import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { envelopeBook, eur } from '../support/envelope.ts';

describeEachDatabase('envelope budgeting refuses bad input and writes nothing', (ctx) => {
  let app: App;
  let book: Awaited<ReturnType<typeof envelopeBook>>;
  let before: unknown;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    book = await envelopeBook(app);
    await book.earn('2026-01-05', '100.00');
    await book.assign('2026-01', book.ids.fun, eur('60.00'));
    await book.move('2026-01', { from: book.ids.fun, to: book.ids.rent, amount: eur('10.00') });
    before = await book.month('2026-04');
  });

  it('answers problems with field errors', async () => {
    const { ids, assign, move, client, base } = book;
    const other = await signUpWithBook(app);
    const foreign = (await other.client.post(`${other.base}/categories`, { name: 'Theirs', kind: 'expense' }))
      .body.id;
    const dollars = (
      await client.post(`${base}/categories`, { name: 'Abroad', kind: 'expense', currency: 'USD' })
    ).body.id;
    const field = (problem: { errors: { field: string }[] }) => problem.errors.map((e) => e.field);

    expect(
      field(expectProblem(await assign('2026-13', ids.fun, eur('1.00')), 400, 'VALIDATION_FAILED')),
    ).toEqual(['path:month']);
    expectProblem(await client.get(`${base}/envelope/months/2026-1`), 400, 'VALIDATION_FAILED');
    expect(
      field(expectProblem(await assign('2026-04', ids.salary, eur('1.00')), 422, 'INVALID_ACCOUNT_KIND')),
    ).toEqual(['path:categoryId']);
    expect(
      field(expectProblem(await assign('2026-04', ids.checking, eur('1.00')), 422, 'INVALID_ACCOUNT_KIND')),
    ).toEqual(['path:categoryId']);
    expect(
      field(expectProblem(await assign('2026-04', foreign, eur('1.00')), 422, 'UNKNOWN_ACCOUNT')),
    ).toEqual(['path:categoryId']);
    expectProblem(await assign('2026-04', dollars, eur('1.00')), 422, 'CURRENCY_MISMATCH');
    expect(
      field(
        expectProblem(
          await assign('2026-04', ids.fun, { amount: '1.00', currency: 'USD' }),
          422,
          'CURRENCY_MISMATCH',
        ),
      ),
    ).toEqual(['/amount/currency']);
    expectProblem(
      await assign('2026-04', ids.fun, { amount: 12.5, currency: 'EUR' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await assign('2026-04', ids.fun, 12), 400, 'VALIDATION_FAILED');
    expectProblem(await assign('2026-04', ids.fun, eur('1.001')), 422, 'TOO_MANY_DECIMALS');
    expect(field(expectProblem(await assign('2025-12', ids.fun, eur('1.00')), 422, 'INVALID_DATE'))).toEqual([
      'path:month',
    ]);

    for (const amount of ['0.00', '-5.00']) {
      const problem = expectProblem(
        await move('2026-04', { from: ids.fun, to: ids.rent, amount: eur(amount) }),
        422,
        'INVALID_AMOUNT',
      );
      expect(field(problem)).toEqual(['/amount/amount']);
    }
    expectProblem(
      await move('2026-04', { from: ids.fun, to: ids.rent, amount: { amount: 5, currency: 'EUR' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await move('2026-04', { from: ids.fun, to: ids.fun, amount: eur('5.00') }),
      400,
      'VALIDATION_FAILED',
    );
    expect(
      field(
        expectProblem(
          await move('2026-04', { from: foreign, to: ids.rent, amount: eur('5.00') }),
          422,
          'UNKNOWN_ACCOUNT',
        ),
      ),
    ).toEqual(['/from']);
    expect(
      field(
        expectProblem(
          await move('2026-04', { from: ids.fun, to: ids.salary, amount: eur('5.00') }),
          422,
          'INVALID_ACCOUNT_KIND',
        ),
      ),
    ).toEqual(['/to']);
    expectProblem(
      await move('2026-04', { from: ids.fun, to: ids.rent, amount: eur('5.00'), note: 'x' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await move('2026-00', { from: ids.fun, to: ids.rent, amount: eur('5.00') }),
      400,
      'VALIDATION_FAILED',
    );

    expectProblem(await client.get(`${base}/envelope/months/2025-12`), 422, 'INVALID_DATE');
    expectProblem(
      await client.request('PUT', `${base}/envelope/settings`, { enabled: 'yes' }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.request('PUT', `${base}/envelope/settings`, { enabled: true, startMonth: '2026-13' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('left the budget as it was', async () => {
    const after = await book.month('2026-04');
    expect(after).toEqual(before);
    expect((await book.client.get(`${book.base}/envelope/settings`)).body).toEqual({
      enabled: true,
      startMonth: '2026-01',
    });
  });
});
