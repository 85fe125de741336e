// biome-ignore-all lint/a11y/useSemanticElements: the register is an ARIA grid of virtualised rows; a <table> cannot position its rows absolutely
// biome-ignore-all lint/a11y/useFocusableInteractive: rows are focusable by roving tabindex; header and cells are not interactive
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import type { RegisterEntryJson, TransactionJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { Announcer } from '../../ui/Announcer.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { localToday } from '../../ui/localDate.ts';
import { useRowEditing } from '../../ui/useRowEditing.ts';
import { useAccounts } from '../accounts/queries.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { reconciledQuestion } from './AskIfReconciled.tsx';
import { draftOf, emptyDraft } from './draft.ts';
import {
  useCategories,
  useDeleteTransaction,
  usePayees,
  useRegister,
  useSaveTransaction,
} from './queries.ts';
import { ReconcileBar, ReconcileButton, useReconciling } from './ReconcileBar.tsx';
import { ReconcileHistory } from './ReconcileHistory.tsx';
import { ReconcileMode } from './ReconcileMode.tsx';
import { otherSide, RegisterRow } from './RegisterRow.tsx';
import { TransactionEditor } from './TransactionEditor.tsx';
import { targetsFor } from './targets.ts';
import { useUndoDelete } from './UndoDelete.tsx';

const ROW_HEIGHT = 44;
/** A phone's card (phone.css, ≤ 600 px): three lines. Measured after; this only sizes the first paint. */
const CARD_HEIGHT = 96;
const onPhone = () => typeof window !== 'undefined' && window.matchMedia('(max-width: 600px)').matches;

/** The register says what reconciling and undoing did through the page's announcer. */
export function RegisterPage() {
  return (
    <Announcer>
      <Register />
    </Announcer>
  );
}

function Register() {
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
  const [transaction, setTransaction] = useState<TransactionJson | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rowEditing = useRowEditing(scroller);
  const { toast, deleted } = useUndoDelete(bookId);
  const [deleting, setDeleting] = useState<{ entry: RegisterEntryJson; index: number } | null>(null);

  const account = accounts.data?.find((a) => a.id === accountId);
  const reconciling = useReconciling(bookId, account, book?.role !== 'viewer');
  const rows = useMemo(() => register.data?.pages.flatMap((page) => page.items) ?? [], [register.data]);
  // Besides categories, the other side may be an equity account (Opening Balances).
  const categoryNames = useMemo(
    () => new Map([...(accounts.data ?? []), ...(categories.data ?? [])].map((c) => [c.id, c.name])),
    [accounts.data, categories.data],
  );
  const accountNames = useMemo(
    () =>
      new Map(
        (accounts.data ?? [])
          .filter((a) => a.type === 'asset' || a.type === 'liability')
          .map((a) => [a.id, a.name]),
      ),
    [accounts.data],
  );
  const targets = useMemo(
    () => (account ? targetsFor(account, accounts.data ?? [], categories.data ?? []) : []),
    [account, accounts.data, categories.data],
  );

  // Rows are measured: an open editor, and a card on a phone, are taller than a line.
  const virtualizer = useVirtualizer({
    count: rows.length + (register.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => (onPhone() ? CARD_HEIGHT : ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.postingId ?? 'more',
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (lastIndex >= rows.length - 1 && register.hasNextPage && !register.isFetchingNextPage)
      void register.fetchNextPage();
  }, [lastIndex, rows.length, register]);

  if (accounts.isPending || register.isPending) return <p className="loading">Loading the register…</p>;
  if (accounts.error || register.error) return <ErrorNotice error={accounts.error ?? register.error} />;
  if (!account) return <EmptyState title="No such account">This account is not in this book.</EmptyState>;

  async function startEdit(entry: RegisterEntryJson) {
    save.reset();
    setTransaction(await api.transactions.get(bookId, entry.transactionId));
    rowEditing.open(entry.transactionId);
  }

  async function deleteEntry(entry: RegisterEntryJson, index: number, asked = false) {
    if (entry.status === 'reconciled' && !asked) {
      setDeleting({ entry, index });
      return;
    }
    setDeleting(null);
    const gone = await api.transactions.get(bookId, entry.transactionId);
    remove.mutate(entry.transactionId, {
      onSuccess: () => {
        deleted(gone);
        rowEditing.deleted((rows[index + 1] ?? rows[index - 1])?.transactionId);
      },
    });
  }

  function moveTo(index: number) {
    const bounded = Math.max(0, Math.min(rows.length - 1, index));
    virtualizer.scrollToIndex(bounded);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${bounded}"]`)?.focus(),
    );
  }

  const activeKey = rows.some((entry) => entry.postingId === active) ? active : rows[0]?.postingId;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/books/${bookId}/accounts`}>Accounts</Link>
          </p>
          <h1>{account.name}</h1>
        </div>
        <div className="register-headline">
          <p className="balance-headline">
            Balance <Amount value={account.balance} />
          </p>
          <ReconcileButton state={reconciling} />
        </div>
      </div>
      <ReconcileBar state={reconciling} />
      {deleting && (
        <ConfirmDialog
          question={reconciledQuestion('Delete')}
          confirmLabel="Delete it"
          onConfirm={() => void deleteEntry(deleting.entry, deleting.index, true)}
          onCancel={() => setDeleting(null)}
        />
      )}
      {reconciling.statement && (
        <ReconcileMode
          bookId={bookId}
          account={account}
          statement={reconciling.statement}
          onFinished={reconciling.finished}
          onCancel={reconciling.stop}
        />
      )}
      {/* Hidden, not removed, while the editor is open: the focus comes back to it. */}
      <button
        type="button"
        className={`button primary register-add${rowEditing.editing === null ? '' : ' beside-editor'}`}
        onClick={() => setAdding(true)}
        disabled={account.archived}
        hidden={adding || reconciling.statement !== null}
      >
        Add transaction
      </button>
      {adding && (
        <TransactionEditor
          label="New transaction"
          account={account}
          targets={targets}
          payees={payees.data ?? []}
          bookId={suggestFrom}
          tagsFrom={bookId}
          initial={emptyDraft(localToday())}
          saving={save.isPending}
          error={save.error}
          onCancel={() => setAdding(false)}
          onSave={(body) => save.mutate({ id: null, body }, { onSuccess: () => setAdding(false) })}
        />
      )}
      <ErrorNotice error={remove.error} />
      {toast}
      {reconciling.statement ? null : rows.length === 0 ? (
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
                if (rowEditing.editing === entry.transactionId && transaction) {
                  const close = () => rowEditing.close(entry.transactionId);
                  return (
                    <div
                      key={entry.postingId}
                      role="row"
                      ref={virtualizer.measureElement}
                      aria-rowindex={item.index + 2}
                      data-index={item.index}
                      className="register-row register-editing"
                      style={{ transform: `translateY(${item.start}px)` }}
                    >
                      <div role="gridcell" aria-colspan={8}>
                        <TransactionEditor
                          label={`Edit transaction of ${entry.date}`}
                          account={account}
                          targets={targets}
                          payees={payees.data ?? []}
                          bookId={suggestFrom}
                          tagsFrom={bookId}
                          initial={draftOf(transaction, account)}
                          saving={save.isPending}
                          error={save.error}
                          onCancel={close}
                          onSave={(body) =>
                            save.mutate({ id: entry.transactionId, body }, { onSuccess: close })
                          }
                        />
                      </div>
                    </div>
                  );
                }
                return (
                  <RegisterRow
                    key={entry.postingId}
                    entry={entry}
                    index={item.index}
                    start={item.start}
                    active={entry.postingId === activeKey}
                    side={otherSide(entry, categoryNames, accountNames)}
                    locale={locale}
                    measure={virtualizer.measureElement}
                    onFocus={() => setActive(entry.postingId)}
                    onEdit={() => void startEdit(entry)}
                    onDelete={() => void deleteEntry(entry, item.index)}
                    onStatus={(status) => save.mutate({ id: entry.transactionId, body: { status } })}
                    onKey={(event) =>
                      rowEditing.onRowKey(event, {
                        index: item.index,
                        move: moveTo,
                        onOpen: () => void startEdit(entry),
                        onDelete: () => void deleteEntry(entry, item.index),
                      })
                    }
                  />
                );
              })}
            </div>
          </div>
        </div>
      )}
      {reconciling.enabled && !reconciling.statement && (
        <ReconcileHistory bookId={bookId} accountId={accountId} />
      )}
    </>
  );
}
