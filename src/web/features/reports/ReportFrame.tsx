import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type ReportQuery, reportUrl } from '../../api/endpoints.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { StaleFilterNotice } from '../../ui/StaleFilterNotice.tsx';
import { useBookId } from '../books/queries.ts';
import type { FilterKey } from './filters.ts';
import { ReportFilters } from './ReportFilters.tsx';
import { useStaleReportFilters } from './useStaleReportFilters.ts';

/**
 * One report: its heading, a CSV download of the same query, and the figures once loaded. A filter
 * naming a deleted or merged item leaves the address, with a notice saying so.
 */
export function ReportFrame<T>({
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
  const stale = useStaleReportFilters(result.error, filters);
  return (
    <section className="report" aria-labelledby="report-title">
      <div className="report-head">
        <h2 id="report-title">{title}</h2>
        <a className="button small" href={reportUrl(bookId, name, { ...query, format: 'csv' })} download>
          Download CSV
        </a>
      </div>
      <StaleFilterNotice removed={stale.removed} onDismiss={stale.dismiss} />
      {controls}
      <ReportFilters keys={filters} />
      <ErrorNotice error={stale.recovering ? null : result.error} />
      {result.isPending || stale.recovering ? (
        <p aria-busy="true">Loading…</p>
      ) : result.data ? (
        children(result.data)
      ) : null}
    </section>
  );
}

export const percent = (rate: string | null, locale: string) =>
  rate === null
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(rate));

export const dateLabel = (date: string, locale: string) =>
  new Date(`${date}T00:00:00`).toLocaleDateString(locale);

export function useReport<T>(name: string, query: ReportQuery, fetch: () => Promise<T>) {
  const bookId = useBookId();
  return useQuery({ queryKey: ['books', bookId, 'reports', name, query], queryFn: fetch });
}
