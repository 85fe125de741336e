import { beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { type Client, expectProblem, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildReportLedger } from '../support/report-ledger.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const JAN_FEB = 'from=2026-01-01&to=2026-02-28';

describeEachDatabase('spending, income vs expense, cash flow and category trend', (ctx) => {
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

  const spending = async (query: string) => (await client.get(`${base}/reports/spending?${query}`)).body;

  it('groups spending by category group with subtotals; splits per category, refunds reduce it', async () => {
    const body = await spending(JAN_FEB);
    expect(body.groups).toEqual([
      {
        groupId: ids.living,
        name: 'Living',
        total: eur('105.00'),
        categories: [
          { categoryId: ids.food, name: 'Food', archived: false, total: eur('75.00') },
          { categoryId: ids.home, name: 'Home', archived: false, total: eur('30.00') },
        ],
      },
      {
        groupId: ids.fun,
        name: 'Fun',
        total: eur('300.00'),
        categories: [{ categoryId: ids.travel, name: 'Travel', archived: false, total: eur('300.00') }],
      },
    ]);
    expect([body.total, body.currency, body.otherCurrencies]).toEqual([eur('405.00'), 'EUR', []]);
    const income = await spending(`${JAN_FEB}&kind=income`);
    expect(income.groups.map((g: any) => [g.name, g.total.amount])).toEqual([
      ['Work', '2500.00'],
      ['Ungrouped', '5.00'],
    ]);
  });

  it('narrows by accounts, categories, tags and payees', async () => {
    const flat = (body: any) =>
      body.groups.flatMap((g: any) => g.categories.map((c: any) => [c.name, c.total.amount]));
    expect(flat(await spending(`${JAN_FEB}&accountIds=${ids.card}`))).toEqual([
      ['Food', '40.00'],
      ['Travel', '300.00'],
    ]);
    expect(flat(await spending(`${JAN_FEB}&categoryIds=${ids.food},${ids.travel}`))).toEqual([
      ['Food', '75.00'],
      ['Travel', '300.00'],
    ]);
    expect(flat(await spending(`${JAN_FEB}&tagIds=${ids.trip}`))).toEqual([['Travel', '300.00']]);
    expect(flat(await spending(`${JAN_FEB}&payeeIds=${ids.rewe}&accountIds=${ids.checking}`))).toEqual([
      ['Food', '50.00'],
      ['Home', '30.00'],
    ]);
    // Drill-down: the ids lead to the category's transactions.
    const drill = await client.get(
      `${base}/transactions?categoryId=${ids.food}&from=2026-01-01&to=2026-02-28`,
    );
    expect(drill.body.items).toHaveLength(3);
  });

  it('compares income and expense per month, quarter and week with savings and an exact savings rate', async () => {
    const monthly = (await client.get(`${base}/reports/income-expense?from=2026-01-01&to=2026-03-31`)).body;
    expect(
      monthly.periods.map((p: any) => [
        p.period,
        p.income.amount,
        p.expense.amount,
        p.net.amount,
        p.savingsRate,
      ]),
    ).toEqual([
      ['2026-01', '2500.00', '80.00', '2420.00', '0.9680'],
      ['2026-02', '5.00', '325.00', '-320.00', '-64.0000'],
      ['2026-03', '2500.00', '99.00', '2401.00', '0.9604'],
    ]);
    expect(monthly.total).toEqual({
      income: eur('5005.00'),
      expense: eur('504.00'),
      net: eur('4501.00'),
      savingsRate: '0.8993',
    });
    const quarterly = (
      await client.get(`${base}/reports/income-expense?from=2026-01-01&to=2026-03-31&interval=quarter`)
    ).body;
    expect(quarterly.periods).toEqual([
      { period: '2026-Q1', start: '2026-01-01', end: '2026-03-31', ...monthly.total },
    ]);
    const weekly = (
      await client.get(`${base}/reports/income-expense?from=2026-01-01&to=2026-01-18&interval=week`)
    ).body;
    expect(
      weekly.periods.map((p: any) => [
        p.period,
        p.start,
        p.end,
        p.income.amount,
        p.expense.amount,
        p.savingsRate,
      ]),
    ).toEqual([
      ['2026-W01', '2026-01-01', '2026-01-04', '0.00', '0.00', null],
      ['2026-W02', '2026-01-05', '2026-01-11', '2500.00', '80.00', '0.9680'],
      ['2026-W03', '2026-01-12', '2026-01-18', '0.00', '0.00', null],
    ]);
    const yearly = (
      await client.get(`${base}/reports/income-expense?from=2025-12-01&to=2026-12-31&interval=year`)
    ).body;
    expect(yearly.periods.map((p: any) => [p.period, p.net.amount])).toEqual([
      ['2025', '0.00'],
      ['2026', '4501.00'],
    ]);
  });

  it('draws cash flow as exact Sankey links: income → budget → expenses and savings', async () => {
    const body = (await client.get(`${base}/reports/cash-flow?${JAN_FEB}`)).body;
    const names = new Map(body.nodes.map((n: any) => [n.id, n.name]));
    expect(body.links.map((l: any) => [names.get(l.source), names.get(l.target), l.value.amount])).toEqual([
      ['Salary', 'Budget', '2500.00'],
      ['Interest', 'Budget', '5.00'],
      ['Budget', 'Food', '75.00'],
      ['Budget', 'Home', '30.00'],
      ['Budget', 'Travel', '300.00'],
      ['Budget', 'Savings', '2100.00'],
    ]);
    expect([body.income, body.expense]).toEqual([eur('2505.00'), eur('405.00')]);
    // Spending above income draws from savings; a category refunded more than spent flows in.
    const feb = (await client.get(`${base}/reports/cash-flow?from=2026-02-03&to=2026-02-28`)).body;
    const febNames = new Map(feb.nodes.map((n: any) => [n.id, n.name]));
    expect(
      feb.links.map((l: any) => [febNames.get(l.source), febNames.get(l.target), l.value.amount]),
    ).toEqual([
      ['Food', 'Budget', '15.00'],
      ['Interest', 'Budget', '5.00'],
      ['Budget', 'Travel', '300.00'],
      ['From savings', 'Budget', '280.00'],
    ]);
  });

  it('follows one category over months with its average and last month vs the one before', async () => {
    const body = (
      await client.get(`${base}/reports/categories/${ids.food}/trend?from=2026-01-01&to=2026-03-31`)
    ).body;
    expect(body.category).toEqual({
      categoryId: ids.food,
      name: 'Food',
      archived: false,
      kind: 'expense',
      currency: 'EUR',
    });
    expect(body.months.map((m: any) => [m.month, m.amount.amount])).toEqual([
      ['2026-01', '50.00'],
      ['2026-02', '25.00'],
      ['2026-03', '0.00'],
    ]);
    expect([body.total, body.average, body.current, body.previous, body.change, body.changeRate]).toEqual([
      eur('75.00'),
      eur('25.00'),
      { month: '2026-03', amount: eur('0.00') },
      { month: '2026-02', amount: eur('25.00') },
      eur('-25.00'),
      '-1.0000',
    ]);
    const salary = (
      await client.get(`${base}/reports/categories/${ids.salary}/trend?from=2026-02-01&to=2026-03-31`)
    ).body;
    expect([salary.average.amount, salary.changeRate]).toEqual(['1250.00', null]);
    expectProblem(
      await client.get(`${base}/reports/categories/${ids.checking}/trend?from=2026-01-01&to=2026-03-31`),
      404,
      'NOT_FOUND',
    );
  });

  it('downloads each flow report as CSV with RFC 4180 quoting', async () => {
    await client.patch(`${base}/categories/${ids.home}`, { name: 'Home, "sweet" home' });
    const csv = await client.get(`${base}/reports/spending?${JAN_FEB}&format=csv`);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(
      [
        'group_id,group,category_id,category,currency,total',
        `${ids.living},Living,${ids.food},Food,EUR,75.00`,
        `${ids.living},Living,${ids.home},"Home, ""sweet"" home",EUR,30.00`,
        `${ids.fun},Fun,${ids.travel},Travel,EUR,300.00`,
        '',
      ].join('\r\n'),
    );
    await client.patch(`${base}/categories/${ids.home}`, { name: 'Home' });
    const rows = async (path: string) => (await client.get(`${base}${path}&format=csv`)).body.split('\r\n');
    expect((await rows('/reports/income-expense?from=2026-01-01&to=2026-01-31')).slice(0, 2)).toEqual([
      'period,start,end,currency,income,expense,net,savings_rate',
      '2026-01,2026-01-01,2026-01-31,EUR,2500.00,80.00,2420.00,0.9680',
    ]);
    expect((await rows(`/reports/cash-flow?${JAN_FEB}`)).at(-2)).toBe('Budget,Savings,EUR,2100.00');
    expect((await rows(`/reports/net-worth?${JAN_FEB}`)).slice(0, 2)).toEqual([
      'date,currency,assets,liabilities,net_worth,Checking (EUR),Old (EUR),Savings (EUR),Card (EUR)',
      '2026-01-31,EUR,3620.00,0.00,3620.00,3120.00,0.00,500.00,0.00',
    ]);
    expect((await rows(`/reports/income-statement?${JAN_FEB}`)).at(-2)).toBe('net,,,Net income,EUR,2100.00');
    expect((await rows(`/reports/categories/${ids.food}/trend?${JAN_FEB}`)).slice(1, 3)).toEqual([
      `2026-01,${ids.food},Food,EUR,50.00`,
      `2026-02,${ids.food},Food,EUR,25.00`,
    ]);
  });

  it('refuses bad input with problems', async () => {
    const bad = async (path: string, status: number, code: string) =>
      expectProblem(await client.get(`${base}${path}`), status, code);
    await bad('/reports/spending?from=2026-13-01&to=2026-12-31', 422, 'INVALID_DATE');
    await bad('/reports/spending?from=2026-03-01&to=2026-01-31', 400, 'VALIDATION_FAILED');
    await bad('/reports/spending?from=2026-01-01&to=2026-01-31&kind=equity', 400, 'VALIDATION_FAILED');
    await bad(
      '/reports/income-expense?from=2026-01-01&to=2026-01-31&interval=fortnight',
      400,
      'VALIDATION_FAILED',
    );
    await bad('/reports/income-expense?from=2026-01-01', 400, 'VALIDATION_FAILED');
    await bad('/reports/cash-flow?from=2026-01-01&to=2026-01-31&payeeIds=', 400, 'VALIDATION_FAILED');
    await bad(
      '/reports/cash-flow?from=2026-01-01&to=2026-01-31&accountIds=9999999999',
      400,
      'VALIDATION_FAILED',
    );
    await bad(
      '/reports/categories/1/trend?from=2026-01-01&to=2026-01-31&categoryIds=1',
      400,
      'VALIDATION_FAILED',
    );
    await bad('/reports/spending?from=2026-01-01&to=2026-01-31&colour=red', 400, 'VALIDATION_FAILED');
  });
});
