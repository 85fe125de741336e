import { expect, it } from 'vitest';
import { Client, PASSWORD, testApp, uniqueEmail } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const usd = (amount: string) => ({ amount, currency: 'USD' });

describeEachDatabase('the happy path through the API', (ctx) => {
  it('registers, books, spends with splits, transfers across currencies, edits and deletes', async () => {
    const app = await testApp(ctx.database);
    const ada = new Client(app);
    const email = uniqueEmail('ada');

    const registered = await ada.post('/api/v1/auth/register', { email, password: PASSWORD, name: 'Ada' });
    expect([registered.status, registered.body]).toEqual([202, { status: 'accepted' }]);
    const loggedIn = await ada.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(loggedIn.body.user).toMatchObject({ email, name: 'Ada' });
    expect(loggedIn.headers['set-cookie']).toMatch(
      /moneta_session=.+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax/,
    );

    const book = await ada.post('/api/v1/books', { name: 'Household', baseCurrency: 'EUR' });
    expect(book.status).toBe(201);
    expect(book.body).toMatchObject({ name: 'Household', baseCurrency: 'EUR', role: 'owner' });
    const base = `/api/v1/books/${book.body.id}`;

    const checking = await ada.post(`${base}/accounts`, {
      name: 'Checking',
      type: 'asset',
      subtype: 'checking',
      openingBalance: eur('1500.00'),
      openingDate: '2026-01-01',
    });
    expect(checking.status).toBe(201);
    expect(checking.body).toMatchObject({ currency: 'EUR', subtype: 'checking', balance: eur('1500.00') });
    const dollars = await ada.post(`${base}/accounts`, {
      name: 'Dollar account',
      type: 'asset',
      currency: 'USD',
      openingBalance: usd('200.00'),
      openingDate: '2026-01-01',
    });
    expect(dollars.body.balance).toEqual(usd('200.00'));

    const groceries = await ada.post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
    const household = await ada.post(`${base}/categories`, { name: 'Household', kind: 'expense' });
    const pharmacy = await ada.post(`${base}/categories`, { name: 'Pharmacy', kind: 'expense' });
    expect([groceries.status, household.status, pharmacy.status]).toEqual([201, 201, 201]);

    const shopping = await ada.post(`${base}/transactions`, {
      date: '2026-01-10',
      payeeName: 'Rewe',
      description: 'Weekly shop',
      postings: [
        { accountId: checking.body.id, amount: eur('-87.45') },
        { accountId: groceries.body.id, amount: eur('61.20'), memo: 'food' },
        { accountId: household.body.id, amount: eur('18.30') },
        { accountId: pharmacy.body.id, amount: eur('7.95') },
      ],
    });
    expect(shopping.status).toBe(201);
    expect(shopping.body).toMatchObject({
      date: '2026-01-10',
      currency: 'EUR',
      total: eur('87.45'),
      payee: { name: 'Rewe' },
      status: 'pending',
    });
    expect(shopping.body.postings).toHaveLength(4);
    expect(shopping.body.postings[1]).toMatchObject({
      amount: eur('61.20'),
      value: eur('61.20'),
      memo: 'food',
    });

    const transfer = await ada.post(`${base}/transactions`, {
      date: '2026-01-12',
      description: 'To the dollar account',
      postings: [
        { accountId: checking.body.id, amount: eur('-100.00') },
        { accountId: dollars.body.id, amount: usd('108.37'), value: eur('100.00') },
      ],
    });
    expect(transfer.status).toBe(201);
    expect(transfer.body.postings[1]).toMatchObject({ amount: usd('108.37'), value: eur('100.00') });

    const balanceOf = async (id: number, date?: string) =>
      (await ada.get(`${base}/accounts/${id}/balance${date ? `?date=${date}` : ''}`)).body.balance;
    expect(await balanceOf(checking.body.id)).toEqual(eur('1312.55'));
    expect(await balanceOf(dollars.body.id)).toEqual(usd('308.37'));
    expect(await balanceOf(groceries.body.id)).toEqual(eur('61.20'));
    expect(await balanceOf(checking.body.id, '2026-01-11')).toEqual(eur('1412.55'));
    expect(await balanceOf(checking.body.id, '2025-12-31')).toEqual(eur('0.00'));
    expect((await ada.get(`${base}/accounts/${checking.body.id}`)).body.balance).toEqual(eur('1312.55'));

    const register = await ada.get(`${base}/accounts/${checking.body.id}/register`);
    expect(register.status).toBe(200);
    expect(register.body.items.map((row: any) => [row.date, row.amount.amount, row.balance.amount])).toEqual([
      ['2026-01-12', '-100.00', '1312.55'],
      ['2026-01-10', '-87.45', '1412.55'],
      ['2026-01-01', '1500.00', '1500.00'],
    ]);
    expect(register.body.items[1].otherAccountIds).toEqual([
      groceries.body.id,
      household.body.id,
      pharmacy.body.id,
    ]);

    const paged = await ada.get(`${base}/accounts/${checking.body.id}/register?limit=2`);
    expect(paged.body.items).toHaveLength(2);
    const rest = await ada.get(
      `${base}/accounts/${checking.body.id}/register?limit=2&cursor=${paged.body.nextCursor}`,
    );
    expect(rest.body.items.map((row: any) => row.balance.amount)).toEqual(['1500.00']);
    expect(rest.body.nextCursor).toBeNull();

    const edited = await ada.patch(`${base}/transactions/${shopping.body.id}`, {
      status: 'cleared',
      postings: [
        { accountId: checking.body.id, amount: eur('-90.00') },
        { accountId: groceries.body.id, amount: eur('70.00') },
        { accountId: household.body.id },
      ],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'cleared', total: eur('90.00'), payee: { name: 'Rewe' } });
    expect(edited.body.postings[2].amount).toEqual(eur('20.00'));
    expect(await balanceOf(checking.body.id)).toEqual(eur('1310.00'));
    expect(await balanceOf(pharmacy.body.id)).toEqual(eur('0.00'));

    const listed = await ada.get(`${base}/transactions?categoryId=${groceries.body.id}`);
    expect(listed.body.items.map((t: any) => t.id)).toEqual([shopping.body.id]);

    expect((await ada.delete(`${base}/transactions/${shopping.body.id}`)).status).toBe(204);
    expect((await ada.delete(`${base}/transactions/${transfer.body.id}`)).status).toBe(204);
    expect(await balanceOf(checking.body.id)).toEqual(eur('1500.00'));
    expect(await balanceOf(dollars.body.id)).toEqual(usd('200.00'));
    expect(await balanceOf(groceries.body.id)).toEqual(eur('0.00'));
    expect((await ada.get(`${base}/transactions/${shopping.body.id}`)).status).toBe(404);

    expect((await ada.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await ada.get('/api/v1/auth/me')).status).toBe(401);
    const again = await ada.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(again.status).toBe(200);
    expect((await ada.get(`${base}/accounts`)).body.map((a: any) => [a.name, a.balance.amount])).toEqual([
      ['Checking', '1500.00'],
      ['Dollar account', '200.00'],
      ['Opening Balances', '-1500.00'],
      ['Opening Balances (USD)', '-200.00'],
    ]);
    await app.close();
  });
});
