import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useBookId } from '../books/queries.ts';
import { netWorthFilters } from './filters.ts';
import { amountsOf, LeftOut } from './LeftOut.tsx';
import { LineChart } from './ReportCharts.tsx';
import { useReportFilters } from './ReportFilters.tsx';
import { dateLabel, ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';

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
        // Accounts in other currencies are summed apart, per currency, beside each total.
        const apart = data.points.some((p) => p.otherCurrencies.length > 0);
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
            {last && (
              <LeftOut
                amounts={amountsOf(last.otherCurrencies, 'netWorth')}
                what={`net worth at ${dateLabel(last.date, locale)}`}
              />
            )}
            <TableScroll label={`Net worth ${interval === 'day' ? 'each day' : 'at each month end'}`}>
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
                    {apart && <th scope="col">Other currencies (not included)</th>}
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
                      {apart && (
                        <td>
                          {amountsOf(p.otherCurrencies, 'netWorth').map((amount) => (
                            <Amount key={amount.currency} value={amount} />
                          ))}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
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
                <TableScroll label={'Each account over time'}>
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
                </TableScroll>
              </>
            )}
          </>
        );
      }}
    </ReportFrame>
  );
}
