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
  // The frame at once, empty: the page lands in it when the session answers, and nothing jumps.
  if (session.isPending) return <ShellSkeleton />;
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

/** A book's frame: the top bar (the brand, then `top`), the book's sections and the main area. */
function Frame({
  bookId,
  top,
  busy = false,
  children,
}: {
  bookId: number | null;
  top: React.ReactNode;
  busy?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Moneta
        </Link>
        {top}
      </header>
      {bookId !== null && (
        <nav className="sidenav" aria-label="Sections">
          <ul>
            {SECTIONS.map(([path, title]) => (
              <li key={path}>
                <NavLink to={`/books/${bookId}/${path}`}>{title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" className="page" tabIndex={-1} aria-busy={busy || undefined}>
        {children}
      </main>
    </div>
  );
}

/**
 * The frame while the session is asked for, or a first page's code loads: the book's sections (its
 * id is in the address), the theme, and room where the switcher and the page will be.
 */
export function ShellSkeleton() {
  const { pathname } = useLocation();
  const bookId = Number(/^\/books\/(\d+)/.exec(pathname)?.[1] ?? 0) || null;
  const top = (
    <>
      <span className="book-switcher-room" aria-hidden="true" />
      <div className="topbar-end">
        <ThemeToggle />
      </div>
    </>
  );
  return (
    <Frame bookId={bookId} top={top} busy>
      {/* The page's heading until the page's own replaces it. */}
      <h1 className="loading">Loading…</h1>
    </Frame>
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
  const top = (
    <>
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
    </>
  );
  return (
    <Frame bookId={bookId} top={top}>
      <Outlet />
    </Frame>
  );
}
