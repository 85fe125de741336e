import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type ReportQuery, reportUrl } from '../../api/endpoints.ts';
import type { MoneyJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useBookId } from '../books/queries.ts';
import { useCategories } from '../register/queries.ts';
import { type FilterKey, flowFilters, netWorthFilters, trendFilters } from './filters.ts';
import { BarChart, ColumnChart, LineChart, SankeyChart } from './ReportCharts.tsx';
import { ReportFilters, useReportFilters } from './ReportFilters.tsx';
import { useReportRange } from './ReportsPage.tsx';

/** One report: its heading, a CSV download of the same query, and the figures once loaded. */
function ReportFrame<T>({
  title,
  name,
  query,
  result,
  controls,
  filters = [],
  children,
}: {
  title: string;
  name: string;
  query: ReportQuery;
  result: { data?: T; error: unknown; isPending: boolean };
  controls?: ReactNode;
  /** The filters the report takes, shown above its figures and sent with its query. */
  filters?: readonly FilterKey[];
  children: (data: T) => ReactNode;
}) {
  const bookId = useBookId();
  return (
    <section className="report" aria-labelledby="report-title">
      <div className="report-head">
        <h2 id="report-title">{title}</h2>
        <a className="button small" href={reportUrl(bookId, name, { ...query, format: 'csv' })} download>
          Download CSV
        </a>
      </div>
      {controls}
      <ReportFilters keys={filters} />
      <ErrorNotice error={result.error} />
      {result.isPending ? <p aria-busy="true">Loading…</p> : result.data ? children(result.data) : null}
    </section>
  );
}

const percent = (rate: string | null, locale: string) =>
  rate === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));

const dateLabel = (date: string, locale: string) => new Date(`${date}T00:00:00`).toLocaleDateString(locale);

function useReport<T>(name: string, query: ReportQuery, fetch: () => Promise<T>) {
  const bookId = useBookId();
  return useQuery({ queryKey: ['books', bookId, 'reports', name, query], queryFn: fetch });
}

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
          <ColumnChart
            locale={locale}
            series={[
              { name: 'Income', className: 'bar-income' },
              { name: 'Expense', className: 'bar-expense' },
            ]}
            periods={data.periods.map((p) => ({ label: p.period, values: [p.income, p.expense] }))}
          />
          <div className="table-scroll">
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
          </div>
        </>
      )}
    </ReportFrame>
  );
}

const netWorthIntervals = [
  ['day', 'By day'],
  ['month', 'By month'],
] as const;

export function NetWorthReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const [search, setSearch] = useSearchParams();
  const interval = search.get('interval') === 'day' ? 'day' : 'month';
  const query = { ...range, interval, ...useReportFilters(netWorthFilters) };
  const result = useReport('net-worth', query, () => api.reports.netWorth(bookId, query));
  const switcher = (
    <fieldset className="report-presets report-option">
      <legend className="visually-hidden">Interval</legend>
      {netWorthIntervals.map(([value, name]) => (
        <button
          key={value}
          type="button"
          className="button small"
          aria-pressed={interval === value}
          onClick={() =>
            setSearch(
              (current) => {
                const params = new URLSearchParams(current);
                params.set('interval', value);
                return params;
              },
              { replace: true },
            )
          }
        >
          {name}
        </button>
      ))}
    </fieldset>
  );
  return (
    <ReportFrame
      title="Net worth over time"
      name="net-worth"
      query={query}
      result={result}
      controls={switcher}
      filters={netWorthFilters}
    >
      {(data) => {
        const last = data.points.at(-1);
        const accountName = (account: (typeof data.accounts)[number]) =>
          account.archived ? `${account.name} (archived)` : account.name;
        const balance = (index: number, amount: string | undefined) => ({
          amount: amount ?? '0',
          currency: data.accounts[index]!.currency,
        });
        return (
          <>
            <LineChart
              locale={locale}
              points={data.points.map((p) => ({ label: dateLabel(p.date, locale), value: p.netWorth }))}
            />
            <div className="table-scroll">
              <table className="report-table">
                <caption className="visually-hidden">
                  Net worth {interval === 'day' ? 'each day' : 'at each month end'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Date</th>
                    <th scope="col">Assets</th>
                    <th scope="col">Liabilities</th>
                    <th scope="col">Net worth</th>
                  </tr>
                </thead>
                <tbody>
                  {data.points.map((p) => (
                    <tr key={p.date}>
                      <th scope="row">{dateLabel(p.date, locale)}</th>
                      <td>
                        <Amount value={p.assets} />
                      </td>
                      <td>
                        <Amount value={p.liabilities} />
                      </td>
                      <td>
                        <Amount value={p.netWorth} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {last && data.accounts.length > 0 && (
              <>
                <h3 id="net-worth-accounts">By account at {dateLabel(last.date, locale)}</h3>
                <dl className="report-summary net-worth-accounts" aria-labelledby="net-worth-accounts">
                  {data.accounts.map((account, index) => (
                    <div key={account.accountId}>
                      <dt>
                        {accountName(account)}
                        {account.type === 'liability' && <span className="muted"> (liability)</span>}
                      </dt>
                      <dd>
                        <Amount value={balance(index, last.balances[index])} />
                      </dd>
                    </div>
                  ))}
                </dl>
                <div className="table-scroll">
                  <table className="report-table net-worth-breakdown">
                    <caption>Each account over time</caption>
                    <thead>
                      <tr>
                        <th scope="col">Account</th>
                        {data.points.map((p) => (
                          <th scope="col" key={p.date}>
                            <time dateTime={p.date}>{p.date}</time>
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {data.accounts.map((account, index) => (
                        <tr key={account.accountId}>
                          <th scope="row">{accountName(account)}</th>
                          {data.points.map((p) => (
                            <td key={p.date}>
                              <Amount value={balance(index, p.balances[index])} />
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </>
        );
      }}
    </ReportFrame>
  );
}

export function CashFlowReport() {
  const bookId = useBookId();
  const locale = useLocale();
  const range = useReportRange();
  const query = { ...range, ...useReportFilters(flowFilters) };
  const result = useReport('cash-flow', query, () => api.reports.cashFlow(bookId, query));
  return (
    <ReportFrame title="Cash flow" name="cash-flow" query={query} result={result} filters={flowFilters}>
      {(data) => {
        const names = new Map(data.nodes.map((node) => [node.id, node.name]));
        return (
          <>
            <dl className="report-summary">
              <div>
                <dt>Money in</dt>
                <dd>
                  <Amount value={data.income} />
                </dd>
              </div>
              <div>
                <dt>Money out</dt>
                <dd>
                  <Amount value={data.expense} />
                </dd>
              </div>
            </dl>
            {data.links.length === 0 ? (
              <p className="muted">No income or spending in this range.</p>
            ) : (
              <SankeyChart nodes={data.nodes} links={data.links} locale={locale} />
            )}
            <table className="report-table">
              <caption className="visually-hidden">Flows from income through the budget to spending</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {data.links.map((link) => (
                  <tr key={`${link.source}>${link.target}`}>
                    <td>{names.get(link.source)}</td>
                    <td>{names.get(link.target)}</td>
                    <td>
                      <Amount value={link.value} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </ReportFrame>
  );
}

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
          <div className="table-scroll">
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
          </div>
        </>
      )}
    </ReportFrame>
  );
}
