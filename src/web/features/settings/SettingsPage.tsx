import { type FormEvent, useId, useState } from 'react';
import { allCurrencies } from '../../../core/money/index.ts';
import type { BookJson } from '../../api/types.ts';
import { setLocale, setTheme, type Theme, useLocale, useTheme } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { NEW_PASSWORD_HINT, PasswordField } from '../../ui/PasswordField.tsx';
import { useSession } from '../auth/session.ts';
import { useBookId, useCurrentBook, useMembers } from '../books/queries.ts';
import { DataSection } from './DataSection.tsx';
import { localeOptions } from './locales.ts';
import { useChangePassword, useUpdateBook } from './queries.ts';

/** Where preferences.ts keeps an explicit choice; absent means "follow the browser". */
const LOCALE_KEY = 'moneta.locale';
const ROLE_TEXT = { owner: 'Owner', editor: 'Editor', viewer: 'Viewer' } as const;

export function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <div className="settings">
        <ProfileSection />
        <DisplaySection />
        <PasswordSection />
        <BookSection />
        <MembersSection />
        <Section title="Data">
          <DataSection />
        </Section>
      </div>
    </>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section className="card settings-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function ProfileSection() {
  const session = useSession();
  const user = session.data?.user;
  return (
    <Section title="Profile">
      {user ? (
        <dl className="settings-facts">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
        </dl>
      ) : (
        <ErrorNotice error={session.error} />
      )}
    </Section>
  );
}

const THEMES: readonly (readonly [Theme, string])[] = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

function DisplaySection() {
  const locale = useLocale();
  const theme = useTheme();
  const { book } = useCurrentBook();
  const [chosen, setChosen] = useState(() =>
    typeof localStorage === 'undefined' ? null : localStorage.getItem(LOCALE_KEY),
  );
  const browser = typeof navigator === 'undefined' ? 'en-US' : navigator.language;
  const today = new Date().toISOString().slice(0, 10);
  const code = book?.baseCurrency ?? 'EUR';

  function chooseLocale(value: string) {
    setChosen(value === '' ? null : value);
    setLocale(value === '' ? null : value);
    document.documentElement.lang = value || browser;
  }

  return (
    <Section title="Display">
      <p>These choices are kept in this browser.</p>
      <Field label="Language and region for amounts and dates">
        {(props) => (
          <select {...props} value={chosen ?? ''} onChange={(e) => chooseLocale(e.target.value)}>
            <option value="">Browser default ({browser})</option>
            {localeOptions(chosen).map(([tag, name]) => (
              <option key={tag} value={tag} lang={tag}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="settings-example" aria-live="polite">
        <p>
          Amounts show as <Amount value={{ amount: '1234.56', currency: code }} /> and{' '}
          <Amount value={{ amount: '-1234.56', currency: code }} />; dates as{' '}
          <span className="settings-date">{formatDay(today, locale, 'long')}</span> or{' '}
          <span className="settings-date">{formatDay(today, locale, 'short')}</span>.
        </p>
      </div>
      <fieldset className="settings-theme">
        <legend>Theme</legend>
        {THEMES.map(([value, label]) => (
          <label key={value} className="checkbox">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => setTheme(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}

function PasswordSection() {
  const session = useSession();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const currentError = fieldError(change.error, '/currentPassword');
  const nextError = fieldError(change.error, '/newPassword');
  const general = formError(change.error, ['/currentPassword', '/newPassword']);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setDone(true);
        },
      },
    );
  }

  return (
    <Section title="Password">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <input
          type="email"
          name="username"
          autoComplete="username"
          value={session.data?.user.email ?? ''}
          readOnly
          hidden
        />
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={currentError}
        />
        <PasswordField
          label="New password"
          hint={NEW_PASSWORD_HINT}
          autoComplete="new-password"
          value={next}
          onChange={setNext}
          error={nextError}
        />
        <PasswordField
          label="Confirm the new password"
          autoComplete="new-password"
          value={confirm}
          onChange={setConfirm}
          error={mismatch ? 'This does not match the new password.' : undefined}
        />
        <ErrorNotice error={general} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
        <p className="notice notice-success" role="status">
          {done ? 'Your password has been changed. Any other sessions of yours have been logged out.' : ''}
        </p>
      </form>
    </Section>
  );
}

function BookSection() {
  const { book, isPending, error } = useCurrentBook();
  return (
    <Section title="Book">
      {isPending ? (
        <p className="loading">Loading…</p>
      ) : !book ? (
        <ErrorNotice error={error ?? new Error('This book is not among yours.')} />
      ) : book.role === 'owner' ? (
        <BookForm key={book.id} book={book} />
      ) : (
        <>
          <dl className="settings-facts">
            <dt>Name</dt>
            <dd>{book.name}</dd>
            <dt>Base currency</dt>
            <dd>{book.baseCurrency}</dd>
            <dt>Your role</dt>
            <dd>{ROLE_TEXT[book.role]}</dd>
          </dl>
          <p className="hint">Only an owner of the book can rename it or change its base currency.</p>
        </>
      )}
    </Section>
  );
}

const CURRENCIES = allCurrencies();

function BookForm({ book }: { book: BookJson }) {
  const update = useUpdateBook(book.id);
  const [name, setName] = useState(book.name);
  const [baseCurrency, setBaseCurrency] = useState<string>(book.baseCurrency);
  const [saved, setSaved] = useState(false);
  const nameError = fieldError(update.error, '/name');
  const currencyError = fieldError(update.error, '/baseCurrency');
  const general = formError(update.error, ['/name', '/baseCurrency']);
  const changes = {
    ...(name.trim() !== book.name && { name: name.trim() }),
    ...(baseCurrency !== book.baseCurrency && { baseCurrency }),
  };
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!changed) return;
    update.mutate(changes, { onSuccess: () => setSaved(true) });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Book" className="form-grid">
      <Field label="Book name" error={nameError}>
        {(props) => (
          <input
            {...props}
            required
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setSaved(false);
            }}
          />
        )}
      </Field>
      <Field
        label="Base currency"
        error={currencyError}
        hint="Reports add up in this currency; each account keeps its own."
      >
        {(props) => (
          <select
            {...props}
            value={baseCurrency}
            onChange={(e) => {
              setBaseCurrency(e.target.value);
              setSaved(false);
            }}
          >
            {CURRENCIES.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="settings-wide">
        <ErrorNotice error={general} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={update.isPending || !changed}>
            {update.isPending ? 'Saving…' : 'Save book'}
          </button>
        </div>
        <p className="notice notice-success" role="status">
          {saved ? 'The book has been saved.' : ''}
        </p>
      </div>
    </form>
  );
}

function MembersSection() {
  const bookId = useBookId();
  const members = useMembers(bookId);
  const session = useSession();
  const me = session.data?.user.id;
  return (
    <Section title="Members">
      {members.isPending ? (
        <p className="loading">Loading members…</p>
      ) : members.error ? (
        <ErrorNotice error={members.error} />
      ) : (
        <div className="settings-table">
          <table>
            <caption className="visually-hidden">Members of this book</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <tr key={member.userId}>
                  <td>
                    {member.name}
                    {member.userId === me ? ' (you)' : ''}
                  </td>
                  <td className="settings-email">{member.email}</td>
                  <td>{ROLE_TEXT[member.role]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        Inviting other people to this book comes in a later version; for now the members are listed here.
      </p>
    </Section>
  );
}
