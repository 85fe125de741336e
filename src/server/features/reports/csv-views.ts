import type { Static } from 'typebox';
import type { CashFlow, IncomeExpense, Spending, Trend } from '../../../contract/report-flows.ts';
import type { BalanceSheet, IncomeStatement, NetWorth } from '../../../contract/report-statements.ts';
import { type CsvField, toCsv } from '../../../core/reports/csv.ts';

/** Each report as one flat CSV table: a header row, amounts as plain decimal strings. */

type Money = { amount: string; currency: string };

const isZeroAmount = (amount: string) => /^-?0*(\.0*)?$/.test(amount);

interface Reports {
  spending: Static<typeof Spending>;
  'income-expense': Static<typeof IncomeExpense>;
  'net-worth': Static<typeof NetWorth>;
  'cash-flow': Static<typeof CashFlow>;
  'balance-sheet': Static<typeof BalanceSheet>;
  'income-statement': Static<typeof IncomeStatement>;
  trend: Static<typeof Trend>;
}

export type ReportName = keyof Reports;

export const csvViews: { [K in ReportName]: (report: Reports[K]) => string } = {
  spending: (r) =>
    toCsv(
      ['group_id', 'group', 'category_id', 'category', 'currency', 'total'],
      [
        ...r.groups.flatMap((g) =>
          g.categories.map((c) => [
            g.groupId,
            g.name,
            c.categoryId,
            c.name,
            c.total.currency,
            c.total.amount,
          ]),
        ),
        ...r.otherCurrencies.map((c) => [null, null, c.categoryId, c.name, c.total.currency, c.total.amount]),
      ],
    ),
  'income-expense': (r) =>
    toCsv(
      ['period', 'start', 'end', 'currency', 'income', 'expense', 'net', 'savings_rate'],
      r.periods.map((p) => [
        p.period,
        p.start,
        p.end,
        p.income.currency,
        p.income.amount,
        p.expense.amount,
        p.net.amount,
        p.savingsRate,
      ]),
    ),
  'net-worth': (r) =>
    toCsv(
      [
        'date',
        'currency',
        'assets',
        'liabilities',
        'net_worth',
        ...r.accounts.map((a) => `${a.name} (${a.currency})`),
      ],
      r.points.map((p) => [
        p.date,
        p.assets.currency,
        p.assets.amount,
        p.liabilities.amount,
        p.netWorth.amount,
        ...p.balances,
      ]),
    ),
  'cash-flow': (r) => {
    const names = new Map<string, string>(r.nodes.map((n) => [n.id, n.name]));
    return toCsv(
      ['source', 'target', 'currency', 'value'],
      r.links.map((l) => [names.get(l.source)!, names.get(l.target)!, l.value.currency, l.value.amount]),
    );
  },
  'balance-sheet': (r) => {
    const rows: CsvField[][] = [];
    const section = (name: string, s: { accounts: Reports['balance-sheet']['assets']['accounts'] }) => {
      for (const a of s.accounts)
        rows.push([name, a.accountId, a.name, a.balance.currency, a.balance.amount]);
    };
    const line = (name: string, label: string, m: Money) =>
      rows.push([name, null, label, m.currency, m.amount]);
    section('assets', r.assets);
    line('assets', 'Total assets', r.assets.total);
    section('liabilities', r.liabilities);
    line('liabilities', 'Total liabilities', r.liabilities.total);
    section('equity', r.equity);
    line('equity', 'Retained earnings', r.equity.retainedEarnings);
    if (!isZeroAmount(r.equity.currencyConversions.amount))
      line('equity', 'Currency conversions', r.equity.currencyConversions);
    line('equity', 'Total equity', r.equity.total);
    // Other currencies: their totals, apart, so the download leaves out nothing silently.
    for (const c of r.otherCurrencies) {
      line('assets', 'Total assets', { amount: c.assets, currency: c.currency });
      line('liabilities', 'Total liabilities', { amount: c.liabilities, currency: c.currency });
      line('equity', 'Total equity', { amount: c.equity, currency: c.currency });
    }
    return toCsv(['section', 'account_id', 'account', 'currency', 'balance'], rows);
  },
  'income-statement': (r) => {
    const rows: CsvField[][] = [];
    for (const kind of ['income', 'expense'] as const) {
      for (const c of r[kind].categories)
        rows.push([kind, c.groupName, c.categoryId, c.name, c.amount.currency, c.amount.amount]);
      rows.push([kind, null, null, `Total ${kind}`, r[kind].total.currency, r[kind].total.amount]);
    }
    rows.push(['net', null, null, 'Net income', r.netIncome.currency, r.netIncome.amount]);
    return toCsv(['section', 'group', 'category_id', 'category', 'currency', 'amount'], rows);
  },
  trend: (r) =>
    toCsv(
      ['month', 'category_id', 'category', 'currency', 'amount'],
      r.months.map((m) => [
        m.month,
        r.category.categoryId,
        r.category.name,
        m.amount.currency,
        m.amount.amount,
      ]),
    ),
};
