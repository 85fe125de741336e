import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** Few dates and repeated words: many rows share a date (ties broken by id) and match a search. */
const DATES = ['2026-01-05', '2026-01-06', '2026-02-10', '2026-02-11', '2026-03-01'];
const WORDS = ['ab card', 'xy order', 'ab online', 'plain'];
const COUNT = 45;

describeEachDatabase('paging transactions and the register', (ctx) => {
  let app: App;
  let ada: Client;
  let base: string;
  const id = {} as Record<'checking' | 'card' | 'food', number>;

  /** Every page of `path` at `limit`, concatenated, and how many requests it took. */
  async function everyPage(path: string, limit: number) {
    const items: unknown[] = [];
    let requests = 0;
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const reply: any = await ada.get(
        `${base}${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(reply.status).toBe(200);
      expect(reply.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...reply.body.items);
      cursor = reply.body.nextCursor;
      requests++;
    } while (cursor);
    return { items, requests };
  }

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client: ada, base } = await signUpWithBook(app));
    id.checking = (await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    id.card = (
      await ada.post(`${base}/accounts`, { name: 'Card', type: 'liability', subtype: 'credit_card' })
    ).body.id;
    id.food = (await ada.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    // Deterministic: the same book on both databases.
    const plan = fc.sample(
      fc.record({
        date: fc.constantFrom(...DATES),
        word: fc.constantFrom(...WORDS),
        cents: fc.integer({ min: 1, max: 99_999 }),
        fromCard: fc.boolean(),
        split: fc.boolean(),
      }),
      { numRuns: COUNT, seed: 12 },
    );
    for (const [n, t] of plan.entries()) {
      const amount = (t.cents / 100).toFixed(2);
      const from = t.fromCard ? id.card : id.checking;
      const postings = t.split
        ? [
            { accountId: from, amount: eur(`-${amount}`) },
            { accountId: id.food, amount: eur((t.cents / 200).toFixed(2)) },
            {
              accountId: id.food,
              amount: eur((t.cents / 100 - Number((t.cents / 200).toFixed(2))).toFixed(2)),
            },
          ]
        : [
            { accountId: from, amount: eur(`-${amount}`) },
            { accountId: id.food, amount: eur(amount) },
          ];
      const reply = await ada.post(`${base}/transactions`, {
        date: t.date,
        description: `${t.word} ${n}`,
        postings,
      });
      expect(reply.status).toBe(201);
    }
  });

  const filters = () => [
    '/transactions',
    // Two letters: no trigram, so SQLite scans newest first as for a common word.
    '/transactions?q=ab',
    // The trigram index's ids on SQLite, pg_trgm on PostgreSQL.
    '/transactions?q=card',
    `/transactions?accountId=${id.checking}&from=2026-01-06&to=2026-02-11`,
    `/accounts/${id.checking}/register`,
    `/accounts/${id.card}/register?to=2026-02-10`,
    `/accounts/${id.food}/register`,
  ];

  it('gives pages of 1, 7 and 1,000 that concatenate to one big page, balances and all', async () => {
    for (const path of filters()) {
      const { items: all, requests } = await everyPage(path, 1000);
      expect(requests).toBe(1);
      expect(all.length).toBeGreaterThan(0);
      for (const limit of [1, 7])
        expect((await everyPage(path, limit)).items, `${path} by ${limit}`).toEqual(all);
    }
  });

  it('finds every match of a word, newest first, ties by the latest entered', async () => {
    const { items } = await everyPage('/transactions?q=ab', 1000);
    const found = items as { id: number; date: string; description: string }[];
    expect(found.every((t) => t.description.startsWith('ab '))).toBe(true);
    expect(found.length).toBe(
      (await everyPage('/transactions', 1000)).items.filter((t: any) => t.description.startsWith('ab '))
        .length,
    );
    const sorted = [...found].sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
    expect(found).toEqual(sorted);
  });

  it("walks the register's running balance back from the account's balance", async () => {
    for (const account of [id.checking, id.card, id.food]) {
      const { items } = await everyPage(`/accounts/${account}/register`, 7);
      const rows = items as { amount: { amount: string }; balance: { amount: string } }[];
      const cents = (money: { amount: string }) => Math.round(Number(money.amount) * 100);
      const shown = (await ada.get(`${base}/accounts/${account}`)).body.balance;
      expect(rows[0]!.balance).toEqual(shown);
      for (let i = 0; i + 1 < rows.length; i++)
        expect(cents(rows[i]!.balance)).toBe(cents(rows[i + 1]!.balance) + cents(rows[i]!.amount));
      expect(cents(rows.at(-1)!.balance)).toBe(cents(rows.at(-1)!.amount));
    }
  });

  it('pages alike at any page size (property)', async () => {
    const paths = filters();
    const whole = new Map<string, unknown[]>();
    for (const path of paths) whole.set(path, (await everyPage(path, 1000)).items);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.integer({ min: 1, max: 60 }), async (path, limit) => {
        expect((await everyPage(path, limit)).items).toEqual(whole.get(path));
      }),
      { numRuns: 20 },
    );
  });

  it('takes up to 1,000 a page, not more', async () => {
    expectProblem(await ada.get(`${base}/transactions?limit=1001`), 400, 'VALIDATION_FAILED');
    expectProblem(
      await ada.get(`${base}/accounts/${id.checking}/register?limit=1001`),
      400,
      'VALIDATION_FAILED',
    );
  });
});
