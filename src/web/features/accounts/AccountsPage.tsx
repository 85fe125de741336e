import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/http.ts';
import type { AccountJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { sumByCurrency } from '../../ui/money.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { ACCOUNT_KINDS, type AccountKind, groupAccounts, kindOf } from './kinds.ts';
import { useAccounts, useArchiveAccount, useCreateAccount, useRenameAccount } from './queries.ts';

export function AccountsPage() {
  const bookId = useBookId();
  const [showArchived, setShowArchived] = useState(false);
  const accounts = useAccounts(bookId, showArchived);
  const [adding, setAdding] = useState(false);

  if (accounts.isPending) return <p className="loading">Loading accounts…</p>;
  if (accounts.error) return <ErrorNotice error={accounts.error} />;
  const groups = groupAccounts(accounts.data);
  const netWorth = sumByCurrency(groups.flatMap(([, list]) => list.map((account) => account.balance)));

  return (
    <>
      <div className="page-header">
        <h1>Accounts</h1>
        <button type="button" className="button primary" onClick={() => setAdding(true)} disabled={adding}>
          Add account
        </button>
      </div>
      {adding && <NewAccountForm bookId={bookId} onDone={() => setAdding(false)} />}
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
          <p className="net-worth" aria-live="polite">
            Net worth{' '}
            {netWorth.map((total) => (
              <strong key={total.currency}>
                <Amount value={total} />{' '}
              </strong>
            ))}
          </p>
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
                {list.map((account) => (
                  <AccountRow key={account.id} bookId={bookId} account={account} />
                ))}
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

function AccountRow({ bookId, account }: { bookId: number; account: AccountJson }) {
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
        <Link to={`/books/${bookId}/accounts/${account.id}`} className="account-link">
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
          onClick={() => archive.mutate({ id: account.id, archived: !account.archived })}
        >
          {account.archived ? 'Unarchive' : 'Archive'}
          <span className="visually-hidden"> {account.name}</span>
        </button>
      </span>
    </li>
  );
}

function NewAccountForm({ bookId, onDone }: { bookId: number; onDone: () => void }) {
  const { book } = useCurrentBook();
  const locale = useLocale();
  const create = useCreateAccount(bookId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AccountKind>('asset:checking');
  const [currency, setCurrency] = useState(book?.baseCurrency ?? 'EUR');
  const [opening, setOpening] = useState<string | null>('');
  const [openingError, setOpeningError] = useState<string>();
  const [openingDate, setOpeningDate] = useState(() => new Date().toISOString().slice(0, 10));
  const error = create.error instanceof ApiError ? create.error : null;
  const nameInput = useRef<HTMLInputElement>(null);
  useEffect(() => nameInput.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (opening === null) return;
    const [type, subtype] = kind.split(':') as ['asset' | 'liability', never];
    create.mutate(
      {
        name,
        type,
        subtype,
        currency,
        ...(opening !== '' && { openingBalance: { amount: opening, currency }, openingDate }),
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-label="New account">
      <Field label="Name" error={error?.fieldMessage('/name')}>
        {(props) => (
          <input {...props} ref={nameInput} required value={name} onChange={(e) => setName(e.target.value)} />
        )}
      </Field>
      <Field label="Kind">
        {(props) => (
          <select {...props} value={kind} onChange={(e) => setKind(e.target.value as AccountKind)}>
            {ACCOUNT_KINDS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Currency" error={error?.fieldMessage('/currency')}>
        {(props) => (
          <input
            {...props}
            value={currency}
            maxLength={3}
            autoCapitalize="characters"
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field
        label="Balance today"
        hint={kind.startsWith('liability') ? 'What you owe, as a negative amount.' : 'Optional.'}
        error={openingError ?? error?.fieldMessage('/openingBalance')}
      >
        {(props) => (
          <AmountInput
            {...props}
            value={opening ?? ''}
            currencyCode={/^[A-Z]{3}$/.test(currency) ? currency : 'EUR'}
            locale={locale}
            onValueChange={setOpening}
            onProblem={setOpeningError}
          />
        )}
      </Field>
      <Field label="As of" error={error?.fieldMessage('/openingDate')}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={openingDate}
            onChange={(e) => setOpeningDate(e.target.value)}
          />
        )}
      </Field>
      <ErrorNotice error={error && error.errors.length === 0 ? error : null} />
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={create.isPending || opening === null}>
          Add account
        </button>
        <button className="button" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
