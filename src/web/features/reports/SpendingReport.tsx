import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { BarChart } from '../../ui/BarChart.tsx';
import { useBookId } from '../books/queries.ts';
import { flowFilters } from './filters.ts';
import { useReportFilters } from './ReportFilters.tsx';
import { ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

export function SpendingReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const [search, setSearch] = useSearchParams();
  const kind = search.get('kind') === 'income' ? 'income' : 'expense';
  const query = { ...range, kind, ...useReportFilters(flowFilters) };
  const result = useReport('spending', query, () => api.reports.spending(bookId, query));
  const drill = (categoryId: number) =>
    `/books/${bookId}/transactions?categoryId=${categoryId}&from=${range.from}&to=${range.to}`;
  return (
    <ReportFrame
      title={kind === 'income' ? 'Income by category' : 'Spending by category'}
      name="spending"
      query={query}
      result={result}
      filters={flowFilters}
      controls={
        <div className="field report-option">
          <label htmlFor="spending-kind">Show</label>
          <select
            id="spending-kind"
            value={kind}
            onChange={(event) =>
              setSearch(
                (current) => {
                  const params = new URLSearchParams(current);
                  if (event.target.value === 'income') params.set('kind', 'income');
                  else params.delete('kind');
                  return params;
                },
                { replace: true },
              )
            }
          >
            <option value="expense">Spending</option>
            <option value="income">Income</option>
          </select>
        </div>
      }
    >
      {(data) => (
        <>
          <p className="big-number">
            Total: <Amount value={data.total} />
          </p>
          {data.groups.length === 0 ? (
            <p className="muted">Nothing in this range.</p>
          ) : (
            <BarChart
              locale={locale}
              className={kind === 'income' ? 'bar-income' : 'bar-expense'}
              rows={data.groups.map((group) => ({
                key: String(group.groupId ?? 'none'),
                label: group.name,
                value: group.total,
              }))}
            />
          )}
          <table className="report-table">
            <caption className="visually-hidden">By group and category</caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Total</th>
              </tr>
            </thead>
            {data.groups.map((group) => (
              <tbody key={String(group.groupId ?? 'none')}>
                <tr className="report-subtotal">
                  <th scope="row">{group.name}</th>
                  <td>
                    <Amount value={group.total} />
                  </td>
                </tr>
                {group.categories.map((category) => (
                  <tr key={category.categoryId}>
                    <th scope="row" className="report-indent">
                      <Link to={drill(category.categoryId)}>{category.name}</Link>
                      {category.archived && <span className="muted"> (archived)</span>}
                    </th>
                    <td>
                      <Amount value={category.total} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
            <tfoot>
              <tr className="report-total">
                <th scope="row">Total</th>
                <td>
                  <Amount value={data.total} />
                </td>
              </tr>
            </tfoot>
          </table>
          {data.otherCurrencies.length > 0 && (
            <>
              <h3>In other currencies (not in the total)</h3>
              <ul className="plain-list">
                {data.otherCurrencies.map((category) => (
                  <li key={`${category.categoryId}-${category.total.currency}`}>
                    <Link to={drill(category.categoryId)}>{category.name}</Link>
                    <Amount value={category.total} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </ReportFrame>
  );
}
