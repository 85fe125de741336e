import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/**
 * Patterns that stall a backtracking engine, over the descriptions that trigger them: anyone may
 * register and write rules, so no rule may stall the server. 26 `a`s and `!` took 1.8 s with
 * JavaScript's engine (and /healthz waited as long); 500 characters would take hours.
 */
const HOSTILE = ['^(a|a)+$', '(\\w|\\d)+$', '^(.|\\s)*x$', '(a+)+$', '^(\\w+\\s?)*$'];
const DESCRIPTIONS = [
  `${'a'.repeat(26)}!`,
  `${'a'.repeat(499)}!`,
  `${'1'.repeat(499)}!`,
  `x${' '.repeat(498)}!`,
  'aaaa',
];
/** Thousands of times what the linear engine needs; a backtracking one passes it at 28 characters. */
const GENEROUS_MS = 5_000;

describeEachDatabase('rules API: hostile patterns', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client, base } = await signUpWithBook(app));
    const post = async (path: string, body: object) => {
      const reply = await client.post(`${base}${path}`, body);
      if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body.id as number;
    };
    ids.checking = await post('/accounts', { name: 'Checking', type: 'asset' });
    ids.misc = await post('/categories', { name: 'Misc', kind: 'expense' });
    ids.caught = await post('/categories', { name: 'Caught', kind: 'expense' });
    for (const description of DESCRIPTIONS)
      await post('/transactions', {
        date: '2026-03-01',
        description,
        postings: [
          { accountId: ids.checking, amount: eur('-1.00') },
          { accountId: ids.misc, amount: eur('1.00') },
        ],
      });
  });

  it('accepts such patterns and applies them in linear time, while the server keeps answering', async () => {
    for (const [index, value] of HOSTILE.entries()) {
      const reply = await client.post(`${base}/rules`, {
        name: `hostile ${index}`,
        conditions: [{ field: 'description', operator: 'regex', value }],
        actions: [{ type: 'setCategory', categoryId: ids.caught }],
      });
      expect(reply.status, value).toBe(201);
    }
    const started = performance.now();
    const applying = client.post(`${base}/rules/apply`, { filter: {}, dryRun: true }).then((reply) => ({
      reply,
      ms: performance.now() - started,
    }));
    const health = app.inject({ url: '/healthz' }).then((reply) => ({
      status: reply.statusCode,
      ms: performance.now() - started,
    }));
    const [applied, healthz] = await Promise.all([applying, health]);

    expect(applied.reply.status).toBe(200);
    expect(applied.reply.body).toMatchObject({ dryRun: true, examined: DESCRIPTIONS.length });
    // Only "aaaa" matches (`^(a|a)+$`, `(a+)+$`, `^(\w+\s?)*$`); the hostile texts end in "!".
    expect(applied.reply.body.changes.map((c: any) => c.description)).toEqual(['aaaa']);
    expect(applied.ms).toBeLessThan(GENEROUS_MS);
    expect(healthz).toMatchObject({ status: 200 });
    expect(healthz.ms).toBeLessThan(GENEROUS_MS);
  });

  it('refuses syntax a linear-time engine leaves out, saying what is unsupported', async () => {
    for (const [value, reason] of [
      ['(rewe) \\1', /Backreferences/],
      ['rewe(?= markt)', /Lookahead/],
      ['(?<!card )rewe', /Lookbehind/],
    ] as const) {
      const reply = await client.post(`${base}/rules`, {
        name: 'unsupported',
        conditions: [{ field: 'payee', operator: 'regex', value }],
        actions: [{ type: 'setCategory', categoryId: ids.caught }],
      });
      expectProblem(reply, 422, 'INVALID_PATTERN');
      expect(reply.body.errors).toEqual([
        { field: '/conditions/0/value', code: 'INVALID_PATTERN', message: expect.stringMatching(reason) },
      ]);
    }
  });
});
