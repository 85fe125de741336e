import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AccountJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { sumByCurrency } from '../../ui/money.ts';
import { PageLoading } from '../../ui/PageLoading.tsx';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { LeftOut } from '../reports/LeftOut.tsx';
import { groupAccounts, kindOf } from './kinds.ts';
import { NewAccountForm } from './NewAccountForm.tsx';
import { useAccounts, useArchiveAccount, useRenameAccount } from './queries.ts';
import { netWorthOf } from './totals.ts';

export function AccountsPage() {
  const bookId = useBookId();
  const { book } = useCurrentBook();
  const [showArchived, setShowArchived] = useState(false);
  // Every account, archived ones too: they still count in the totals, only the list hides them.
  const accounts = useAccounts(bookId, true);
  const [adding, setAdding] = useState(false);
  const [archived, setArchived] = useState<AccountJson | null>(null);
  const closeToast = useCallback(() => setArchived(null), []);

  if (accounts.isPending || !book) return <PageLoading title="Accounts" what="accounts" />;
  if (accounts.error) return <ErrorNotice error={accounts.error} />;
  const groups = groupAccounts(accounts.data);
  const listed = (list: AccountJson[]) => list.filter((account) => showArchived || !account.archived);
  const netWorth = netWorthOf(accounts.data, book.baseCurrency);

  return (
    <>
      <div className="page-header">
        <h1>Accounts</h1>
        <button type="button" className="button primary" onClick={() => setAdding(true)} disabled={adding}>
          Add account
        </button>
      </div>
      {adding && <NewAccountForm bookId={bookId} onDone={() => setAdding(false)} />}
      {archived && <ArchivedToast key={archived.id} bookId={bookId} account={archived} onDone={closeToast} />}
      {groups.length === 0 && !adding ? (
        <EmptyState title="No accounts yet">
          <p>
            Add the accounts you keep money in (checking, savings, cash, cards) with today’s balance, then
            record what you spend.
          </p>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Add your first account
          </button>
        </EmptyState>
      ) : (
        <>
          <div aria-live="polite">
            <p className="net-worth">
              Net worth{' '}
              <strong>
                <Amount value={netWorth.total} />
              </strong>
            </p>
            <LeftOut amounts={netWorth.otherCurrencies} />
            {netWorth.archived.length > 0 && !showArchived && (
              <p className="archived-note">
                Includes{' '}
                {netWorth.archived.map((amount, index) => (
                  <span key={amount.currency}>
                    {index > 0 && ', '}
                    <Amount value={amount} />
                  </span>
                ))}{' '}
                in archived accounts.
              </p>
            )}
          </div>
          {groups.map(([group, list]) => (
            <section key={group} className="account-group" aria-labelledby={`group-${group}`}>
              <h2 id={`group-${group}`}>
                <span>{group}</span>
                <span className="group-total">
                  {sumByCurrency(list.map((account) => account.balance)).map((total) => (
                    <Amount key={total.currency} value={total} />
                  ))}
                </span>
              </h2>
              <ul className="account-list">
                {listed(list).map((account) => (
                  <AccountRow key={account.id} bookId={bookId} account={account} onArchived={setArchived} />
                ))}
                {!showArchived && <HiddenArchived accounts={list.filter((account) => account.archived)} />}
              </ul>
            </section>
          ))}
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
            />{' '}
            Show archived accounts
          </label>
        </>
      )}
    </>
  );
}

/** The group's archived accounts, hidden but counted in its total: one line saying so. */
function HiddenArchived({ accounts }: { accounts: AccountJson[] }) {
  if (accounts.length === 0) return null;
  return (
    <li className="archived-summary">
      <span>
        {accounts.length} archived {accounts.length === 1 ? 'account' : 'accounts'}
      </span>
      <span className="group-total">
        {sumByCurrency(accounts.map((account) => account.balance)).map((total) => (
          <Amount key={total.currency} value={total} />
        ))}
      </span>
    </li>
  );
}

/**
 * Archiving takes one click and is undone from here, as a deleted transaction is: the toast takes
 * the focus (the row that had it is gone) and goes after ten seconds.
 */
function ArchivedToast({
  bookId,
  account,
  onDone,
}: {
  bookId: number;
  account: AccountJson;
  onDone: () => void;
}) {
  const undo = useArchiveAccount(bookId);
  const toast = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  useEffect(() => {
    const timer = setTimeout(() => {
      // The focus is not left on nothing when the toast goes.
      if (toast.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
      onDone();
    }, 10_000);
    return () => clearTimeout(timer);
  }, [onDone]);
  return (
    <div className="toast" role="status" ref={toast}>
      {account.name} archived.{' '}
      <button
        ref={button}
        type="button"
        className="button small"
        disabled={undo.isPending}
        onClick={() =>
          undo.mutate(
            { id: account.id, archived: false },
            {
              onSuccess: () => {
                onDone();
                document.querySelector<HTMLElement>(`[data-account="${account.id}"]`)?.focus();
              },
            },
          )
        }
      >
        Undo
      </button>
      <ErrorNotice error={undo.error} />
    </div>
  );
}

function AccountRow({
  bookId,
  account,
  onArchived,
}: {
  bookId: number;
  account: AccountJson;
  onArchived: (account: AccountJson) => void;
}) {
  const archive = useArchiveAccount(bookId);
  const rename = useRenameAccount(bookId);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(account.name);
  return (
    <li className={account.archived ? 'archived' : undefined}>
      {editing ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate({ id: account.id, name }, { onSuccess: () => setEditing(false) });
          }}
        >
          <label className="visually-hidden" htmlFor={`rename-${account.id}`}>
            New name of {account.name}
          </label>
          <input
            id={`rename-${account.id}`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button className="button" type="submit">
            Save
          </button>
          <ErrorNotice error={rename.error} />
        </form>
      ) : (
        <Link
          to={`/books/${bookId}/accounts/${account.id}`}
          className="account-link"
          data-account={account.id}
        >
          <span className="account-name">{account.name}</span>
          <span className="account-kind">
            {kindOf(account).label}
            {account.archived ? ' · archived' : ''}
          </span>
        </Link>
      )}
      <Amount value={account.balance} />
      <span className="row-actions">
        <button type="button" className="button ghost small" onClick={() => setEditing(!editing)}>
          {editing ? 'Cancel' : 'Rename'}
          <span className="visually-hidden"> {account.name}</span>
        </button>
        <button
          type="button"
          className="button ghost small"
          disabled={archive.isPending}
          onClick={() =>
            archive.mutate(
              { id: account.id, archived: !account.archived },
              { onSuccess: () => !account.archived && onArchived(account) },
            )
          }
        >
          {account.archived ? 'Unarchive' : 'Archive'}
          <span className="visually-hidden"> {account.name}</span>
        </button>
      </span>
    </li>
  );
}
