import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildReportLedger } from '../support/report-ledger.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

describeEachDatabase('balance sheet, income statement and net worth', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;
  let ids: Awaited<ReturnType<typeof buildReportLedger>>;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    ({ client, base } = await signUpWithBook(app));
    ids = await buildReportLedger(client, base);
    return () => app.close();
  });

  it('balances assets against liabilities and equity, retained earnings included', async () => {
    const mid = (await client.get(`${base}/reports/balance-sheet?date=2026-02-15`)).body;
    expect(mid.assets.accounts.map((a: any) => [a.name, a.balance.amount])).toEqual([
      ['Checking', '3135.00'],
      ['Savings', '500.00'],
    ]);
    expect(mid.assets.total).toEqual(eur('3635.00'));
    expect(mid.liabilities.accounts).toEqual([
      { accountId: ids.card, name: 'Card', archived: false, balance: eur('340.00') },
    ]);
    expect(mid.equity.accounts.map((a: any) => [a.name, a.balance.amount])).toEqual([
      ['Opening Balances', '1200.00'],
    ]);
    expect(mid.equity.retainedEarnings).toEqual(eur('2095.00'));
    expect(mid.equity.total).toEqual(eur('3295.00'));
    expect(mid.otherCurrencies).toEqual([]);

    const end = (await client.get(`${base}/reports/balance-sheet?date=2026-02-28`)).body;
    expect([end.assets.total, end.liabilities.total, end.equity.retainedEarnings, end.equity.total]).toEqual([
      eur('3300.00'),
      eur('0.00'),
      eur('2100.00'),
      eur('3300.00'),
    ]);
    // The archived account has a zero balance by then: no line. Before, it had one.
    expect(end.assets.accounts.some((a: any) => a.accountId === ids.old)).toBe(false);
    const early = (await client.get(`${base}/reports/balance-sheet?date=2026-01-01`)).body;
    expect(early.assets.accounts.find((a: any) => a.accountId === ids.old)).toEqual({
      accountId: ids.old,
      name: 'Old',
      archived: true,
      balance: eur('200.00'),
    });
  });

  it('states income and expense per category; splits count per category, refunds reduce, transfers never count', async () => {
    const body = (await client.get(`${base}/reports/income-statement?from=2026-01-01&to=2026-02-28`)).body;
    expect(body.income.categories.map((c: any) => [c.groupName, c.name, c.amount.amount])).toEqual([
      ['Work', 'Salary', '2500.00'],
      ['Ungrouped', 'Interest', '5.00'],
    ]);
    expect(body.expense.categories.map((c: any) => [c.groupName, c.name, c.amount.amount])).toEqual([
      ['Living', 'Food', '75.00'],
      ['Living', 'Home', '30.00'],
      ['Fun', 'Travel', '300.00'],
    ]);
    expect([body.income.total, body.expense.total, body.netIncome]).toEqual([
      eur('2505.00'),
      eur('405.00'),
      eur('2100.00'),
    ]);
    const filtered = (
      await client.get(`${base}/reports/income-statement?from=2026-01-01&to=2026-03-31&payeeIds=${ids.rewe}`)
    ).body;
    expect(filtered.expense.categories.map((c: any) => [c.name, c.amount.amount])).toEqual([
      ['Food', '90.00'],
      ['Home', '30.00'],
    ]);
    expect(filtered.netIncome).toEqual(eur('-120.00'));
  });

  it('draws net worth per month and per day, with archived accounts in the breakdown', async () => {
    const monthly = (await client.get(`${base}/reports/net-worth?from=2026-01-01&to=2026-03-31`)).body;
    expect(monthly.accounts.map((a: any) => [a.name, a.type, a.archived])).toEqual([
      ['Checking', 'asset', false],
      ['Old', 'asset', true],
      ['Savings', 'asset', false],
      ['Card', 'liability', false],
    ]);
    expect(
      monthly.points.map((p: any) => [
        p.date,
        p.assets.amount,
        p.liabilities.amount,
        p.netWorth.amount,
        p.balances,
      ]),
    ).toEqual([
      ['2026-01-31', '3620.00', '0.00', '3620.00', ['3120.00', '0.00', '500.00', '0.00']],
      ['2026-02-28', '3300.00', '0.00', '3300.00', ['2795.00', '0.00', '505.00', '0.00']],
      ['2026-03-31', '5701.00', '0.00', '5701.00', ['5196.00', '0.00', '505.00', '0.00']],
    ]);
    const daily = (await client.get(`${base}/reports/net-worth?from=2026-02-09&to=2026-02-11&interval=day`))
      .body;
    expect(daily.points.map((p: any) => [p.date, p.liabilities.amount, p.netWorth.amount])).toEqual([
      ['2026-02-09', '40.00', '3595.00'],
      ['2026-02-10', '340.00', '3295.00'],
      ['2026-02-11', '340.00', '3295.00'],
    ]);
    const one = (
      await client.get(
        `${base}/reports/net-worth?from=2026-01-14&to=2026-01-15&interval=day&accountIds=${ids.old}`,
      )
    ).body;
    expect(one.points.map((p: any) => [p.date, p.netWorth.amount])).toEqual([
      ['2026-01-14', '200.00'],
      ['2026-01-15', '0.00'],
    ]);
  });

  it('downloads each statement as CSV', async () => {
    const json = (await client.get(`${base}/reports/balance-sheet?date=2026-02-15`)).body;
    const openingId = json.equity.accounts[0].accountId;
    const sheet = await client.get(`${base}/reports/balance-sheet?date=2026-02-15&format=csv`);
    expect(sheet.status).toBe(200);
    expect(sheet.contentType).toBe('text/csv; charset=utf-8');
    expect(sheet.headers['content-disposition']).toBe('attachment; filename="balance-sheet.csv"');
    expect(sheet.body).toBe(
      [
        'section,account_id,account,currency,balance',
        `assets,${ids.checking},Checking,EUR,3135.00`,
        `assets,${ids.savings},Savings,EUR,500.00`,
        'assets,,Total assets,EUR,3635.00',
        `liabilities,${ids.card},Card,EUR,340.00`,
        'liabilities,,Total liabilities,EUR,340.00',
        `equity,${openingId},Opening Balances,EUR,1200.00`,
        'equity,,Retained earnings,EUR,2095.00',
        'equity,,Total equity,EUR,3295.00',
        '',
      ].join('\r\n'),
    );
  });

  it('refuses bad dates, reversed ranges and unknown intervals with problems', async () => {
    expectProblem(await client.get(`${base}/reports/balance-sheet?date=2026-02-30`), 422, 'INVALID_DATE');
    expectProblem(await client.get(`${base}/reports/balance-sheet`), 400, 'VALIDATION_FAILED');
    expectProblem(
      await client.get(`${base}/reports/income-statement?from=2026-03-01&to=2026-01-01`),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.get(`${base}/reports/net-worth?from=2026-01-01&to=2026-03-01&interval=week`),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.get(`${base}/reports/net-worth?from=2000-01-01&to=2026-03-01&interval=day`),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.get(`${base}/reports/income-statement?from=2026-01-01&to=2026-01-31&tagIds=1,x`),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await client.get(`${base}/reports/balance-sheet?date=2026-01-01&format=xml`),
      400,
      'VALIDATION_FAILED',
    );
  });
});
