/**
 * Reports over a book with an account in another currency (issue 13): until exchange rates exist,
 * every total says what it leaves out, per currency with the amounts, and the balance sheet
 * balances in each currency, money moved between currencies included.
 */
import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const usd = (amount: string) => ({ amount, currency: 'USD' });

describeEachDatabase('reports with an account in another currency', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client, base } = await signUpWithBook(app));
    const account = async (name: string, type: string, currency: string, amount: string) =>
      (
        await client.post(`${base}/accounts`, {
          name,
          type,
          currency,
          openingBalance: { amount, currency },
          openingDate: '2026-01-01',
        })
      ).body.id as number;
    const checking = await account('Checking', 'asset', 'EUR', '1000.00');
    await account('Card', 'liability', 'EUR', '-100.00');
    const dollars = await account('Travel USD', 'asset', 'USD', '200.00');
    const food = (await client.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    const post = async (date: string, postings: unknown[]) => {
      const reply = await client.post(`${base}/transactions`, { date, description: 'x', postings });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    };
    // €100 leave the euros for $108.37; then $21.67 of dollars pay a €20.00 meal.
    await post('2026-01-10', [
      { accountId: checking, amount: eur('-100.00') },
      { accountId: dollars, amount: usd('108.37'), value: eur('100.00') },
    ]);
    await post('2026-01-12', [
      { accountId: food, amount: eur('20.00') },
      { accountId: dollars, amount: usd('-21.67'), value: eur('-20.00') },
    ]);
    // A category kept in dollars: $5.00 of fees paid from the dollars.
    const fees = (await client.post(`${base}/categories`, { name: 'Fees', kind: 'expense', currency: 'USD' }))
      .body.id;
    await post('2026-01-20', [
      { accountId: fees, amount: usd('5.00') },
      { accountId: dollars, amount: usd('-5.00') },
    ]);
    return () => app.close();
  });

  it('balances the balance sheet in each currency, with the money moved between currencies', async () => {
    const sheet = (await client.get(`${base}/reports/balance-sheet?date=2026-01-31`)).body;
    expect(sheet.assets.total).toEqual(eur('900.00'));
    expect(sheet.liabilities.total).toEqual(eur('100.00'));
    // Opening balances 900, retained earnings −20, and €80 net moved out of the euros.
    expect(sheet.equity.retainedEarnings).toEqual(eur('-20.00'));
    expect(sheet.equity.currencyConversions).toEqual(eur('-80.00'));
    expect(sheet.equity.total).toEqual(eur('800.00'));
    expect(sheet.otherCurrencies).toEqual([
      {
        currency: 'USD',
        assets: '281.70',
        liabilities: '0.00',
        equity: '281.70',
        retainedEarnings: '-5.00',
        currencyConversions: '86.70',
      },
    ]);
  });

  it('states in each net-worth point what the other currencies hold', async () => {
    const body = (await client.get(`${base}/reports/net-worth?from=2026-01-01&to=2026-01-31`)).body;
    expect(body.points).toHaveLength(1);
    const [point] = body.points;
    expect(point.netWorth).toEqual(eur('800.00'));
    expect(point.otherCurrencies).toEqual([
      { currency: 'USD', assets: '281.70', liabilities: '0.00', netWorth: '281.70' },
    ]);
  });

  it('downloads the balance sheet with the conversions and the other currencies', async () => {
    const reply = await client.get(`${base}/reports/balance-sheet?date=2026-01-31&format=csv`);
    expect(reply.body.split('\r\n').slice(-6, -1)).toEqual([
      'equity,,Currency conversions,EUR,-80.00',
      'equity,,Total equity,EUR,800.00',
      'assets,,Total assets,USD,281.70',
      'liabilities,,Total liabilities,USD,0.00',
      'equity,,Total equity,USD,281.70',
    ]);
  });

  it('states in the cash flow what other currencies brought in and took out', async () => {
    const body = (await client.get(`${base}/reports/cash-flow?from=2026-01-01&to=2026-01-31`)).body;
    expect([body.income, body.expense]).toEqual([eur('0.00'), eur('20.00')]);
    expect(body.otherCurrencies).toEqual([{ currency: 'USD', income: '0.00', expense: '5.00' }]);
  });
});
