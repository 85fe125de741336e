import { expect, it } from 'vitest';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import { Client, expectProblem, signUp, signUpWithBook, testApp, uniqueEmail } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const MAX = '90071992547409.91'; // 2^53 − 1 cents
const cursor = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

describeEachDatabase('edges of the API', (ctx) => {
  it('refuses balances and totals beyond what Moneta holds, and still lists the accounts', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const a = (await client.post(`${base}/accounts`, { name: 'A', type: 'asset' })).body.id;
    const b = (await client.post(`${base}/accounts`, { name: 'B', type: 'liability' })).body.id;
    const move = (amount: string) => ({
      date: '2026-01-01',
      postings: [
        { accountId: a, amount: eur(amount) },
        { accountId: b, amount: eur(`-${amount}`) },
      ],
    });
    expect((await client.post(`${base}/transactions`, move(MAX))).status).toBe(201);
    expectProblem(await client.post(`${base}/transactions`, move('0.01')), 422, 'AMOUNT_OUT_OF_RANGE');
    const wide = await client.post(`${base}/transactions`, {
      date: '2026-01-02',
      postings: [
        { accountId: a, amount: eur(`-${MAX}`) },
        { accountId: a, amount: eur(`-${MAX}`) },
        { accountId: b, amount: eur(MAX) },
        { accountId: b, amount: eur(MAX) },
      ],
    });
    expectProblem(wide, 422, 'AMOUNT_OUT_OF_RANGE');
    const accounts = await client.get(`${base}/accounts`);
    expect(accounts.status).toBe(200);
    expect(accounts.body.find((x: any) => x.id === a).balance).toEqual(eur(MAX));
    expect((await checkIntegrity(ctx.database.db, {})).problems).toEqual([]);
    await app.close();
  });

  it('answers 404 or INVALID_CURSOR, never 500, to ids and cursors out of range', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const a = (await client.post(`${base}/accounts`, { name: 'A', type: 'asset' })).body.id;
    expectProblem(await client.get('/api/v1/books/9999999999/accounts'), 404, 'NOT_FOUND');
    expectProblem(
      await client.get(`${base}/transactions?cursor=${cursor(['zzz', 1])}`),
      400,
      'INVALID_CURSOR',
    );
    expectProblem(
      await client.get(`${base}/transactions?cursor=${cursor(['2026-01-01', 2 ** 40])}`),
      400,
      'INVALID_CURSOR',
    );
    expectProblem(
      await client.get(`${base}/accounts/${a}/register?cursor=${cursor(['2026-13-45', 1, 1])}`),
      400,
      'INVALID_CURSOR',
    );
    const huge = await client.get(`${base}/transactions?minAmount=99999999999999999999`);
    expect([huge.status, huge.body.items]).toEqual([200, []]);
    const unbounded = await client.get(`${base}/transactions?maxAmount=99999999999999999999`);
    expect(unbounded.status).toBe(200);
    await app.close();
  });

  it('filters amounts of a transaction in a currency no account holds', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const cash = (await client.post(`${base}/accounts`, { name: 'Cash', type: 'asset' })).body.id;
    const food = (await client.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    const usd = { amount: '5.00', currency: 'USD' };
    const created = await client.post(`${base}/transactions`, {
      date: '2026-01-01',
      currency: 'USD',
      postings: [
        { accountId: cash, amount: eur('-4.60'), value: { ...usd, amount: '-5.00' } },
        { accountId: food, amount: eur('4.60'), value: usd },
      ],
    });
    expect(created.body.total).toEqual(usd);
    expect((await client.get(`${base}/transactions?minAmount=5&maxAmount=5`)).body.items).toHaveLength(1);
    await app.close();
  });

  it('throttles parallel guesses too', async () => {
    const app = await testApp(ctx.database);
    const email = uniqueEmail('par');
    await signUp(app, 'P', email);
    const replies = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        new Client(app).post('/api/v1/auth/login', { email, password: `wrong-${i}-password` }),
      ),
    );
    expect(replies.filter((reply) => reply.status === 429).length).toBeGreaterThanOrEqual(7);
    expect(replies.filter((reply) => reply.status === 401).length).toBeLessThanOrEqual(5);
    await app.close();
  });

  it('refuses a text/plain body with 415, and names taken in a race with 409', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    const plain = await client.request('POST', `${base}/payees`, undefined, {
      rawBody: '{"name":"x"}',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(plain, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => client.post(`${base}/payees`, { name: 'Same' })),
    );
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const reply of replies.filter((r) => r.status === 409)) expectProblem(reply, 409, 'NAME_TAKEN');
    await app.close();
  });

  it('posts an opening balance even when the equity account was archived, and merges only like categories', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);
    await client.post(`${base}/accounts`, { name: 'First', type: 'asset', openingBalance: eur('1.00') });
    const equity = (await client.get(`${base}/accounts?type=equity`)).body[0];
    expect((await client.post(`${base}/accounts/${equity.id}/archive`)).status).toBe(200);
    const second = await client.post(`${base}/accounts`, {
      name: 'Second',
      type: 'asset',
      openingBalance: eur('2.00'),
    });
    expect([second.status, second.body.balance]).toEqual([201, eur('2.00')]);
    const salary = (await client.post(`${base}/categories`, { name: 'Salary', kind: 'income' })).body.id;
    const rent = (await client.post(`${base}/categories`, { name: 'Rent', kind: 'expense' })).body.id;
    expectProblem(
      await client.post(`${base}/categories/${salary}/merge`, { into: rent }),
      422,
      'INVALID_ACCOUNT_KIND',
    );
    await app.close();
  });

  it('slides the session cookie forward as the session is used', async () => {
    const app = await testApp(ctx.database);
    const { client } = await signUpWithBook(app);
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await ctx.database.db
      .updateTable('sessions')
      .set({ expires_at: soon })
      .where('user_id', '=', client.user!.id)
      .execute();
    const reply = await client.get('/api/v1/auth/me');
    const expires = /Expires=([^;]+)/.exec(String(reply.headers['set-cookie']))?.[1];
    expect(Date.parse(expires!) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect((await client.get('/api/v1/auth/me')).headers['set-cookie']).toBeUndefined();
    await app.close();
  });
});
