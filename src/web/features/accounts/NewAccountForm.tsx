import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import { useLocale } from '../../app/preferences.ts';
import { AmountInput } from '../../ui/AmountInput.tsx';
import { DateInput } from '../../ui/DateInput.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { localToday } from '../../ui/localDate.ts';
import { useCurrentBook } from '../books/queries.ts';
import { ACCOUNT_KINDS, type AccountKind } from './kinds.ts';
import { useCreateAccount } from './queries.ts';

/**
 * A new account's opening balance is dated, by default the first of this (local) month: a balance
 * dated today would come after the transactions of the month one enters next, and their running
 * balances would start from nothing.
 */
const firstOfThisMonth = () => `${localToday().slice(0, 8)}01`;

export function NewAccountForm({ bookId, onDone }: { bookId: number; onDone: () => void }) {
  const { book } = useCurrentBook();
  const locale = useLocale();
  const create = useCreateAccount(bookId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AccountKind>('asset:checking');
  const [currency, setCurrency] = useState(book?.baseCurrency ?? 'EUR');
  const [opening, setOpening] = useState<string | null>('');
  const [openingError, setOpeningError] = useState<string>();
  const [openingDate, setOpeningDate] = useState(firstOfThisMonth);
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
        label="Opening balance"
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
      <Field
        label="As of"
        hint="The day the account held this balance: before the first transaction you will enter."
        error={error?.fieldMessage('/openingDate')}
      >
        {(props) => (
          <DateInput
            {...props}
            value={openingDate}
            locale={locale}
            onValueChange={(iso) => iso !== null && setOpeningDate(iso)}
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
