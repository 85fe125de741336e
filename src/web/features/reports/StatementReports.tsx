import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.ts';
import type { MoneyJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useBookId } from '../books/queries.ts';
import { flowFilters } from './filters.ts';
import { useReportFilters } from './ReportFilters.tsx';
import { dateLabel, ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

function Lines({
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
        <div className="report-columns">
          <Lines
            title="Assets"
            lines={accountLines(data.assets.accounts)}
            total={data.assets.total}
            totalLabel="Total assets"
          />
          <Lines
            title="Liabilities"
            lines={accountLines(data.liabilities.accounts)}
            total={data.liabilities.total}
            totalLabel="Total liabilities"
          />
          <Lines
            title="Equity"
            lines={[
              ...accountLines(data.equity.accounts),
              { key: 'retained', name: 'Retained earnings', value: data.equity.retainedEarnings },
            ]}
            total={data.equity.total}
            totalLabel="Total equity"
          />
        </div>
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
            />
            <Lines
              title="Expenses"
              lines={lines(data.expense.categories)}
              total={data.expense.total}
              totalLabel="Total expenses"
            />
          </div>
          <p className="big-number">
            Net income: <Amount value={data.netIncome} />
          </p>
        </>
      )}
    </ReportFrame>
  );
}
