// biome-ignore-all lint/a11y/useSemanticElements: the register is an ARIA grid of virtualised rows; a <table> cannot position its rows absolutely
// biome-ignore-all lint/a11y/useFocusableInteractive: rows are focusable by roving tabindex; header and cells are not interactive
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import type { RegisterEntryJson, TransactionJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { draftOf, emptyDraft } from './draft.ts';
import {
  useCategories,
  useDeleteTransaction,
  usePayees,
  useRegister,
  useSaveTransaction,
} from './queries.ts';
import { TransactionEditor } from './TransactionEditor.tsx';
import { targetsFor } from './targets.ts';
import { recreation } from './undo.ts';

const ROW_HEIGHT = 44;
const NEXT_STATUS = { pending: 'cleared', cleared: 'reconciled', reconciled: 'pending' } as const;

export function RegisterPage() {
  const bookId = useBookId();
  const accountId = Number(useParams().accountId);
  const locale = useLocale();
  const accounts = useAccounts(bookId, true);
  // Viewers cannot save, so they are offered no learned categories either.
  const { book } = useCurrentBook();
  const suggestFrom = book && book.role !== 'viewer' ? bookId : undefined;
  const categories = useCategories(bookId);
  const payees = usePayees(bookId);
  const register = useRegister(bookId, accountId);
  const save = useSaveTransaction(bookId);
  const remove = useDeleteTransaction(bookId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ id: number; transaction: TransactionJson } | null>(null);
  const [active, setActive] = useState(0);
  const [deleted, setDeleted] = useState<TransactionJson | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const account = accounts.data?.find((a) => a.id === accountId);
  const rows = useMemo(() => register.data?.pages.flatMap((page) => page.items) ?? [], [register.data]);
  const names = useMemo(
    () => new Map([...(accounts.data ?? []), ...(categories.data ?? [])].map((a) => [a.id, a.name])),
    [accounts.data, categories.data],
  );
  const targets = useMemo(
    () => (account ? targetsFor(account, accounts.data ?? [], categories.data ?? []) : []),
    [account, accounts.data, categories.data],
  );

  const virtualizer = useVirtualizer({
    count: rows.length + (register.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && register.hasNextPage && !register.isFetchingNextPage)
      void register.fetchNextPage();
  }, [lastIndex, rows.length, register]);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 10_000);
    return () => clearTimeout(timer);
  }, [deleted]);

  if (accounts.isPending || register.isPending) return <p className="loading">Loading the register…</p>;
  if (accounts.error || register.error) return <ErrorNotice error={accounts.error ?? register.error} />;
  if (!account) return <EmptyState title="No such account">This account is not in this book.</EmptyState>;

  async function startEdit(entry: RegisterEntryJson) {
    const transaction = await api.transactions.get(bookId, entry.transactionId);
    setEditing({ id: entry.transactionId, transaction });
  }

  async function deleteEntry(entry: RegisterEntryJson) {
    const transaction = await api.transactions.get(bookId, entry.transactionId);
    remove.mutate(entry.transactionId, { onSuccess: () => setDeleted(transaction) });
  }

  function focusRow(index: number) {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    setActive(bounded);
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus(),
    );
  }

  function onRowKey(event: KeyboardEvent, index: number, entry: RegisterEntryJson) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowDown') focusRow(index + 1);
    else if (event.key === 'ArrowUp') focusRow(index - 1);
    else if (event.key === 'Enter') void startEdit(entry);
    else if (event.key === 'Delete') void deleteEntry(entry);
    else return;
    event.preventDefault();
  }

  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/books/${bookId}/accounts`}>Accounts</Link>
          </p>
          <h1>{account.name}</h1>
        </div>
        <p className="balance-headline">
          Balance <Amount value={account.balance} />
        </p>
      </div>
      {adding ? (
        <TransactionEditor
          label="New transaction"
          account={account}
          targets={targets}
          payees={payees.data ?? []}
          bookId={suggestFrom}
          initial={emptyDraft(today)}
          saving={save.isPending}
          error={save.error}
          onCancel={() => setAdding(false)}
          onSave={(body) => save.mutate({ id: null, body }, { onSuccess: () => setAdding(false) })}
        />
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={() => setAdding(true)}
          disabled={account.archived}
        >
          Add transaction
        </button>
      )}
      {editing && (
        <TransactionEditor
          label="Edit transaction"
          account={account}
          targets={targets}
          payees={payees.data ?? []}
          bookId={suggestFrom}
          initial={draftOf(editing.transaction, account)}
          saving={save.isPending}
          error={save.error}
          onCancel={() => setEditing(null)}
          onSave={(body) => save.mutate({ id: editing.id, body }, { onSuccess: () => setEditing(null) })}
        />
      )}
      {deleted && (
        <div className="toast" role="status">
          Transaction deleted.{' '}
          <button
            type="button"
            className="button small"
            onClick={() =>
              save.mutate({ id: null, body: recreation(deleted) }, { onSuccess: () => setDeleted(null) })
            }
          >
            Undo
          </button>
        </div>
      )}
      {rows.length === 0 ? (
        <EmptyState title="No transactions yet">
          <p>Add what you spent or received with “Add transaction”; the balance follows.</p>
        </EmptyState>
      ) : (
        <div
          className="register"
          role="grid"
          aria-label={`Register of ${account.name}`}
          aria-rowcount={rows.length + 1}
        >
          <div className="register-row register-head" role="row" aria-rowindex={1}>
            <span role="columnheader">Date</span>
            <span role="columnheader">Payee</span>
            <span role="columnheader">Category</span>
            <span role="columnheader">Description</span>
            <span role="columnheader" className="num">
              Amount
            </span>
            <span role="columnheader" className="num">
              Balance
            </span>
            <span role="columnheader">Status</span>
            <span role="columnheader">
              <span className="visually-hidden">Actions</span>
            </span>
          </div>
          <div className="register-body" ref={scroller}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const entry = rows[item.index];
                if (!entry) {
                  return (
                    <div
                      key="more"
                      className="register-row loading"
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      Loading more…
                    </div>
                  );
                }
                const others = entry.otherAccountIds;
                const category =
                  others.length > 1 ? `Split (${others.length})` : (names.get(others[0] ?? 0) ?? '');
                return (
                  <div
                    key={entry.postingId}
                    role="row"
                    aria-rowindex={item.index + 2}
                    data-index={item.index}
                    tabIndex={item.index === active ? 0 : -1}
                    className="register-row"
                    style={{ transform: `translateY(${item.start}px)` }}
                    onKeyDown={(event) => onRowKey(event, item.index, entry)}
                    onFocus={() => setActive(item.index)}
                    onDoubleClick={() => void startEdit(entry)}
                  >
                    <span role="gridcell">
                      {new Date(`${entry.date}T00:00:00`).toLocaleDateString(locale, { dateStyle: 'short' })}
                    </span>
                    <span role="gridcell">{entry.payee?.name ?? ''}</span>
                    <span role="gridcell">{category}</span>
                    <span role="gridcell">{entry.description}</span>
                    <span role="gridcell" className="num">
                      <Amount value={entry.amount} />
                    </span>
                    <span role="gridcell" className="num">
                      <Amount value={entry.balance} />
                    </span>
                    <span role="gridcell">
                      <button
                        type="button"
                        className={`status status-${entry.status}`}
                        onClick={() =>
                          save.mutate({
                            id: entry.transactionId,
                            body: { status: NEXT_STATUS[entry.status] },
                          })
                        }
                        aria-label={`Status ${entry.status}; mark ${NEXT_STATUS[entry.status]}`}
                      >
                        {entry.status === 'pending' ? '○' : entry.status === 'cleared' ? 'C' : 'R'}
                      </button>
                    </span>
                    <span role="gridcell" className="row-actions">
                      <button
                        type="button"
                        className="button ghost small"
                        onClick={() => void startEdit(entry)}
                      >
                        Edit<span className="visually-hidden"> transaction of {entry.date}</span>
                      </button>
                      <button
                        type="button"
                        className="button ghost small"
                        onClick={() => void deleteEntry(entry)}
                      >
                        Delete<span className="visually-hidden"> transaction of {entry.date}</span>
                      </button>
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </>
  );
}
