import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Announcer } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PageLoading } from '../../ui/PageLoading.tsx';
import { useBookId } from '../books/queries.ts';
import { useCategoryList } from '../categories/queries.ts';
import { PayeeRow } from './PayeeRow.tsx';
import { usePayeeList } from './queries.ts';

const FILTER_DELAY_MS = 250;

/** /books/:bookId/payees: who money goes to and comes from; the filter lives in the URL (`?q=`). */
export function PayeesPage() {
  const bookId = useBookId();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const filterId = useId();
  const payees = usePayeeList(bookId, q.trim());
  const all = usePayeeList(bookId);
  const categories = useCategoryList(bookId);

  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (text.trim() === '') next.delete('q');
          else next.set('q', text);
          return next;
        },
        { replace: true },
      );
    }, FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, q, setParams]);

  if (payees.isPending || all.isPending) return <PageLoading title="Payees" what="payees" />;
  if (payees.error || all.error) return <ErrorNotice error={payees.error ?? all.error} />;

  const categoryNames = new Map((categories.data ?? []).map((category) => [category.id, category.name]));
  const nobody = all.data.length === 0;

  return (
    <Announcer>
      <div className="names-page">
        <div className="page-header">
          <h1>Payees</h1>
        </div>
        {nobody ? (
          <EmptyState title="No payees yet">
            <p>
              Payees appear here as you record transactions: type who you paid or who paid you in an account’s
              register. Then rename them, merge duplicates and give them a default category.
            </p>
            <Link className="button primary" to={`/books/${bookId}/accounts`}>
              Go to your accounts
            </Link>
          </EmptyState>
        ) : (
          <>
            <search className="filter-bar">
              <label htmlFor={filterId}>Filter payees</label>
              <input
                id={filterId}
                type="search"
                value={text}
                placeholder="Name contains…"
                onChange={(event) => setText(event.target.value)}
              />
            </search>
            <p className="muted" aria-live="polite">
              {payees.data.length === 0
                ? `No payee’s name contains “${q}”.`
                : q
                  ? `${payees.data.length} of ${all.data.length} payees match “${q}”.`
                  : payees.data.length === 1
                    ? '1 payee.'
                    : `${payees.data.length} payees.`}
            </p>
            {payees.data.length > 0 && (
              <ul className="name-list payee-list">
                {payees.data.map((payee) => (
                  <PayeeRow
                    key={payee.id}
                    bookId={bookId}
                    payee={payee}
                    all={all.data}
                    categories={categories.data ?? []}
                    defaultName={
                      payee.defaultCategoryId === null ? null : categoryNames.get(payee.defaultCategoryId)
                    }
                  />
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </Announcer>
  );
}
