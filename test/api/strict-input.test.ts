import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** What the schema fuzzer (schema-fuzz.test.ts) found, each kept as a plain test. */
describeEachDatabase('ids, path lengths and text are read strictly', (ctx) => {
  let app: App;
  let ada: Client;
  let base: string;
  let checking: number;
  let food: number;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client: ada, base } = await signUpWithBook(app));
    checking = (await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    food = (await ada.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
  });

  const fields = (problem: { errors: { field: string }[] }) => problem.errors.map((e) => e.field);

  it('reads an id in the path or the query only as a plain decimal number', async () => {
    for (const resource of ['accounts', 'rules', 'import-profiles', 'transactions']) {
      for (const id of ['0x10', '1e1', '+16', '016', '16.0', ' 16', '0b1', '-0']) {
        const reply = await ada.get(`${base}/${resource}/${encodeURIComponent(id)}`);
        const problem = expectProblem(reply, 400, 'VALIDATION_FAILED');
        expect([resource, id, fields(problem)]).toEqual([resource, id, ['path:id']]);
      }
    }
    expect((await ada.get(`${base}/accounts/${checking}`)).status).toBe(200);
    for (const query of ['accountId=0x10', 'limit=1e1', 'limit=+5', 'payeeId=07']) {
      const problem = expectProblem(await ada.get(`${base}/transactions?${query}`), 400, 'VALIDATION_FAILED');
      expect(fields(problem)).toEqual([`query:${query.split('=')[0]}`]);
    }
    expect((await ada.get(`${base}/transactions?limit=5&accountId=${checking}`)).status).toBe(200);
    expect((await ada.get(`${base}/accounts?includeArchived=true`)).status).toBe(200);
  });

  it('answers a path parameter over 100 characters, or a broken escape in the path, with problem+json', async () => {
    for (const url of [
      `${base}/accounts/${'1'.repeat(120)}`,
      `${base}/envelope/months/${'2026-01'.repeat(20)}`,
      `/api/v1/books/${'9'.repeat(101)}/accounts`,
      `${base}/accounts/%E0%A4%A`,
    ]) {
      const reply = await ada.get(url);
      expect([url.slice(0, 60), reply.status, reply.contentType]).toEqual([
        url.slice(0, 60),
        400,
        'application/problem+json; charset=utf-8',
      ]);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
      expect(reply.body.detail.length).toBeLessThan(200);
    }
  });

  it('refuses NUL characters and unpaired surrogates in every text field, and takes emoji', async () => {
    for (const bad of ['a\u0000b', 'a\ud800b', '\udc00', 'x\ud83d']) {
      const named = expectProblem(await ada.post(`${base}/payees`, { name: bad }), 400, 'VALIDATION_FAILED');
      expect(fields(named)).toEqual(['/name']);
      const written = await ada.post(`${base}/transactions`, {
        date: '2026-03-01',
        description: bad,
        postings: [
          { accountId: checking, amount: eur('-1.00'), memo: bad },
          { accountId: food, amount: eur('1.00') },
        ],
      });
      expect(fields(expectProblem(written, 400, 'VALIDATION_FAILED')).sort()).toEqual([
        '/description',
        '/postings/0/memo',
      ]);
    }
    // A query string is UTF-8 on the wire: it can carry a NUL, but no unpaired surrogate.
    const searched = await ada.get(`${base}/transactions?q=a%00b`);
    expect(fields(expectProblem(searched, 400, 'VALIDATION_FAILED'))).toEqual(['query:q']);
    expect((await ada.get(`${base}/payees`)).body).toEqual([]);
    expect((await ada.get(`${base}/transactions`)).body.items).toEqual([]);
    const emoji = await ada.post(`${base}/payees`, { name: 'Café 💶 𝄞' });
    expect([emoji.status, emoji.body.name]).toEqual([201, 'Café 💶 𝄞']);
  });
});
