import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useBookId } from '../books/queries.ts';
import { flowFilters } from './filters.ts';
import { LeftOut } from './LeftOut.tsx';
import { ColumnChart } from './ReportCharts.tsx';
import { useReportFilters } from './ReportFilters.tsx';
import { percent, ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

const intervals = ['week', 'month', 'quarter', 'year'] as const;
type Interval = (typeof intervals)[number];

export function IncomeExpenseReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('interval');
  const interval: Interval = intervals.includes(asked as Interval) ? (asked as Interval) : 'month';
  const query = { ...range, interval, ...useReportFilters(flowFilters) };
  const result = useReport('income-expense', query, () => api.reports.incomeExpense(bookId, query));
  return (
    <ReportFrame
      title="Income vs expense"
      name="income-expense"
      query={query}
      result={result}
      filters={flowFilters}
      controls={
        <div className="field report-option">
          <label htmlFor="report-interval">Per</label>
          <select
            id="report-interval"
            value={interval}
            onChange={(event) =>
              setSearch(
                (current) => {
                  const params = new URLSearchParams(current);
                  params.set('interval', event.target.value);
                  return params;
                },
                { replace: true },
              )
            }
          >
            {intervals.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {(data) => (
        <>
          <dl className="report-summary">
            <div>
              <dt>Income</dt>
              <dd>
                <Amount value={data.total.income} />
              </dd>
            </div>
            <div>
              <dt>Expense</dt>
              <dd>
                <Amount value={data.total.expense} />
              </dd>
            </div>
            <div>
              <dt>Net savings</dt>
              <dd>
                <Amount value={data.total.net} />
              </dd>
            </div>
            <div>
              <dt>Savings rate</dt>
              <dd>{percent(data.total.savingsRate, locale)}</dd>
            </div>
          </dl>
          <LeftOut amounts={data.otherCurrencies.map((other) => other.net)} what="net savings" />
          <ColumnChart
            locale={locale}
            series={[
              { name: 'Income', className: 'bar-income' },
              { name: 'Expense', className: 'bar-expense' },
            ]}
            periods={data.periods.map((p) => ({ label: p.period, values: [p.income, p.expense] }))}
          />
          <TableScroll label={`Income and expense per ${interval}`}>
            <table className="report-table">
              <caption className="visually-hidden">Income and expense per {interval}</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">Income</th>
                  <th scope="col">Expense</th>
                  <th scope="col">Net</th>
                  <th scope="col">Savings rate</th>
                </tr>
              </thead>
              <tbody>
                {data.periods.map((p) => (
                  <tr key={p.period}>
                    <th scope="row">{p.period}</th>
                    <td>
                      <Amount value={p.income} />
                    </td>
                    <td>
                      <Amount value={p.expense} />
                    </td>
                    <td>
                      <Amount value={p.net} />
                    </td>
                    <td>{percent(p.savingsRate, locale)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="report-total">
                  <th scope="row">Total</th>
                  <td>
                    <Amount value={data.total.income} />
                  </td>
                  <td>
                    <Amount value={data.total.expense} />
                  </td>
                  <td>
                    <Amount value={data.total.net} />
                  </td>
                  <td>{percent(data.total.savingsRate, locale)}</td>
                </tr>
              </tfoot>
            </table>
          </TableScroll>
        </>
      )}
    </ReportFrame>
  );
}
