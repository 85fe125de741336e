/**
 * Starter category sets: a new book gets somewhere for its first expense in one request, in the
 * user's language, and adding a set again (or another over it) makes nothing twice.
 */
import { beforeAll, expect, it } from 'vitest';
import { starterSet } from '../../src/core/categories/starter-sets.ts';
import type { App } from '../../src/server/types.ts';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('starter category sets', (ctx) => {
  let app: App;
  beforeAll(async () => {
    app = await testApp(ctx.database);
  });

  it('lists every set in the language asked for', async () => {
    const { client, base } = await signUpWithBook(app);
    const sets = (await client.get(`${base}/categories/starter-sets?language=de`)).body as any[];
    expect(sets.map((s) => s.id)).toEqual(['household', 'detailed']);
    expect(sets[0].groups).toEqual(starterSet('household', 'de'));
    expect(sets[0].groups.flatMap((g: any) => g.categories)).toContain('Lebensmittel');
    const english = (await client.get(`${base}/categories/starter-sets`)).body as any[];
    expect(english[0].groups.flatMap((g: any) => g.categories)).toContain('Groceries');
  });

  it('adds a set to an empty book: groups, categories in the base currency, usable at once', async () => {
    const { client, base } = await signUpWithBook(app, 'USD');
    const added = await client.post(`${base}/categories/starter-sets`, { set: 'household' });
    expect(added.status).toBe(201);
    const wanted = starterSet('household', 'en');
    expect(added.body.groups.map((g: any) => [g.kind, g.name])).toEqual(wanted.map((g) => [g.kind, g.name]));
    expect(added.body.categories).toHaveLength(wanted.flatMap((g) => g.categories).length);
    expect(added.body.skipped).toEqual([]);
    expect(new Set(added.body.categories.map((c: any) => c.currency))).toEqual(new Set(['USD']));
    const listed = (await client.get(`${base}/categories`)).body as any[];
    const groceries = listed.find((c) => c.name === 'Groceries');
    const food = added.body.groups.find((g: any) => g.name === 'Food');
    expect(groceries).toMatchObject({ type: 'expense', groupId: food.id });
    // The first expense of the book now has a category to go to.
    const cash = await client.post(`${base}/accounts`, { name: 'Wallet', type: 'asset', subtype: 'cash' });
    const spent = await client.post(`${base}/transactions`, {
      date: '2026-12-01',
      postings: [
        { accountId: cash.body.id, amount: { amount: '-4.20', currency: 'USD' } },
        { accountId: groceries.id, amount: { amount: '4.20', currency: 'USD' } },
      ],
    });
    expect(spent.status).toBe(201);
  });

  it('skips the names the book already uses and puts the rest into existing groups of the same name', async () => {
    const { client, base } = await signUpWithBook(app);
    const food = await client.post(`${base}/category-groups`, { name: 'food', kind: 'expense' });
    await client.post(`${base}/categories`, { name: 'GROCERIES', kind: 'expense' });
    const added = await client.post(`${base}/categories/starter-sets`, { set: 'household', language: 'en' });
    expect(added.status).toBe(201);
    expect(added.body.skipped).toEqual(['Groceries']);
    expect(added.body.groups.map((g: any) => g.name)).not.toContain('Food');
    const restaurants = added.body.categories.find((c: any) => c.name === 'Restaurants');
    expect(restaurants.groupId).toBe(food.body.id);

    // The detailed set over it adds only what is new; the same set again adds nothing.
    const detailed = await client.post(`${base}/categories/starter-sets`, { set: 'detailed' });
    expect(detailed.status).toBe(201);
    expect(detailed.body.skipped).toEqual(expect.arrayContaining(['Groceries', 'Restaurants', 'Salary']));
    const again = await client.post(`${base}/categories/starter-sets`, { set: 'detailed' });
    expect(again.body).toEqual({ groups: [], categories: [], skipped: expect.any(Array) });
    const names = ((await client.get(`${base}/categories`)).body as any[]).map((c) => c.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses an unknown set or language, writing nothing', async () => {
    const { client, base } = await signUpWithBook(app);
    for (const body of [{ set: 'corporate' }, { set: 'household', language: 'fr' }, {}]) {
      expectProblem(await client.post(`${base}/categories/starter-sets`, body), 400, 'VALIDATION_FAILED');
    }
    expect((await client.get(`${base}/categories`)).body).toEqual([]);
  });
});
