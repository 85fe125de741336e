import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import {
  Client,
  expectProblem,
  PASSWORD,
  signUp,
  signUpWithBook,
  testApp,
  uniqueAddress,
  uniqueEmail,
} from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('bad input is refused with problem+json and changes nothing', (ctx) => {
  let app: App;
  let ada: Client;
  let base: string;
  let checking: number;
  let groceries: number;
  let dollars: number;
  let archived: number;

  /** Everything a bad request could have touched: transactions, payees, balances. */
  async function snapshot() {
    const [transactions, payees, accounts] = await Promise.all([
      ada.get(`${base}/transactions?limit=500`),
      ada.get(`${base}/payees`),
      ada.get(`${base}/accounts?includeArchived=true`),
    ]);
    return { transactions: transactions.body, payees: payees.body, accounts: accounts.body };
  }

  beforeAll(async () => {
    app = await testApp(ctx.database);
    const owner = await signUpWithBook(app);
    ada = owner.client;
    base = owner.base;
    checking = (
      await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset', openingBalance: eur('100.00') })
    ).body.id;
    dollars = (await ada.post(`${base}/accounts`, { name: 'Dollars', type: 'asset', currency: 'USD' })).body
      .id;
    archived = (await ada.post(`${base}/accounts`, { name: 'Old', type: 'asset' })).body.id;
    await ada.post(`${base}/accounts/${archived}/archive`);
    groceries = (await ada.post(`${base}/categories`, { name: 'Groceries', kind: 'expense' })).body.id;
  });

  const expense = (overrides: Record<string, unknown> = {}) => ({
    date: '2026-03-01',
    description: 'Shop',
    postings: [
      { accountId: checking, amount: eur('-10.00') },
      { accountId: groceries, amount: eur('10.00') },
    ],
    ...overrides,
  });

  const cases: [string, () => Record<string, unknown> | string, number, string, string?][] = [
    [
      'unbalanced postings',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-10.00') },
            { accountId: groceries, amount: eur('9.99') },
          ],
        }),
      422,
      'UNBALANCED_TRANSACTION',
      '/postings',
    ],
    [
      'an unknown account',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-1.00') },
            { accountId: 999_999, amount: eur('1.00') },
          ],
        }),
      422,
      'UNKNOWN_ACCOUNT',
      '/postings/1/accountId',
    ],
    [
      'an archived account',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-1.00') },
            { accountId: archived, amount: eur('1.00') },
          ],
        }),
      422,
      'ACCOUNT_ARCHIVED',
      '/postings/1/accountId',
    ],
    [
      'too many decimals for USD ("1.234")',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-1.00') },
            { accountId: dollars, amount: { amount: '1.234', currency: 'USD' }, value: eur('1.00') },
          ],
        }),
      422,
      'TOO_MANY_DECIMALS',
      '/postings/1/amount/amount',
    ],
    [
      'an amount as a JSON number',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: { amount: -10, currency: 'EUR' } },
            { accountId: groceries, amount: eur('10.00') },
          ],
        }),
      400,
      'VALIDATION_FAILED',
      '/postings/0/amount/amount',
    ],
    ['a malformed date (2026-02-30)', () => expense({ date: '2026-02-30' }), 422, 'INVALID_DATE', '/date'],
    [
      'a malformed date (03/01/2026)',
      () => expense({ date: '03/01/2026' }),
      400,
      'VALIDATION_FAILED',
      '/date',
    ],
    [
      'an oversized description',
      () => expense({ description: 'x'.repeat(501) }),
      400,
      'VALIDATION_FAILED',
      '/description',
    ],
    ['an unknown field', () => expense({ category: 'Food' }), 400, 'VALIDATION_FAILED', '/category'],
    [
      'an unknown field inside a posting',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-10.00'), cents: 1 },
            { accountId: groceries, amount: eur('10.00') },
          ],
        }),
      400,
      'VALIDATION_FAILED',
      '/postings/0/cents',
    ],
    [
      'an amount in the wrong currency',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: { amount: '-10.00', currency: 'GBP' } },
            { accountId: groceries, amount: eur('10.00') },
          ],
        }),
      422,
      'CURRENCY_MISMATCH',
      '/postings/0/amount',
    ],
    [
      'an unknown currency',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: { amount: '-10.00', currency: 'XYZ' } },
            { accountId: groceries, amount: eur('10.00') },
          ],
        }),
      422,
      'UNKNOWN_CURRENCY',
      '/postings/0/amount/currency',
    ],
    [
      'a cross-currency posting without its value',
      () =>
        expense({
          postings: [
            { accountId: checking, amount: eur('-10.00') },
            { accountId: dollars, amount: { amount: '10.80', currency: 'USD' } },
          ],
        }),
      422,
      'MISSING_VALUE',
      '/postings/1/value',
    ],
    [
      'a single posting',
      () => expense({ postings: [{ accountId: checking, amount: eur('0.00') }] }),
      422,
      'TOO_FEW_POSTINGS',
      '/postings',
    ],
    ['an unknown payee', () => expense({ payeeId: 424_242 }), 422, 'UNKNOWN_PAYEE', '/payeeId'],
    ['an unknown tag', () => expense({ tagIds: [424_242] }), 422, 'UNKNOWN_TAG', '/tagIds/0'],
    ['malformed JSON', () => '{"date": "2026-03-01",', 400, 'MALFORMED_JSON'],
  ];

  it.each(cases)('%s', async (_name, body, status, code, field) => {
    const before = await snapshot();
    const payload = body();
    const reply =
      typeof payload === 'string'
        ? await ada.request('POST', `${base}/transactions`, undefined, { rawBody: payload })
        : await ada.post(`${base}/transactions`, payload);
    const problem = expectProblem(reply, status, code);
    if (field) expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await ada.request('POST', `${base}/transactions`, undefined, {
      rawBody: 'date=2026-03-01',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a forged page cursor and bad query parameters', async () => {
    expectProblem(await ada.get(`${base}/transactions?cursor=bm9wZQ`), 400, 'INVALID_CURSOR');
    expectProblem(await ada.get(`${base}/transactions?limit=100000`), 400, 'VALIDATION_FAILED');
    const problem = expectProblem(await ada.get(`${base}/transactions?from=2026-13-01`), 422, 'INVALID_DATE');
    expect(problem.errors[0]!.field).toBe('query:from');
    expectProblem(await ada.get(`${base}/transactions?from=1.1.2026`), 400, 'VALIDATION_FAILED');
    expectProblem(await ada.get(`${base}/accounts/${checking}/balance?date=2026-02-30`), 422, 'INVALID_DATE');
  });

  it('refuses accounts with a wrong opening balance and writes no account', async () => {
    const before = await snapshot();
    expectProblem(
      await ada.post(`${base}/accounts`, {
        name: 'Card',
        type: 'liability',
        openingBalance: { amount: '1.234', currency: 'EUR' },
      }),
      422,
      'TOO_MANY_DECIMALS',
    );
    expectProblem(
      await ada.post(`${base}/accounts`, {
        name: 'Card',
        type: 'liability',
        openingBalance: { amount: '10', currency: 'USD' },
      }),
      422,
      'CURRENCY_MISMATCH',
    );
    expectProblem(
      await ada.post(`${base}/accounts`, { name: 'Card', type: 'liability', subtype: 'savings' }),
      422,
      'INVALID_ACCOUNT_KIND',
    );
    expectProblem(await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset' }), 409, 'NAME_TAKEN');
    expectProblem(
      await ada.post(`${base}/accounts`, { name: 'X', type: 'asset', currency: 'EURO' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await snapshot()).toEqual(before);
  });

  describe('sessions', () => {
    it('refuses a write without the CSRF token, and with a wrong one', async () => {
      const before = await snapshot();
      expectProblem(
        await ada.request('POST', `${base}/transactions`, expense(), { csrf: false }),
        403,
        'CSRF_TOKEN_INVALID',
      );
      expectProblem(
        await ada.request('POST', `${base}/transactions`, expense(), {
          headers: { 'x-csrf-token': 'forged' },
          csrf: false,
        }),
        403,
        'CSRF_TOKEN_INVALID',
      );
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a wrong password and an unknown e-mail alike, without a cookie', async () => {
      const email = uniqueEmail('bob');
      await signUp(app, 'Bob', email);
      const stranger = new Client(app);
      const wrong = await stranger.post('/api/v1/auth/login', { email, password: 'not the password' });
      expectProblem(wrong, 401, 'INVALID_CREDENTIALS');
      expect(wrong.headers['set-cookie']).toBeUndefined();
      const unknown = await stranger.post('/api/v1/auth/login', {
        email: uniqueEmail('nobody'),
        password: PASSWORD,
      });
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('refuses a cookie from a logged-out session', async () => {
      const bob = await signUpWithBook(app);
      const stale = { cookie: bob.client.cookie, csrf: bob.client.csrfToken };
      expect((await bob.client.post('/api/v1/auth/logout')).status).toBe(204);
      bob.client.cookie = stale.cookie;
      bob.client.csrfToken = stale.csrf;
      expectProblem(await bob.client.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
      expectProblem(await bob.client.get(`${bob.base}/accounts`), 401, 'UNAUTHENTICATED');
      expectProblem(
        await bob.client.post(`${bob.base}/accounts`, { name: 'A', type: 'asset' }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('throttles repeated failed logins', async () => {
      const email = uniqueEmail('carol');
      await signUp(app, 'Carol', email);
      const guesser = new Client(app);
      for (let i = 0; i < 5; i++) {
        expectProblem(
          await guesser.post('/api/v1/auth/login', { email, password: `guess-${i}-guess` }),
          401,
          'INVALID_CREDENTIALS',
        );
      }
      const blocked = await guesser.post('/api/v1/auth/login', { email, password: PASSWORD });
      expectProblem(blocked, 429, 'RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('refuses weak passwords at registration, and answers a taken e-mail as a new one', async () => {
      const email = uniqueEmail('dave');
      const client = new Client(app, uniqueAddress());
      expectProblem(
        await client.post('/api/v1/auth/register', { email, password: 'short', name: 'Dave' }),
        422,
        'WEAK_PASSWORD',
      );
      expect(
        (await client.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'Dave' })).status,
      ).toBe(202);
      const again = new Client(app, uniqueAddress());
      expect(
        (
          await again.post('/api/v1/auth/register', {
            email: email.toUpperCase(),
            password: PASSWORD,
            name: 'Dave',
          })
        ).body,
      ).toEqual({ status: 'accepted' });
      expectProblem(
        await again.post('/api/v1/auth/register', { email: 'not-an-email', password: PASSWORD, name: 'D' }),
        400,
        'VALIDATION_FAILED',
      );
    });
  });
});
