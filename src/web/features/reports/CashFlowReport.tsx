import { api } from '../../api/endpoints.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { useBookId } from '../books/queries.ts';
import { flowFilters } from './filters.ts';
import { amountsOf, LeftOut } from './LeftOut.tsx';
import { useReportFilters } from './ReportFilters.tsx';
import { ReportFrame, useReport } from './ReportFrame.tsx';
import { useReportRange } from './ReportsPage.tsx';
import { SankeyChart } from './SankeyChart.tsx';

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
            <LeftOut amounts={amountsOf(data.otherCurrencies, 'income')} what="money in" />
            <LeftOut amounts={amountsOf(data.otherCurrencies, 'expense')} what="money out" />
            {data.links.length === 0 ? (
              <p className="muted">No income or spending in this range.</p>
            ) : (
              <SankeyChart nodes={data.nodes} links={data.links} locale={locale} />
            )}
            <TableScroll label="Cash flow table">
              <table className="report-table">
                <caption className="visually-hidden">
                  Flows from income through the budget to spending
                </caption>
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
            </TableScroll>
          </>
        );
      }}
    </ReportFrame>
  );
}
