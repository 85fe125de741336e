import { createBrowserRouter, Navigate } from 'react-router';
import { AccountsPage } from '../features/accounts/AccountsPage.tsx';
import { LoginPage, SignUpPage } from '../features/auth/AuthPages.tsx';
import { HomeRedirect, NewBookPage } from '../features/books/BookPages.tsx';
import { RegisterPage } from '../features/register/RegisterPage.tsx';
import { EmptyState } from '../ui/EmptyState.tsx';
import { BookShell, RequireSession } from './Shell.tsx';

function Coming({ title }: { title: string }) {
  return (
    <>
      <h1>{title}</h1>
      <EmptyState title="Not here yet">
        <p>This page is on its way; the REST API already offers it (see /api/docs).</p>
      </EmptyState>
    </>
  );
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignUpPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/books/new', element: <NewBookPage /> },
      {
        path: '/books/:bookId',
        element: <BookShell />,
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', element: <Coming title="Dashboard" /> },
          { path: 'accounts', element: <AccountsPage /> },
          { path: 'accounts/:accountId', element: <RegisterPage /> },
          { path: 'transactions', element: <Coming title="Transactions" /> },
          { path: 'categories', element: <Coming title="Categories" /> },
          { path: 'payees', element: <Coming title="Payees" /> },
          { path: 'tags', element: <Coming title="Tags" /> },
          { path: 'settings', element: <Coming title="Settings" /> },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
