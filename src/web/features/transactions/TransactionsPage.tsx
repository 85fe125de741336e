import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AccountJson, TransactionJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { StaleFilterNotice, useStaleFilters } from '../../ui/StaleFilterNotice.tsx';
import { useRowEditing } from '../../ui/useRowEditing.ts';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { draftOf } from '../register/draft.ts';
import { useDeleteTransaction, usePayees, useSaveTransaction } from '../register/queries.ts';
import { TransactionEditor } from '../register/TransactionEditor.tsx';
import { useUndoDelete } from '../register/UndoDelete.tsx';
import { FilterBar } from './FilterBar.tsx';
import {
  filtersFromSearch,
  hasFilters,
  ID_FILTERS,
  NO_FILTERS,
  queryOf,
  searchFromFilters,
  type TransactionFilters,
  withFilter,
  withoutIdFilters,
} from './filters.ts';
import { useAllCategories, useTags, useTransactionList } from './queries.ts';
import { amountFor, editorTargets, involved, pointOfView } from './view.ts';

const STATUS_TEXT = { pending: 'Pending', cleared: 'Cleared', reconciled: 'Reconciled' } as const;
const STATUS_MARK = { pending: '○', cleared: '✓', reconciled: '✓✓' } as const;

/**
 * Every transaction of the book, newest first, searched and filtered. The filters live in the URL
 * (bookmarkable, reloadable); a row opens in the register's editor, seen from its account.
 */
export function TransactionsPage() {
  const bookId = useBookId();
  const { book } = useCurrentBook();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => queryOf(filters), [filters]);
  const list = useTransactionList(bookId, query);
  const accounts = useAccounts(bookId, true);
  const categories = useAllCategories(bookId);
  const payees = usePayees(bookId);
  const tags = useTags(bookId);
  const [formKey, setFormKey] = useState(0);
  // A bookmarked filter whose payee, tag, category or account is gone is dropped, and said so.
  const stale = useStaleFilters(bookId, list.error, ID_FILTERS, (found) => {
    apply(withoutIdFilters(found.map(({ param }) => param)), true);
    return found;
  });

  function apply(change: Partial<TransactionFilters>, replace = false) {
    setSearch((current) => searchFromFilters(withFilter(filtersFromSearch(current), change)), { replace });
  }

  function clear() {
    setFormKey((key) => key + 1); // drops text still waiting to reach the URL
    setSearch(searchFromFilters(NO_FILTERS));
  }

  const filtered = hasFilters(filters);
  const loading = accounts.isPending || categories.isPending || list.isPending || stale.recovering;
  const error = accounts.error ?? categories.error ?? list.error;

  return (
    <>
      <div className="page-header">
        <h1 id="transactions-title">Transactions</h1>
      </div>
      <StaleFilterNotice removed={stale.removed} onDismiss={stale.dismiss} />
      <FilterBar
        key={formKey}
        filters={filters}
        currency={book?.baseCurrency ?? 'EUR'}
        accounts={accounts.data ?? []}
        categories={categories.data ?? []}
        payees={payees.data ?? []}
        tags={tags.data ?? []}
        onChange={apply}
        onClear={clear}
        canClear={filtered}
      />
      {loading ? (
        <p className="loading">Loading transactions…</p>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : (
        <Results
          bookId={bookId}
          list={list}
          accounts={accounts.data ?? []}
          categories={categories.data ?? []}
          filtered={filtered}
          onClear={clear}
        />
      )}
    </>
  );
}

function Results({
  bookId,
  list,
  accounts,
  categories,
  filtered,
  onClear,
}: {
  bookId: number;
  list: ReturnType<typeof useTransactionList>;
  accounts: readonly AccountJson[];
  categories: readonly AccountJson[];
  filtered: boolean;
  onClear: () => void;
}) {
  const locale = useLocale();
  const payees = usePayees(bookId);
  const save = useSaveTransaction(bookId);
  const remove = useDeleteTransaction(bookId);
  const listRef = useRef<HTMLUListElement>(null);
  const rowEditing = useRowEditing(listRef);
  const { editing } = rowEditing;
  const { deleted, toast } = useUndoDelete(bookId);

  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const byId = useMemo(
    () => new Map([...accounts, ...categories].map((account) => [account.id, account])),
    [accounts, categories],
  );

  function open(transaction: TransactionJson) {
    save.reset();
    rowEditing.open(transaction.id);
  }

  function destroy(transaction: TransactionJson, index: number) {
    remove.mutate(transaction.id, {
      onSuccess: () => {
        deleted(transaction);
        rowEditing.deleted((rows[index + 1] ?? rows[index - 1])?.id);
      },
    });
  }

  if (rows.length === 0) {
    return (
      <>
        {toast}
        {filtered ? (
          <EmptyState title="No matching transactions">
            <p>Nothing matches these filters. Change them, or clear them to see every transaction.</p>
            <button type="button" className="button" onClick={onClear}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No transactions yet">
            <p>
              Add your accounts with their opening balances on the{' '}
              <Link to={`/books/${bookId}/accounts`}>Accounts</Link> page, then record what you spend and
              receive in an account’s register. Everything you record shows up here.
            </p>
          </EmptyState>
        )}
      </>
    );
  }

  const busy = list.isFetching && !list.isFetchingNextPage;
  return (
    <section className="txn-results" aria-labelledby="transactions-title" aria-busy={busy}>
      <p className="txn-summary" role="status">
        {busy
          ? 'Updating…'
          : `${rows.length} transaction${rows.length === 1 ? '' : 's'}${list.hasNextPage ? ', more below' : ''}, newest first.`}
      </p>
      <ErrorNotice error={remove.error} />
      <div className="txn-item txn-head" aria-hidden="true">
        <div className="txn-row">
          <span>Date</span>
          <span>Payee</span>
          <span>Description</span>
          <span>Accounts, categories</span>
          <span className="num">Amount</span>
          <span>Status</span>
        </div>
      </div>
      <ul className="txn-list" ref={listRef} aria-label="Transactions, newest first">
        {rows.map((transaction, index) => {
          const view = pointOfView(transaction, byId);
          if (editing === transaction.id && view) {
            return (
              <li key={transaction.id} className="txn-editing">
                <TransactionEditor
                  label={`Edit transaction of ${formatDay(transaction.date, locale)}`}
                  account={view}
                  targets={editorTargets(transaction, view, accounts, categories)}
                  payees={payees.data ?? []}
                  tagsFrom={bookId}
                  initial={draftOf(transaction, view)}
                  saving={save.isPending}
                  error={save.error}
                  onCancel={() => rowEditing.close(transaction.id)}
                  onSave={(body) =>
                    save.mutate(
                      { id: transaction.id, body },
                      { onSuccess: () => rowEditing.close(transaction.id) },
                    )
                  }
                />
              </li>
            );
          }
          const day = formatDay(transaction.date, locale);
          return (
            <li key={transaction.id} className="txn-item">
              <button
                type="button"
                className="txn-row txn-open"
                data-open={transaction.id}
                onClick={() => open(transaction)}
                onKeyDown={(event) =>
                  rowEditing.onRowKey(event, { index, onDelete: () => destroy(transaction, index) })
                }
                aria-describedby="txn-row-help"
              >
                <span className="txn-date">
                  <span className="visually-hidden">Edit: </span>
                  {day}
                </span>
                <span className="txn-payee">{transaction.payee?.name ?? ''}</span>
                <span className="txn-description">{transaction.description}</span>
                <span className="txn-accounts">{involved(transaction, byId, view)}</span>
                <span className="txn-amount num">
                  <Amount value={amountFor(transaction, view)} />
                </span>
                <span className={`txn-status txn-status-${transaction.status}`}>
                  <span aria-hidden="true">{STATUS_MARK[transaction.status]} </span>
                  {STATUS_TEXT[transaction.status]}
                </span>
              </button>
              <button
                type="button"
                className="button ghost small txn-delete"
                disabled={remove.isPending}
                onClick={() => destroy(transaction, index)}
              >
                Delete
                <span className="visually-hidden">
                  {' '}
                  transaction of {day}
                  {transaction.payee ? `, ${transaction.payee.name}` : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p id="txn-row-help" className="visually-hidden">
        Enter opens the transaction for editing; arrow keys move between transactions; Delete deletes.
      </p>
      {list.hasNextPage && (
        <button
          type="button"
          className="button txn-more"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </button>
      )}
      {toast}
    </section>
  );
}
