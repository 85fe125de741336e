import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { envelopeBook, envelopes, eur, totals } from '../support/envelope.ts';

describeEachDatabase('envelope budgeting', (ctx) => {
  let app: App;
  let book: Awaited<ReturnType<typeof envelopeBook>>;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    book = await envelopeBook(app);
    const { ids, earn, spend, assign, move } = book;
    // January: 3000 income; assign 400 / 1000 / 100; spend 350 on groceries, 1000 rent.
    await earn('2026-01-05', '3000.00');
    await spend('2026-01-01', ids.rent, '1000.00');
    await spend('2026-01-10', ids.groceries, '350.00');
    for (const [id, amount] of [
      [ids.groceries, '400.00'],
      [ids.rent, '1000.00'],
      [ids.fun, '100.00'],
    ] as const) {
      expect((await assign('2026-01', id, eur(amount))).status).toBe(200);
    }
    // February: 2000 income; groceries overspent by 30 and covered by a move from fun.
    await earn('2026-02-05', '2000.00');
    await spend('2026-02-01', ids.rent, '1000.00');
    await spend('2026-02-12', ids.groceries, '480.00');
    await spend('2026-02-20', ids.fun, '20.00');
    await assign('2026-02', ids.groceries, eur('400.00'));
    await assign('2026-02', ids.rent, eur('1000.00'));
    const moved = await move('2026-02', { from: ids.fun, to: ids.groceries, amount: eur('30.00') });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      month: '2026-02',
      from: ids.fun,
      to: ids.groceries,
      amount: eur('30.00'),
    });
    // March: no income; groceries overspent by 50 and left uncovered.
    await assign('2026-03', ids.groceries, eur('300.00'));
    await spend('2026-03-15', ids.groceries, '350.00');
    await spend('2026-03-31', ids.fun, '10.00');
  });

  it('lands income in TBB, carries balances forward and counts assignments (January)', async () => {
    const jan = await book.month('2026-01');
    expect(jan.month).toBe('2026-01');
    expect(jan.startMonth).toBe('2026-01');
    expect(totals(jan)).toEqual({
      startingBalance: '0.00',
      income: '3000.00',
      carriedTbb: '0.00',
      overspendingFromLastMonth: '0.00',
      assigned: '1500.00',
      tbb: '1500.00',
      overAssigned: false,
      rolledIntoNextTbb: '0.00',
    });
    expect(envelopes(jan)).toEqual({
      Groceries: ['0.00', '400.00', '350.00', '50.00', '0.00'],
      Rent: ['0.00', '1000.00', '1000.00', '0.00', '0.00'],
      Fun: ['0.00', '100.00', '0.00', '100.00', '0.00'],
    });
    expect(jan.moves).toEqual([]);
  });

  it('covers overspending with a move (February)', async () => {
    const feb = await book.month('2026-02');
    expect(totals(feb)).toEqual({
      startingBalance: '0.00',
      income: '2000.00',
      carriedTbb: '1500.00',
      overspendingFromLastMonth: '0.00',
      assigned: '1400.00',
      tbb: '2100.00',
      overAssigned: false,
      rolledIntoNextTbb: '0.00',
    });
    expect(envelopes(feb)).toEqual({
      Groceries: ['50.00', '430.00', '480.00', '0.00', '0.00'],
      Rent: ['0.00', '1000.00', '1000.00', '0.00', '0.00'],
      Fun: ['100.00', '-30.00', '20.00', '50.00', '0.00'],
    });
    expect(feb.moves).toHaveLength(1);
    expect(feb.moves[0]).toMatchObject({ from: book.ids.fun, to: book.ids.groceries, amount: eur('30.00') });
  });

  it('rolls uncovered overspending into next month’s TBB (March → April)', async () => {
    const mar = await book.month('2026-03');
    expect(totals(mar)).toEqual({
      startingBalance: '0.00',
      income: '0.00',
      carriedTbb: '2100.00',
      overspendingFromLastMonth: '0.00',
      assigned: '300.00',
      tbb: '1800.00',
      overAssigned: false,
      rolledIntoNextTbb: '-50.00',
    });
    expect(envelopes(mar)).toEqual({
      Groceries: ['0.00', '300.00', '350.00', '-50.00', '50.00'],
      Rent: ['0.00', '0.00', '0.00', '0.00', '0.00'],
      Fun: ['50.00', '0.00', '10.00', '40.00', '0.00'],
    });
    const apr = await book.month('2026-04');
    expect(totals(apr)).toMatchObject({
      carriedTbb: '1800.00',
      overspendingFromLastMonth: '-50.00',
      tbb: '1750.00',
    });
    expect(envelopes(apr)).toEqual({
      Groceries: ['0.00', '0.00', '0.00', '0.00', '0.00'],
      Rent: ['0.00', '0.00', '0.00', '0.00', '0.00'],
      Fun: ['40.00', '0.00', '0.00', '40.00', '0.00'],
    });
    // TBB + balances = all income − all spending: 1750 + 40 = 5000 − 3210.
  });

  it('flags over-assigning, and a zero assignment clears it', async () => {
    expect((await book.assign('2026-04', book.ids.rent, eur('2000.00'))).status).toBe(200);
    const over = await book.month('2026-04');
    expect(totals(over)).toMatchObject({ assigned: '2000.00', tbb: '-250.00', overAssigned: true });
    const cleared = await book.assign('2026-04', book.ids.rent, eur('0'));
    expect(cleared.body).toEqual({ month: '2026-04', categoryId: book.ids.rent, amount: eur('0.00') });
    expect(totals(await book.month('2026-04'))).toMatchObject({ tbb: '1750.00', overAssigned: false });
  });

  it('covering March’s overspending with a move keeps April’s TBB whole; undoing it restores the roll', async () => {
    const moved = await book.move('2026-03', {
      from: book.ids.fun,
      to: book.ids.groceries,
      amount: eur('40.00'),
    });
    expect(moved.status).toBe(201);
    const mar = await book.month('2026-03');
    expect(envelopes(mar).Groceries).toEqual(['0.00', '340.00', '350.00', '-10.00', '10.00']);
    expect(totals(mar).rolledIntoNextTbb).toBe('-10.00');
    expect(totals(await book.month('2026-04')).tbb).toBe('1790.00');
    expect((await book.client.delete(`${book.base}/envelope/moves/${moved.body.id}`)).status).toBe(204);
    expect(totals(await book.month('2026-04')).tbb).toBe('1750.00');
    expect((await book.client.delete(`${book.base}/envelope/moves/${moved.body.id}`)).status).toBe(404);
  });

  it('counts the money in the on-budget accounts before the start month as money to assign', async () => {
    const fresh = await envelopeBook(app);
    const account = async (body: object) =>
      expect((await fresh.client.post(`${fresh.base}/accounts`, body)).status).toBe(201);
    const opened = (name: string, type: string, subtype: string | undefined, amount: string, date: string) =>
      account({ name, type, subtype, openingBalance: eur(amount), openingDate: date });
    await opened('Savings', 'asset', 'savings', '1000.00', '2025-06-30');
    await opened('Wallet', 'asset', 'cash', '50.00', '2025-12-31');
    await opened('Visa', 'liability', 'credit_card', '-300.00', '2025-12-01');
    // Tracked, not budgeted: investments, loans, accounts of no known kind, other currencies.
    await opened('Brokerage', 'asset', 'investment', '9000.00', '2025-01-01');
    await opened('Mortgage', 'liability', 'loan', '-90000.00', '2025-01-01');
    await opened('Shoebox', 'asset', undefined, '70.00', '2025-01-01');
    await account({
      name: 'US checking',
      type: 'asset',
      subtype: 'checking',
      currency: 'USD',
      openingBalance: { amount: '500.00', currency: 'USD' },
      openingDate: '2025-01-01',
    });
    // Income before the start is in Checking's balance, not in January's income.
    await fresh.earn('2025-11-15', '200.00');
    await fresh.earn('2026-01-15', '10.00');
    const jan = await fresh.month('2026-01');
    expect(totals(jan)).toMatchObject({ startingBalance: '950.00', income: '10.00', tbb: '960.00' });
    expect(totals(await fresh.month('2026-02'))).toMatchObject({
      startingBalance: '0.00',
      carriedTbb: '960.00',
      tbb: '960.00',
    });
    // Read through kept envelope years (an opening month) as well.
    expect(totals(await fresh.month('2027-03')).tbb).toBe('960.00');
    await fresh.client.request('PUT', `${fresh.base}/envelope/settings`, {
      enabled: true,
      startMonth: '2025-07',
    });
    expect(totals(await fresh.month('2025-07'))).toMatchObject({
      startingBalance: '1000.00',
      tbb: '1000.00',
    });
  });

  it('reads a book without settings from its first assignment; settings can be turned off', async () => {
    const fresh = await envelopeBook(app);
    await fresh.client.request('PUT', `${fresh.base}/envelope/settings`, {
      enabled: false,
      startMonth: '2026-05',
    });
    expect((await fresh.client.get(`${fresh.base}/envelope/settings`)).body).toEqual({
      enabled: false,
      startMonth: '2026-05',
    });
    const bare = await signUpWithBook(app);
    expect((await bare.client.get(`${bare.base}/envelope/settings`)).body).toEqual({
      enabled: false,
      startMonth: null,
    });
    const empty = (await bare.client.get(`${bare.base}/envelope/months/2026-07`)).body;
    expect(empty).toMatchObject({
      month: '2026-07',
      startMonth: '2026-07',
      tbb: eur('0.00'),
      categories: [],
    });
  });
});
