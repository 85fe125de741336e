import { useEffect } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout, useSession } from '../features/auth/session.ts';
import type { NewBookState } from '../features/books/BookPages.tsx';
import { rememberBook, useBookId, useBooks } from '../features/books/queries.ts';
import { ErrorNotice } from '../ui/ErrorNotice.tsx';
import { setTheme, type Theme, useTheme } from './preferences.ts';

/** Pages behind a login: anyone else is sent to the login page and brought back after. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  // Nothing rather than a "Loading" line: the page would jump when the real one replaces it.
  if (session.isPending) return null;
  if (session.error) return <ErrorNotice error={session.error} />;
  if (!session.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <Outlet />;
}

const SECTIONS = [
  ['dashboard', 'Dashboard'],
  ['accounts', 'Accounts'],
  ['transactions', 'Transactions'],
  ['import', 'Import'],
  ['rules', 'Rules'],
  ['budgets', 'Budgets'],
  ['reports', 'Reports'],
  ['categories', 'Categories'],
  ['payees', 'Payees'],
  ['tags', 'Tags'],
  ['settings', 'Settings'],
] as const;

function BookSwitcher({ bookId }: { bookId: number }) {
  const books = useBooks();
  const navigate = useNavigate();
  const location = useLocation();
  const section = location.pathname.split('/')[3] ?? 'dashboard';
  return (
    <label className="book-switcher">
      <span className="visually-hidden">Book</span>
      <select
        value={bookId}
        onChange={(event) => {
          if (event.target.value === 'new') {
            const state: NewBookState = { from: location.pathname + location.search };
            navigate('/books/new', { state });
          } else navigate(`/books/${event.target.value}/${section === 'accounts' ? 'accounts' : section}`);
        }}
      >
        {books.data?.map((book) => (
          <option key={book.id} value={book.id}>
            {book.name} ({book.baseCurrency})
          </option>
        ))}
        <option value="new">New book…</option>
      </select>
    </label>
  );
}

function ThemeToggle() {
  const theme = useTheme();
  const next: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };
  const label: Record<Theme, string> = {
    system: 'Theme: system',
    dark: 'Theme: dark',
    light: 'Theme: light',
  };
  return (
    <button
      type="button"
      className="button ghost"
      onClick={() => setTheme(next[theme])}
      aria-label={`${label[theme]}. Switch theme.`}
    >
      {label[theme]}
    </button>
  );
}

/** The frame of every page of a book: navigation, the book switcher, theme and logout. */
export function BookShell() {
  const bookId = useBookId();
  const books = useBooks();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  useEffect(() => rememberBook(bookId), [bookId]);

  if (books.data && !books.data.some((book) => book.id === bookId)) return <Navigate to="/" replace />;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Moneta
        </Link>
        <BookSwitcher bookId={bookId} />
        <div className="topbar-end">
          <ThemeToggle />
          <span className="user-name">{session.data?.user.name}</span>
          <button
            type="button"
            className="button ghost"
            onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
          >
            Log out
          </button>
        </div>
      </header>
      <nav className="sidenav" aria-label="Sections">
        <ul>
          {SECTIONS.map(([path, title]) => (
            <li key={path}>
              <NavLink to={`/books/${bookId}/${path}`}>{title}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
