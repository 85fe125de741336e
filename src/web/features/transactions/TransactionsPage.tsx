import { useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { AccountJson, TagJson, TransactionJson, TransactionQueryJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { StaleFilterNotice, useStaleFilters } from '../../ui/StaleFilterNotice.tsx';
import { UndoToast } from '../../ui/UndoToast.tsx';
import { useRowEditing } from '../../ui/useRowEditing.ts';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { reconciledQuestion } from '../register/AskIfReconciled.tsx';
import { draftOf } from '../register/draft.ts';
import { useDeleteTransaction, usePayees, useSaveTransaction } from '../register/queries.ts';
import { TransactionEditor } from '../register/TransactionEditor.tsx';
import { useUndoDelete } from '../register/UndoDelete.tsx';
import { BulkBar } from './BulkBar.tsx';
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
import { SummaryLine } from './SummaryLine.tsx';
import { TransactionRow } from './TransactionRow.tsx';
import { useBulkEdits } from './useBulkEdits.ts';
import { editorTargets, pointOfView } from './view.ts';

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
          query={query}
          accounts={accounts.data ?? []}
          categories={categories.data ?? []}
          tags={tags.data ?? []}
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
  query,
  accounts,
  categories,
  tags,
  filtered,
  onClear,
}: {
  bookId: number;
  list: ReturnType<typeof useTransactionList>;
  query: TransactionQueryJson;
  accounts: readonly AccountJson[];
  categories: readonly AccountJson[];
  tags: readonly TagJson[];
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
  const bulk = useBulkEdits(bookId, rows, JSON.stringify(query));

  function open(transaction: TransactionJson) {
    save.reset();
    rowEditing.open(transaction.id);
  }

  // A reconciled transaction was checked against a statement: deleting it asks first, as in the register.
  const [asking, setAsking] = useState<{ transaction: TransactionJson; index: number } | null>(null);
  function destroy(transaction: TransactionJson, index: number, confirmed = false) {
    if (transaction.status === 'reconciled' && !confirmed) {
      setAsking({ transaction, index });
      return;
    }
    setAsking(null);
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
        {bulk.undo && <UndoToast key={bulk.undoKey} {...bulk.undo} />}
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
  const allSelected = rows.every((row) => bulk.isSelected(row.id));
  const someSelected = bulk.selection.ids.size > 0;
  return (
    <section className="txn-results" aria-labelledby="transactions-title" aria-busy={busy}>
      <SummaryLine bookId={bookId} query={query} shown={rows.length} more={list.hasNextPage} busy={busy} />
      <label className="checkbox txn-select-all">
        <input
          type="checkbox"
          ref={(box) => {
            if (box) box.indeterminate = someSelected && !allSelected;
          }}
          checked={allSelected}
          onChange={bulk.selectAll}
        />
        Select all {rows.length} shown
      </label>
      {bulk.selection.ids.size > 0 && (
        <BulkBar
          done={bulk.undoKey}
          count={bulk.selection.ids.size}
          categories={categories}
          payees={payees.data ?? []}
          tags={tags}
          busy={bulk.busy}
          error={bulk.error}
          refused={bulk.refused}
          onApply={bulk.apply}
          onDelete={bulk.remove}
          onClear={bulk.clear}
        />
      )}
      {asking && (
        <ConfirmDialog
          question={reconciledQuestion('Delete')}
          confirmLabel="Delete it"
          onConfirm={() => destroy(asking.transaction, asking.index, true)}
          onCancel={() => setAsking(null)}
        />
      )}
      <ErrorNotice error={remove.error} />
      <div className="txn-item txn-head" aria-hidden="true">
        <span />
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
          return (
            <TransactionRow
              key={transaction.id}
              transaction={transaction}
              byId={byId}
              view={view}
              selected={bulk.isSelected(transaction.id)}
              deleting={remove.isPending}
              onSelect={(range) => bulk.select(transaction.id, range)}
              onOpen={() => open(transaction)}
              onKey={(event) => {
                if (event.key === 'Escape' && bulk.selection.ids.size > 0) {
                  event.preventDefault();
                  bulk.clear();
                } else rowEditing.onRowKey(event, { index, onDelete: () => destroy(transaction, index) });
              }}
              onDelete={() => destroy(transaction, index)}
            />
          );
        })}
      </ul>
      <p id="txn-row-help" className="visually-hidden">
        Enter opens the transaction for editing; arrow keys move between transactions; Space selects it for a
        change to many at once, Shift and Space the range, Escape clears the selection; Delete deletes.
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
      {bulk.undo && <UndoToast key={bulk.undoKey} {...bulk.undo} />}
    </section>
  );
}
