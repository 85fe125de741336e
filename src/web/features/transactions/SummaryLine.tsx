import { Fragment } from 'react';
import type { TransactionQueryJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useTransactionSummary } from './queries.ts';

/**
 * "148 transactions · −€2,345.10" for the whole filter, every page: seen from the filtered
 * account or category (signed as the list shows them), or else what moved.
 */
export function SummaryLine({
  bookId,
  query,
  shown,
  more,
  busy,
}: {
  bookId: number;
  query: TransactionQueryJson;
  /** Rows loaded so far, and whether there are more to load. */
  shown: number;
  more: boolean;
  busy: boolean;
}) {
  const summary = useTransactionSummary(bookId, query);
  const moved = query.accountId === undefined && query.categoryId === undefined;
  if (busy || summary.isPlaceholderData)
    return (
      <p className="txn-summary" role="status">
        Updating…
      </p>
    );
  const data = summary.data;
  return (
    <p className="txn-summary" role="status">
      {data ? (
        <span className="txn-count">
          {data.count} transaction{data.count === 1 ? '' : 's'}
          {data.totals.map((total, index) => (
            <Fragment key={total.currency}>
              {index === 0 ? ' · ' : ' + '}
              <Amount value={total} />
            </Fragment>
          ))}
          {moved && data.totals.length > 0 && ' moved'}
        </span>
      ) : null}
      <span className="txn-shown">{more ? `${shown} shown, newest first` : 'Newest first'}</span>
    </p>
  );
}
