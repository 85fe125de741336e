import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { lastBook, useBooks, useCreateBook } from './queries.ts';

const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'INR',
  'CNY',
  'BRL',
];

/** `/`: the book last worked in, else the first, else the page to create one. */
export function HomeRedirect() {
  const books = useBooks();
  if (books.isPending) return <p className="loading">Loading…</p>;
  if (books.error) return <ErrorNotice error={books.error} />;
  const list = books.data;
  if (list.length === 0) return <Navigate to="/books/new" replace />;
  const target = list.find((book) => book.id === lastBook()) ?? list[0]!;
  return <Navigate to={`/books/${target.id}/dashboard`} replace />;
}

/** Where "New book…" was chosen, so that Cancel returns there: `navigate('/books/new', { state })`. */
export interface NewBookState {
  from: string;
}

export function NewBookPage() {
  const create = useCreateBook();
  const navigate = useNavigate();
  const books = useBooks();
  const from = (useLocation().state as NewBookState | null)?.from;
  const [name, setName] = useState('Household');
  const [baseCurrency, setBaseCurrency] = useState(() => guessCurrency());
  const nameInput = useFocusOnOpen<HTMLInputElement>();

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, baseCurrency }, { onSuccess: (book) => navigate(`/books/${book.id}/accounts`) });
  }
  const error = create.error;
  const hasBooks = Boolean(books.data?.length);

  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          Moneta
        </Link>
      </header>
      <main className="page narrow">
        <h1>{hasBooks ? 'New book' : 'Create your first book'}</h1>
        <p>
          A book holds one household’s accounts, categories and transactions. Its base currency is the one
          reports add up in.
        </p>
        <form onSubmit={submit} noValidate>
          <Field label="Name" error={fieldError(error, '/name')}>
            {(props) => (
              <input
                {...props}
                ref={nameInput}
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label="Base currency" error={fieldError(error, '/baseCurrency')}>
            {(props) => (
              <select {...props} value={baseCurrency} onChange={(e) => setBaseCurrency(e.target.value)}>
                {COMMON_CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorNotice error={formError(error, ['/name', '/baseCurrency'])} />
          <div className="form-actions">
            <button className="button primary" type="submit" disabled={create.isPending}>
              Create book
            </button>
            {hasBooks && (
              <Link className="button" to={from ?? '/'}>
                Cancel
              </Link>
            )}
          </div>
        </form>
      </main>
    </>
  );
}

/** The currency of the browser's region, when it is one of the common ones. */
function guessCurrency(): string {
  const region = new Intl.Locale(navigator.language).maximize().region ?? 'US';
  const byRegion: Record<string, string> = {
    US: 'USD',
    GB: 'GBP',
    CH: 'CHF',
    JP: 'JPY',
    CA: 'CAD',
    AU: 'AUD',
    SE: 'SEK',
    NO: 'NOK',
    DK: 'DKK',
    PL: 'PLN',
    CZ: 'CZK',
    IN: 'INR',
    CN: 'CNY',
    BR: 'BRL',
  };
  return byRegion[region] ?? 'EUR';
}
