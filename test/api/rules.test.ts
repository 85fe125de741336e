import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { addUncategorisedExpense, balanceDrift } from '../support/book-data.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('rules API', (ctx) => {
  let app: App;
  let db: Db;
  let client: Client;
  let base: string;
  let bookId: number;
  const ids: Record<string, number> = {};
  const tx: Record<string, number> = {};

  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const spend = async (
    name: string,
    date: string,
    payeeName: string,
    description: string,
    postings: [number, string][],
  ) => {
    tx[name] = (
      await post('/transactions', {
        date,
        payeeName,
        description,
        postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
      })
    ).id;
  };
  const transaction = async (name: string) => (await client.get(`${base}/transactions/${tx[name]}`)).body;
  const balance = async (id: number) => (await client.get(`${base}/accounts/${id}`)).body.balance.amount;
  const apply = (body: object) => client.post(`${base}/rules/apply`, { filter: {}, ...body });

  beforeAll(async () => {
    app = await testApp(ctx.database);
    db = ctx.database.db;
    ({
      client,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
    ids.checking = (
      await post('/accounts', {
        name: 'Checking',
        type: 'asset',
        openingBalance: eur('1000.00'),
        openingDate: '2026-01-01',
      })
    ).id;
    ids.savings = (await post('/accounts', { name: 'Savings', type: 'asset' })).id;
    ids.card = (await post('/accounts', { name: 'Card', type: 'liability', subtype: 'credit_card' })).id;
    for (const [name, kind] of [
      ['groceries', 'expense'],
      ['household', 'expense'],
      ['fuel', 'expense'],
      ['drinks', 'expense'],
      ['salary', 'income'],
    ] as const) {
      ids[name] = (await post('/categories', { name, kind })).id;
    }
    // The category imported rows land in when nothing gives them one (the import creates it).
    ids.uncategorised = await addUncategorisedExpense(db, bookId);
    ids.food = (await post('/tags', { name: 'food' })).id;

    await spend('rewe', '2026-03-01', 'REWE Markt GmbH', 'CARD 1234 REWE SAGT DANKE', [
      [ids.checking!, '-45.99'],
      [ids.uncategorised, '45.99'],
    ]);
    await spend('shell', '2026-03-02', 'Shell', 'KARTENZAHLUNG SHELL 0815', [
      [ids.checking!, '-60.00'],
      [ids.uncategorised, '60.00'],
    ]);
    await spend('transfer', '2026-03-03', 'Me', 'REWE savings', [
      [ids.checking!, '-100.00'],
      [ids.savings!, '100.00'],
    ]);
    await spend('categorised', '2026-03-04', 'REWE', 'REWE', [
      [ids.checking!, '-20.00'],
      [ids.groceries!, '20.00'],
    ]);
    await spend('salary', '2026-03-05', 'ACME', 'SALARY MARCH', [
      [ids.checking!, '2500.00'],
      [ids.salary!, '-2500.00'],
    ]);
    await spend('card', '2026-03-06', 'Rewe City', 'REWE CITY', [
      [ids.card!, '-30.01'],
      [ids.uncategorised, '30.01'],
    ]);
  });

  it('creates, lists in order, reads, changes, reorders and deletes rules', async () => {
    const first = await post('/rules', {
      name: 'Temporary',
      actions: [{ type: 'setNotes', notes: 'x' }],
    });
    expect(first).toMatchObject({
      name: 'Temporary',
      enabled: true,
      match: 'all',
      conditions: [],
      actions: [{ type: 'setNotes', notes: 'x' }],
    });
    const second = await post('/rules', {
      name: ' Second ',
      enabled: false,
      match: 'any',
      conditions: [{ field: 'payee', operator: 'contains', value: ' x ' }],
      actions: [{ type: 'addTag', tagId: ids.food }],
    });
    expect(second).toMatchObject({
      name: 'Second',
      enabled: false,
      match: 'any',
      conditions: [{ field: 'payee', operator: 'contains', value: 'x' }],
    });
    expect(second.position).toBeGreaterThan(first.position);
    expect((await client.get(`${base}/rules/${second.id}`)).body).toEqual(second);
    expect((await client.get(`${base}/rules`)).body.map((r: any) => r.id)).toEqual([first.id, second.id]);

    const patched = await client.patch(`${base}/rules/${first.id}`, { name: 'Renamed', enabled: false });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Renamed', enabled: false, actions: first.actions });

    const reordered = await client.post(`${base}/rules/reorder`, { ids: [second.id, first.id] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.map((r: any) => [r.id, r.position])).toEqual([
      [second.id, 0],
      [first.id, 1],
    ]);
    expect((await client.get(`${base}/rules`)).body).toEqual(reordered.body);

    expect((await client.delete(`${base}/rules/${first.id}`)).status).toBe(204);
    expectProblem(await client.get(`${base}/rules/${first.id}`), 404, 'NOT_FOUND');
    expectProblem(await client.delete(`${base}/rules/${first.id}`), 404, 'NOT_FOUND');
    expectProblem(await client.patch(`${base}/rules/${first.id}`, { name: 'x' }), 404, 'NOT_FOUND');
    expect((await client.delete(`${base}/rules/${second.id}`)).status).toBe(204);
    expect((await client.get(`${base}/rules`)).body).toEqual([]);
  });

  it('keeps every kind of condition and action exactly as written', async () => {
    const conditions = [
      { field: 'notes', operator: 'regex', value: '^trip\\b' },
      { field: 'description', operator: 'startsWith', value: 'CARD' },
      { field: 'amount', operator: 'between', min: '-100.005', max: null },
      { field: 'amount', operator: 'sign', value: 'outflow' },
      { field: 'account', operator: 'in', accountIds: [ids.checking, ids.card] },
      { field: 'date', operator: 'between', from: null, to: '2026-12-31' },
    ];
    const actions = [
      {
        type: 'split',
        parts: [
          { categoryId: ids.household, amount: '10.00', percent: null },
          { categoryId: ids.drinks, amount: null, percent: '12.5' },
          { categoryId: ids.groceries, amount: null, percent: null },
        ],
      },
      { type: 'setPayee', payee: 'Shop' },
      { type: 'addTag', tagId: ids.food },
      { type: 'setNotes', notes: '' },
      { type: 'setCategory', categoryId: ids.fuel },
    ];
    const created = await post('/rules', { name: 'Everything', match: 'any', conditions, actions });
    expect(created).toMatchObject({ match: 'any', conditions, actions });
    expect((await client.get(`${base}/rules/${created.id}`)).body).toEqual(created);
    expect((await client.delete(`${base}/rules/${created.id}`)).status).toBe(204);
  });

  it('previews, applies and re-applies rules to existing transactions', async () => {
    const groceries = await post('/rules', {
      name: 'REWE is groceries',
      conditions: [{ field: 'payee', operator: 'contains', value: 'rewe' }],
      actions: [
        { type: 'setCategory', categoryId: ids.groceries },
        { type: 'setPayee', payee: 'REWE' },
        { type: 'addTag', tagId: ids.food },
      ],
    });
    const bigShop = await post('/rules', {
      name: 'A big shop includes household things',
      conditions: [
        { field: 'payee', operator: 'equals', value: 'rewe' },
        { field: 'amount', operator: 'between', min: null, max: '-40' },
      ],
      actions: [
        {
          type: 'split',
          parts: [
            { categoryId: ids.household, amount: '10.00' },
            { categoryId: ids.groceries, amount: null, percent: null },
          ],
        },
      ],
    });
    const fuel = await post('/rules', {
      name: 'Fuel',
      conditions: [{ field: 'description', operator: 'regex', value: '^kartenzahlung shell' }],
      actions: [
        { type: 'setCategory', categoryId: ids.fuel },
        { type: 'setNotes', notes: 'car' },
      ],
    });
    const drinks = await post('/rules', {
      name: 'Everything is drinks',
      enabled: false,
      actions: [{ type: 'setCategory', categoryId: ids.drinks }],
    });

    const before = (await client.get(`${base}/transactions?limit=500`)).body;
    const preview = await apply({ dryRun: true });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // Seven transactions: the opening balance and the transfer are skipped, the salary matches nothing.
    expect(preview.body).toMatchObject({
      dryRun: true,
      examined: 7,
      changed: 4,
      unchanged: 1,
      skipped: 2,
      truncated: false,
    });
    expect(preview.body.changes.map((c: any) => c.transactionId)).toEqual([
      tx.rewe,
      tx.shell,
      tx.categorised,
      tx.card,
    ]);
    const [rewe, shell, categorised] = preview.body.changes;
    expect(rewe).toEqual({
      transactionId: tx.rewe,
      date: '2026-03-01',
      description: 'CARD 1234 REWE SAGT DANKE',
      accountId: ids.checking,
      amount: eur('-45.99'),
      matchedRuleIds: [groceries.id, bigShop.id],
      before: {
        payee: 'REWE Markt GmbH',
        notes: null,
        tagIds: [],
        categories: [{ categoryId: ids.uncategorised, amount: eur('45.99') }],
      },
      after: {
        payee: 'REWE',
        notes: null,
        tagIds: [ids.food],
        categories: [
          { categoryId: ids.household, amount: eur('10.00') },
          { categoryId: ids.groceries, amount: eur('35.99') },
        ],
      },
      warnings: [],
    });
    expect(shell.after).toEqual({
      payee: 'Shell',
      notes: 'car',
      tagIds: [],
      categories: [{ categoryId: ids.fuel, amount: eur('60.00') }],
    });
    expect(shell.matchedRuleIds).toEqual([fuel.id]);
    expect(categorised.before.categories).toEqual(categorised.after.categories);
    expect(categorised.after.tagIds).toEqual([ids.food]);
    // A dry run writes nothing.
    expect((await client.get(`${base}/transactions?limit=500`)).body).toEqual(before);
    expect(await balance(ids.uncategorised!)).toBe('136.00');

    const applied = await apply({ dryRun: false });
    expect(applied.status).toBe(200);
    expect({ ...applied.body, dryRun: true }).toEqual(preview.body);

    const written = await transaction('rewe');
    expect(written.payee.name).toBe('REWE');
    expect(written.tags).toEqual([{ id: ids.food, name: 'food' }]);
    expect(written.postings.map((p: any) => [p.accountId, p.amount.amount])).toEqual([
      [ids.checking, '-45.99'],
      [ids.household, '10.00'],
      [ids.groceries, '35.99'],
    ]);
    expect((await transaction('categorised')).payee.id).toBe(written.payee.id);
    expect((await transaction('shell')).notes).toBe('car');
    expect((await transaction('transfer')).postings.map((p: any) => p.accountId)).toEqual([
      ids.checking,
      ids.savings,
    ]);
    expect(await balance(ids.uncategorised!)).toBe('0.00');
    expect(await balance(ids.groceries!)).toBe('86.00');
    expect(await balance(ids.household!)).toBe('10.00');
    expect(await balance(ids.fuel!)).toBe('60.00');
    expect(await balance(ids.checking!)).toBe('3274.01');
    expect(await balanceDrift(db, bookId)).toEqual([]);
    const spending = (await client.get(`${base}/reports/spending?from=2026-03-01&to=2026-03-31`)).body;
    const totals = Object.fromEntries(
      spending.groups.flatMap((g: any) => g.categories.map((c: any) => [c.categoryId, c.total.amount])),
    );
    expect(totals).toEqual({ [ids.groceries!]: '86.00', [ids.household!]: '10.00', [ids.fuel!]: '60.00' });

    // Applying again changes nothing.
    const again = await apply({ dryRun: false });
    expect(again.body).toMatchObject({ examined: 7, changed: 0, unchanged: 5, skipped: 2, changes: [] });

    // A chosen rule runs even when disabled (to try it out); filters narrow the transactions.
    const tryDrinks = await apply({ ruleIds: [drinks.id], filter: { accountId: ids.card }, dryRun: true });
    expect(tryDrinks.body).toMatchObject({ examined: 1, changed: 1 });
    expect(tryDrinks.body.changes[0].after.categories).toEqual([
      { categoryId: ids.drinks, amount: eur('30.01') },
    ]);
    const march = await apply({
      ruleIds: [drinks.id],
      filter: { from: '2026-03-02', to: '2026-03-04' },
      dryRun: true,
    });
    expect(march.body).toMatchObject({ examined: 3, changed: 2, skipped: 1 });
    expect((await apply({ dryRun: true, filter: { uncategorisedOnly: true } })).body).toMatchObject({
      examined: 2,
      changed: 0,
      skipped: 2,
    });
    for (const rule of [groceries, bigShop, fuel, drinks]) await client.delete(`${base}/rules/${rule.id}`);
  });

  it('applies only to uncategorised transactions when asked, and warns about splits that do not fit', async () => {
    await spend('small', '2026-04-01', 'Kiosk', 'KIOSK', [
      [ids.checking!, '-5.00'],
      [ids.uncategorised!, '5.00'],
    ]);
    await spend('kioskDone', '2026-04-02', 'Kiosk', 'KIOSK', [
      [ids.checking!, '-7.00'],
      [ids.drinks!, '7.00'],
    ]);
    const split = await post('/rules', {
      name: 'Kiosk split',
      conditions: [{ field: 'payee', operator: 'startsWith', value: 'kiosk' }],
      actions: [
        { type: 'setCategory', categoryId: ids.groceries },
        {
          type: 'split',
          parts: [{ categoryId: ids.drinks, amount: '6.00' }, { categoryId: ids.groceries }],
        },
      ],
    });
    const preview = await apply({ dryRun: true, filter: { uncategorisedOnly: true, from: '2026-04-01' } });
    expect(preview.body).toMatchObject({ examined: 1, changed: 1 });
    expect(preview.body.changes[0].warnings).toEqual([
      `Rule ${split.id}: The fixed parts add up to more than the amount.`,
    ]);
    expect(preview.body.changes[0].after.categories).toEqual([
      { categoryId: ids.groceries, amount: eur('5.00') },
    ]);
    const applied = await apply({ dryRun: false, filter: { uncategorisedOnly: true, from: '2026-04-01' } });
    expect(applied.body.changed).toBe(1);
    expect((await transaction('kioskDone')).postings.map((p: any) => p.accountId)).toEqual([
      ids.checking,
      ids.drinks,
    ]);
    await client.delete(`${base}/rules/${split.id}`);
  });

  it('raises the budget alerts a categorising apply causes, as any ledger write does', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const treats = (await post('/categories', { name: 'Treats', kind: 'expense' })).id;
    const budget = await post('/budgets', {
      name: 'Treats',
      categoryId: treats,
      recurrence: { kind: 'monthly', startDay: 1 },
      amounts: [{ from: '2020-01-01', amount: eur('50.00') }],
    });
    await spend('treat', today, 'Confiserie', 'CONFISERIE', [
      [ids.checking!, '-45.00'],
      [ids.uncategorised!, '45.00'],
    ]);
    const rule = await post('/rules', {
      name: 'Sweets',
      conditions: [{ field: 'payee', operator: 'equals', value: 'confiserie' }],
      actions: [{ type: 'setCategory', categoryId: treats }],
    });
    expect((await client.get(`${base}/notifications`)).body).toEqual([]);
    await apply({ dryRun: true, ruleIds: [rule.id] });
    expect((await client.get(`${base}/notifications`)).body).toEqual([]);
    expect((await apply({ dryRun: false, ruleIds: [rule.id] })).body.changed).toBe(1);
    const alerts = (await client.get(`${base}/notifications`)).body;
    expect(alerts.map((a: any) => [a.budgetId, a.threshold, a.spent.amount])).toEqual([
      [budget.id, 80, '45.00'],
    ]);
    await client.delete(`${base}/rules/${rule.id}`);
  });

  it('drops actions whose category was deleted since, and leaves categories of another currency alone', async () => {
    const temporary = await post('/categories', { name: 'Temporary', kind: 'expense' });
    const dollars = await post('/categories', { name: 'Dollar things', kind: 'expense', currency: 'USD' });
    const gone = await post('/rules', {
      name: 'Gone',
      conditions: [{ field: 'payee', operator: 'equals', value: 'ACME' }],
      actions: [
        { type: 'setCategory', categoryId: temporary.id },
        { type: 'setNotes', notes: 'paid' },
      ],
    });
    expect((await client.delete(`${base}/categories/${temporary.id}`)).status).toBe(204);
    const preview = await apply({ dryRun: true, ruleIds: [gone.id] });
    expect(
      preview.body.changes.map((c: any) => [c.transactionId, c.after.categories, c.after.notes]),
    ).toEqual([[tx.salary, [{ categoryId: ids.salary, amount: eur('-2500.00') }], 'paid']]);
    const foreign = await post('/rules', {
      name: 'Dollars',
      conditions: [{ field: 'payee', operator: 'equals', value: 'shell' }],
      actions: [{ type: 'setCategory', categoryId: dollars.id }],
    });
    const refused = await apply({ dryRun: true, ruleIds: [foreign.id] });
    expect(refused.body).toMatchObject({ changed: 0 });
    for (const rule of [gone, foreign]) await client.delete(`${base}/rules/${rule.id}`);
  });
});

describeEachDatabase('rules after a category merge', (ctx) => {
  it('name the category merged into, in set-category actions and split parts', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const category = async (name: string) =>
      (await client.post(`${base}/categories`, { name, kind: 'expense' })).body.id as number;
    const [food, groceries, fun] = [
      await category('Food'),
      await category('Groceries'),
      await category('Fun'),
    ];
    const rule = await client.post(`${base}/rules`, {
      name: 'Market',
      conditions: [{ field: 'payee', operator: 'contains', value: 'market' }],
      actions: [
        { type: 'setCategory', categoryId: groceries },
        {
          type: 'split',
          parts: [
            { categoryId: groceries, amount: null, percent: '50' },
            { categoryId: fun, amount: null, percent: null },
          ],
        },
      ],
    });
    expect(rule.status).toBe(201);
    expect((await client.delete(`${base}/categories/${groceries}?moveTo=${food}`)).status).toBe(204);
    const after = (await client.get(`${base}/rules/${rule.body.id}`)).body;
    expect(after.actions[0]).toEqual({ type: 'setCategory', categoryId: food });
    expect(after.actions[1].parts.map((p: any) => p.categoryId)).toEqual([food, fun]);
  });
});
