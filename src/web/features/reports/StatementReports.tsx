import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.ts';
import type { MoneyJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { isZeroAmount } from '../../ui/money.ts';
import { useBookId } from '../books/queries.ts';
import { flowFilters } from './filters.ts';
import { amountsOf, LeftOut } from './LeftOut.tsx';
import { useReportFilters } from './ReportFilters.tsx';
import { dateLabel, ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

function Lines({
  title,
  lines,
  total,
  totalLabel,
  leftOut = [],
}: {
  title: string;
  lines: { key: number | string; name: ReactNode; value: MoneyJson }[];
  total: MoneyJson;
  totalLabel: string;
  leftOut?: readonly MoneyJson[];
}) {
  return (
    <div>
      <Table title={title} lines={lines} total={total} totalLabel={totalLabel} />
      <LeftOut amounts={leftOut} what={totalLabel.toLowerCase()} />
    </div>
  );
}

function Table({
  title,
  lines,
  total,
  totalLabel,
}: {
  title: string;
  lines: { key: number | string; name: ReactNode; value: MoneyJson }[];
  total: MoneyJson;
  totalLabel: string;
}) {
  return (
    <table className="report-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Amount</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.key}>
            <th scope="row">{line.name}</th>
            <td>
              <Amount value={line.value} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="report-total">
          <th scope="row">{totalLabel}</th>
          <td>
            <Amount value={total} />
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The equity line of money moved between currencies, when there was any. */
const conversionLine = (value: MoneyJson) =>
  isZeroAmount(value.amount) ? [] : [{ key: 'conversions', name: 'Currency conversions', value }];

export function BalanceSheetReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const query = { date: range.to };
  const result = useReport('balance-sheet', query, () => api.reports.balanceSheet(bookId, query));
  const accountLines = (
    accounts: { accountId: number; name: string; archived: boolean; balance: MoneyJson }[],
  ) =>
    accounts.map((a) => ({
      key: a.accountId,
      name: a.archived ? `${a.name} (archived)` : a.name,
      value: a.balance,
    }));
  return (
    <ReportFrame
      title={`Balance sheet at ${dateLabel(range.to, locale)}`}
      name="balance-sheet"
      query={query}
      result={result}
    >
      {(data) => (
        <>
          <div className="report-columns">
            <Lines
              title="Assets"
              lines={accountLines(data.assets.accounts)}
              total={data.assets.total}
              totalLabel="Total assets"
              leftOut={amountsOf(data.otherCurrencies, 'assets')}
            />
            <Lines
              title="Liabilities"
              lines={accountLines(data.liabilities.accounts)}
              total={data.liabilities.total}
              totalLabel="Total liabilities"
              leftOut={amountsOf(data.otherCurrencies, 'liabilities')}
            />
            <Lines
              title="Equity"
              lines={[
                ...accountLines(data.equity.accounts),
                { key: 'retained', name: 'Retained earnings', value: data.equity.retainedEarnings },
                ...conversionLine(data.equity.currencyConversions),
              ]}
              total={data.equity.total}
              totalLabel="Total equity"
              leftOut={amountsOf(data.otherCurrencies, 'equity')}
            />
          </div>
          {data.otherCurrencies.length > 0 && (
            <>
              <h3>Other currencies, each balanced on its own</h3>
              <div className="report-columns">
                {data.otherCurrencies.map((other) => {
                  const money = (amount: string) => ({ amount, currency: other.currency });
                  return (
                    <Table
                      key={other.currency}
                      title={`In ${other.currency}`}
                      lines={[
                        { key: 'assets', name: 'Total assets', value: money(other.assets) },
                        { key: 'liabilities', name: 'Total liabilities', value: money(other.liabilities) },
                        { key: 'retained', name: 'Retained earnings', value: money(other.retainedEarnings) },
                        ...conversionLine(money(other.currencyConversions)),
                      ]}
                      total={money(other.equity)}
                      totalLabel="Total equity"
                    />
                  );
                })}
              </div>
            </>
          )}
        </>
      )}
    </ReportFrame>
  );
}

export function IncomeStatementReport() {
  const bookId = useBookId();
  const range = useReportRange();
  const query = { ...range, ...useReportFilters(flowFilters) };
  const result = useReport('income-statement', query, () => api.reports.incomeStatement(bookId, query));
  const lines = (categories: { categoryId: number; name: string; groupName: string; amount: MoneyJson }[]) =>
    categories.map((c) => ({ key: c.categoryId, name: `${c.groupName} · ${c.name}`, value: c.amount }));
  return (
    <ReportFrame
      title="Income statement"
      name="income-statement"
      query={query}
      result={result}
      filters={flowFilters}
    >
      {(data) => (
        <>
          <div className="report-columns">
            <Lines
              title="Income"
              lines={lines(data.income.categories)}
              total={data.income.total}
              totalLabel="Total income"
              leftOut={amountsOf(data.otherCurrencies, 'income')}
            />
            <Lines
              title="Expenses"
              lines={lines(data.expense.categories)}
              total={data.expense.total}
              totalLabel="Total expenses"
              leftOut={amountsOf(data.otherCurrencies, 'expense')}
            />
          </div>
          <p className="big-number">
            Net income: <Amount value={data.netIncome} />
          </p>
          <LeftOut amounts={amountsOf(data.otherCurrencies, 'netIncome')} what="net income" />
        </>
      )}
    </ReportFrame>
  );
}
