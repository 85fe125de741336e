import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useBookId } from '../books/queries.ts';
import { useCategories } from '../register/queries.ts';
import { trendFilters } from './filters.ts';
import { ColumnChart } from './ReportCharts.tsx';
import { useReportFilters } from './ReportFilters.tsx';
import { percent, ReportFrame } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

export function TrendReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const [search, setSearch] = useSearchParams();
  const categories = useCategories(bookId);
  const choices = (categories.data ?? []).filter((c) => c.type === 'expense' || c.type === 'income');
  const asked = Number(search.get('categoryId'));
  const categoryId = choices.some((c) => c.id === asked) ? asked : choices[0]?.id;
  const query = { ...range, ...useReportFilters(trendFilters) };
  const result = useQuery({
    queryKey: ['books', bookId, 'reports', 'trend', categoryId, query],
    queryFn: () => api.reports.trend(bookId, categoryId!, query),
    enabled: categoryId !== undefined,
  });
  const picker = (
    <div className="field report-option">
      <label htmlFor="trend-category">Category</label>
      <select
        id="trend-category"
        value={categoryId ?? ''}
        onChange={(event) =>
          setSearch(
            (current) => {
              const params = new URLSearchParams(current);
              params.set('categoryId', event.target.value);
              return params;
            },
            { replace: true },
          )
        }
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
  if (categoryId === undefined) {
    return (
      <section className="report" aria-labelledby="report-title">
        <h2 id="report-title">Category trend</h2>
        <ErrorNotice error={categories.error} />
        {!categories.isPending && <p className="muted">Add a category to see its trend.</p>}
      </section>
    );
  }
  return (
    <ReportFrame
      title="Category trend"
      name={`categories/${categoryId}/trend`}
      query={query}
      result={result}
      controls={picker}
      filters={trendFilters}
    >
      {(data) => (
        <>
          <dl className="report-summary">
            <div>
              <dt>Total</dt>
              <dd>
                <Amount value={data.total} />
              </dd>
            </div>
            <div>
              <dt>Monthly average</dt>
              <dd>
                <Amount value={data.average} />
              </dd>
            </div>
            <div>
              <dt>{data.current.month}</dt>
              <dd>
                <Amount value={data.current.amount} />
              </dd>
            </div>
            {data.previous && data.change && (
              <div>
                <dt>Change from {data.previous.month}</dt>
                <dd>
                  <Amount value={data.change} /> ({percent(data.changeRate, locale)})
                </dd>
              </div>
            )}
          </dl>
          <ColumnChart
            locale={locale}
            series={[
              {
                name: data.category.name,
                className: data.category.kind === 'income' ? 'bar-income' : 'bar-expense',
              },
            ]}
            periods={data.months.map((m) => ({ label: m.month, values: [m.amount] }))}
          />
          <TableScroll label={`${data.category.name} per month`}>
            <table className="report-table">
              <caption className="visually-hidden">{data.category.name} per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {data.months.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{m.month}</th>
                    <td>
                      <Amount value={m.amount} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </ReportFrame>
  );
}
