import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { memberWithRole } from '../support/book-data.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('rules API: bad input and roles', (ctx) => {
  let app: App;
  let owner: Client;
  let base: string;
  let bookId: number;
  const ids: Record<string, number> = {};
  let rule: { id: number };

  const valid = () => ({
    name: 'Groceries',
    conditions: [{ field: 'payee', operator: 'contains', value: 'rewe' }],
    actions: [{ type: 'setCategory', categoryId: ids.groceries }],
  });
  const rules = async () => (await owner.get(`${base}/rules`)).body;
  /** The problem's status, code and field errors as [field, code]. */
  const problem = async (reply: Promise<any>) => {
    const { status, body } = await reply;
    return [status, body.code, body.errors?.map((e: any) => [e.field, e.code])];
  };
  const create = (patch: object) => problem(owner.post(`${base}/rules`, { ...valid(), ...patch }));

  beforeAll(async () => {
    app = await testApp(ctx.database);
    let book: { id: number };
    ({ client: owner, base, book } = await signUpWithBook(app));
    bookId = book.id;
    const post = async (path: string, body: object) => (await owner.post(`${base}${path}`, body)).body.id;
    ids.checking = await post('/accounts', { name: 'Checking', type: 'asset', openingBalance: eur('10.00') });
    ids.groceries = await post('/categories', { name: 'Groceries', kind: 'expense' });
    ids.salary = await post('/categories', { name: 'Salary', kind: 'income' });
    ids.old = await post('/categories', { name: 'Old', kind: 'expense' });
    await owner.post(`${base}/accounts/${ids.old}/archive`);
    ids.tag = await post('/tags', { name: 'trip' });
    rule = (await owner.post(`${base}/rules`, valid())).body;
  });

  it('refuses rules that cannot work, with the field at fault, and writes nothing', async () => {
    const before = await rules();
    const condition = (c: object) => ({ conditions: [c] });
    const action = (a: object) => ({ actions: [a] });
    const split = (...parts: object[]) => action({ type: 'split', parts });
    expect(await create(condition({ field: 'description', operator: 'regex', value: '(card' }))).toEqual([
      422,
      'INVALID_PATTERN',
      [['/conditions/0/value', 'INVALID_PATTERN']],
    ]);
    expect(await create(condition({ field: 'description', operator: 'regex', value: '(x+)\\1' }))).toEqual([
      422,
      'INVALID_PATTERN',
      [['/conditions/0/value', 'INVALID_PATTERN']],
    ]);
    expect(await create(action({ type: 'setCategory', categoryId: 999_999 }))).toEqual([
      422,
      'UNKNOWN_ACCOUNT',
      [['/actions/0/categoryId', 'UNKNOWN_ACCOUNT']],
    ]);
    expect(await create(action({ type: 'setCategory', categoryId: ids.checking }))).toEqual([
      422,
      'UNKNOWN_ACCOUNT',
      [['/actions/0/categoryId', 'UNKNOWN_ACCOUNT']],
    ]);
    expect(await create(action({ type: 'setCategory', categoryId: ids.old }))).toEqual([
      422,
      'ACCOUNT_ARCHIVED',
      [['/actions/0/categoryId', 'ACCOUNT_ARCHIVED']],
    ]);
    expect(await create(action({ type: 'addTag', tagId: 999_999 }))).toEqual([
      422,
      'UNKNOWN_TAG',
      [['/actions/0/tagId', 'UNKNOWN_TAG']],
    ]);
    expect(
      await create({
        ...condition({ field: 'account', operator: 'in', accountIds: [ids.checking, ids.groceries] }),
        actions: [
          { type: 'addTag', tagId: ids.tag },
          { type: 'split', parts: [{ categoryId: ids.groceries, percent: '50' }, { categoryId: 999_999 }] },
        ],
      }),
    ).toEqual([
      422,
      'UNKNOWN_ACCOUNT',
      [
        ['/conditions/0/accountIds/1', 'UNKNOWN_ACCOUNT'],
        ['/actions/1/parts/1/categoryId', 'UNKNOWN_ACCOUNT'],
      ],
    ]);
    expect(
      await create(
        split({ categoryId: ids.groceries, percent: '60' }, { categoryId: ids.salary, percent: '40.5' }),
      ),
    ).toEqual([400, 'VALIDATION_FAILED', [['/actions/0/parts', 'VALIDATION_FAILED']]]);
    expect(
      await create(split({ categoryId: ids.groceries, amount: '-1.00' }, { categoryId: ids.salary })),
    ).toEqual([422, 'INVALID_AMOUNT', [['/actions/0/parts/0/amount', 'INVALID_AMOUNT']]]);
    expect(await create(split({ categoryId: ids.groceries }, { categoryId: ids.salary }))).toEqual([
      400,
      'VALIDATION_FAILED',
      [['/actions/0/parts/1', 'VALIDATION_FAILED']],
    ]);
    expect(
      await create(condition({ field: 'date', operator: 'between', from: '2026-02-30', to: null })),
    ).toEqual([422, 'INVALID_DATE', [['/conditions/0/from', 'INVALID_DATE']]]);
    expect(
      await create(condition({ field: 'amount', operator: 'between', min: '10.00', max: '-10.00' })),
    ).toEqual([400, 'VALIDATION_FAILED', [['/conditions/0/max', 'VALIDATION_FAILED']]]);
    // Wrong shapes and types are refused by the schema.
    for (const body of [
      { actions: [] },
      { actions: undefined },
      { name: '' },
      { actions: [{ type: 'setCategory', categoryId: String(ids.groceries) }] },
      { actions: [{ type: 'setCategory' }] },
      { actions: [{ type: 'explode' }] },
      { conditions: {} },
      { conditions: [{ field: 'payee', operator: 'contains', value: 42 }] },
      { conditions: [{ field: 'payee', operator: 'like', value: 'x' }] },
      { conditions: [{ field: 'amount', operator: 'between', min: 10, max: null }] },
      { conditions: [{ field: 'payee', operator: 'regex', value: 'a'.repeat(501) }] },
      { match: 'most' },
      { enabled: 'yes' },
      { colour: 'red' },
    ]) {
      const reply = await owner.post(`${base}/rules`, { ...valid(), ...body });
      expectProblem(reply, 400, 'VALIDATION_FAILED');
    }
    expect(await rules()).toEqual(before);
  });

  it('checks a changed rule as a whole and leaves it unchanged when it is refused', async () => {
    const url = `${base}/rules/${rule.id}`;
    const before = (await owner.get(url)).body;
    expect(
      await problem(owner.patch(url, { conditions: [{ field: 'payee', operator: 'regex', value: '[' }] })),
    ).toEqual([422, 'INVALID_PATTERN', [['/conditions/0/value', 'INVALID_PATTERN']]]);
    expect(await problem(owner.patch(url, { actions: [{ type: 'addTag', tagId: 999_999 }] }))).toEqual([
      422,
      'UNKNOWN_TAG',
      [['/actions/0/tagId', 'UNKNOWN_TAG']],
    ]);
    expectProblem(await owner.patch(url, {}), 400, 'VALIDATION_FAILED');
    expectProblem(await owner.patch(url, { actions: [] }), 400, 'VALIDATION_FAILED');
    expectProblem(await owner.patch(url, { position: 3 }), 400, 'VALIDATION_FAILED');
    expect((await owner.get(url)).body).toEqual(before);
  });

  it('refuses an order that does not list every rule exactly once', async () => {
    const second = (await owner.post(`${base}/rules`, { ...valid(), name: 'Second' })).body;
    const before = await rules();
    const order = (ids: unknown) => problem(owner.post(`${base}/rules/reorder`, { ids }));
    expect(await order([rule.id])).toEqual([400, 'VALIDATION_FAILED', [['/ids', 'VALIDATION_FAILED']]]);
    expect(await order([rule.id, second.id, rule.id])).toEqual([
      400,
      'VALIDATION_FAILED',
      [['/ids/2', 'VALIDATION_FAILED']],
    ]);
    expect(await order([rule.id, second.id, 999_999])).toEqual([404, 'NOT_FOUND', [['/ids/2', 'NOT_FOUND']]]);
    expectProblem(await owner.post(`${base}/rules/reorder`, { ids: ['1'] }), 400, 'VALIDATION_FAILED');
    expectProblem(await owner.post(`${base}/rules/reorder`, {}), 400, 'VALIDATION_FAILED');
    expect(await rules()).toEqual(before);
    await owner.delete(`${base}/rules/${second.id}`);
  });

  it('refuses a bad apply request', async () => {
    const run = (body: object) => problem(owner.post(`${base}/rules/apply`, body));
    expect(await run({ filter: {}, dryRun: true, ruleIds: [999_999] })).toEqual([
      404,
      'NOT_FOUND',
      [['/ruleIds/0', 'NOT_FOUND']],
    ]);
    expect(await run({ filter: { accountId: 999_999 }, dryRun: true })).toEqual([
      422,
      'UNKNOWN_ACCOUNT',
      [['/filter/accountId', 'UNKNOWN_ACCOUNT']],
    ]);
    expect(await run({ filter: { from: '2026-02-30' }, dryRun: true })).toEqual([
      422,
      'INVALID_DATE',
      [['/filter/from', 'INVALID_DATE']],
    ]);
    expect(await run({ filter: { from: '2026-03-01', to: '2026-02-01' }, dryRun: true })).toEqual([
      400,
      'VALIDATION_FAILED',
      [['/filter/to', 'VALIDATION_FAILED']],
    ]);
    for (const body of [
      { filter: {} },
      { dryRun: true },
      { filter: {}, dryRun: 'no' },
      { filter: { colour: 1 }, dryRun: true },
      { filter: {}, dryRun: true, ruleIds: [] },
    ]) {
      expectProblem(await owner.post(`${base}/rules/apply`, body), 400, 'VALIDATION_FAILED');
    }
  });

  it('lets a viewer read rules and suggestions but change nothing, not even a dry run', async () => {
    const viewer = await memberWithRole(app, ctx.database.db, bookId, 'viewer');
    const before = await rules();
    expect((await viewer.get(`${base}/rules`)).body).toEqual(before);
    expect((await viewer.get(`${base}/rules/${rule.id}`)).status).toBe(200);
    expect((await viewer.get(`${base}/suggestions?payee=REWE`)).status).toBe(200);
    for (const reply of [
      await viewer.post(`${base}/rules`, valid()),
      await viewer.patch(`${base}/rules/${rule.id}`, { name: 'Mine' }),
      await viewer.delete(`${base}/rules/${rule.id}`),
      await viewer.post(`${base}/rules/reorder`, { ids: [rule.id] }),
      await viewer.post(`${base}/rules/apply`, { filter: {}, dryRun: true }),
    ]) {
      expectProblem(reply, 403, 'FORBIDDEN');
    }
    const editor = await memberWithRole(app, ctx.database.db, bookId, 'editor');
    const edited = await editor.patch(`${base}/rules/${rule.id}`, { name: 'Edited' });
    expect(edited.status).toBe(200);
    expect(await rules()).toEqual([{ ...before[0], name: 'Edited', updatedAt: edited.body.updatedAt }]);
  });

  it('keeps books apart: another book cannot see, use or change this book’s rules', async () => {
    const stranger = await signUpWithBook(app);
    expectProblem(await stranger.client.get(`${base}/rules`), 404, 'NOT_FOUND');
    expectProblem(await stranger.client.get(`${stranger.base}/rules/${rule.id}`), 404, 'NOT_FOUND');
    expectProblem(
      await stranger.client.patch(`${stranger.base}/rules/${rule.id}`, { name: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect(
      await problem(
        stranger.client.post(`${stranger.base}/rules`, {
          ...valid(),
          actions: [{ type: 'addTag', tagId: ids.tag }],
        }),
      ),
    ).toEqual([422, 'UNKNOWN_TAG', [['/actions/0/tagId', 'UNKNOWN_TAG']]]);
    expect(
      await problem(
        stranger.client.post(`${stranger.base}/rules/apply`, {
          filter: {},
          dryRun: true,
          ruleIds: [rule.id],
        }),
      ),
    ).toEqual([404, 'NOT_FOUND', [['/ruleIds/0', 'NOT_FOUND']]]);
    expect((await stranger.client.get(`${stranger.base}/rules`)).body).toEqual([]);
  });
});
