import { createBrowserRouter, Navigate } from 'react-router';
import { LoginPage, SignUpPage } from '../features/auth/AuthPages.tsx';
import { HomeRedirect, NewBookPage } from '../features/books/BookPages.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { BookShell, RequireSession, ShellSkeleton } from './Shell.tsx';

/**
 * Pages other than the first ones a person sees (log in, sign up, dashboard) load on demand, so the
 * first paint carries only what it shows.
 */
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignUpPage /> },
  {
    element: <RequireSession />,
    // While a first page's code loads, the same empty frame as while the session is asked for.
    hydrateFallbackElement: <ShellSkeleton />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      { path: '/books/new', element: <NewBookPage /> },
      {
        path: '/books/:bookId',
        element: <BookShell />,
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', element: <DashboardPage /> },
          {
            path: 'accounts',
            lazy: page(() =>
              import('../features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })),
            ),
          },
          {
            path: 'accounts/:accountId',
            lazy: page(() =>
              import('../features/register/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })),
            ),
          },
          {
            path: 'transactions',
            lazy: page(() =>
              import('../features/transactions/TransactionsPage.tsx').then((m) => ({
                default: m.TransactionsPage,
              })),
            ),
          },
          {
            path: 'import',
            lazy: page(() =>
              import('../features/import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })),
            ),
          },
          {
            path: 'rules',
            lazy: page(() =>
              import('../features/rules/RulesPage.tsx').then((m) => ({ default: m.RulesPage })),
            ),
          },
          {
            path: 'budgets',
            lazy: page(() =>
              import('../features/budgets/BudgetsPage.tsx').then((m) => ({ default: m.BudgetsPage })),
            ),
          },
          {
            path: 'reports/*',
            lazy: page(() =>
              import('../features/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })),
            ),
          },
          {
            path: 'categories',
            lazy: page(() =>
              import('../features/categories/CategoriesPage.tsx').then((m) => ({
                default: m.CategoriesPage,
              })),
            ),
          },
          {
            path: 'payees',
            lazy: page(() =>
              import('../features/payees/PayeesPage.tsx').then((m) => ({ default: m.PayeesPage })),
            ),
          },
          {
            path: 'tags',
            lazy: page(() => import('../features/tags/TagsPage.tsx').then((m) => ({ default: m.TagsPage }))),
          },
          {
            path: 'settings',
            lazy: page(() =>
              import('../features/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
            ),
          },
        ],
      },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
]);
