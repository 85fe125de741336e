import { expect, it } from 'vitest';
import { expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('names and search beyond ASCII', (ctx) => {
  it('compares names and searches text without case in every alphabet, alike on both databases', async () => {
    const app = await testApp(ctx.database);
    const { client, base } = await signUpWithBook(app);

    expect((await client.post(`${base}/payees`, { name: 'Émile' })).status).toBe(201);
    expectProblem(await client.post(`${base}/payees`, { name: 'émile' }), 409, 'NAME_TAKEN');
    expect((await client.post(`${base}/tags`, { name: 'Ferien' })).status).toBe(201);
    expectProblem(await client.post(`${base}/tags`, { name: 'ＦＥＲＩＥＮ' }), 409, 'NAME_TAKEN');
    expect((await client.post(`${base}/categories`, { name: 'Épargne', kind: 'expense' })).status).toBe(201);
    expectProblem(
      await client.post(`${base}/categories`, { name: 'éPARGNE', kind: 'expense' }),
      409,
      'NAME_TAKEN',
    );
    expect((await client.post(`${base}/category-groups`, { name: 'Жильё', kind: 'expense' })).status).toBe(
      201,
    );
    expectProblem(
      await client.post(`${base}/category-groups`, { name: 'ЖИЛЬЁ', kind: 'expense' }),
      409,
      'NAME_TAKEN',
    );

    const cash = (await client.post(`${base}/accounts`, { name: 'Caisse', type: 'asset' })).body.id;
    const food = (await client.get(`${base}/categories`)).body[0].id;
    const created = await client.post(`${base}/transactions`, {
      date: '2026-06-01',
      payeeName: 'ÉMILE',
      description: 'Öl und Brot',
      postings: [
        { accountId: cash, amount: eur('-3.00') },
        { accountId: food, amount: eur('3.00'), memo: 'Straßenfest' },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body.payee.name).toBe('Émile');
    expect((await client.get(`${base}/payees`)).body).toHaveLength(1);

    for (const q of ['öl', 'ÖL', 'émile', 'STRAẞENFEST', 'straßenfest']) {
      const found = await client.get(`${base}/transactions?q=${encodeURIComponent(q)}`);
      expect([q, found.body.items.length]).toEqual([q, 1]);
    }
    expect(
      (await client.get(`${base}/payees?q=${encodeURIComponent('ÉMI')}`)).body.map((p: any) => p.name),
    ).toEqual(['Émile']);
    await app.close();
  });
});
