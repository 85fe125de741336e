import { Link } from 'react-router';
import type { AccountJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { Amount } from '../../ui/Amount.tsx';
import { Announcer } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { localToday } from '../../ui/localDate.ts';
import { sumByCurrency } from '../../ui/money.ts';
import { groupAccounts } from '../accounts/kinds.ts';
import { useAccounts } from '../accounts/queries.ts';
import { netWorthOf } from '../accounts/totals.ts';
import { useBookId, useCurrentBook } from '../books/queries.ts';
import { useCategories } from '../register/queries.ts';
import { LeftOut } from '../reports/LeftOut.tsx';
import { IncomeExpenseChart, SpendingChart } from './Charts.tsx';
import { GetStarted } from './GetStarted.tsx';
import { useCategoryTotals, useLatestTransactions } from './queries.ts';
import { incomeVsExpense, lastMonths, leftOut, spendingByCategory } from './summaries.ts';

export function DashboardPage() {
  // Says what "Hide" on the first steps did, once the steps are gone.
  return (
    <Announcer>
      <DashboardBody />
    </Announcer>
  );
}

function DashboardBody() {
  const bookId = useBookId();
  const { book } = useCurrentBook();
  // Archived accounts too: what they hold still counts in net worth.
  const accounts = useAccounts(bookId, true);
  if (accounts.isPending || !book) {
    return (
      <>
        <h1>Dashboard</h1>
        <div className="dashboard" aria-busy="true" />
      </>
    );
  }
  if (accounts.error) return <ErrorNotice error={accounts.error} />;
  // The first steps are an editor's to take: a viewer is shown the book as it is.
  const starting = book.role !== 'viewer';
  if (!accounts.data.some((a) => a.type === 'asset' || a.type === 'liability')) {
    const welcome = (
      <EmptyState title="Welcome to your books">
        <p>Start by adding the accounts you keep money in, with today’s balances.</p>
        <Link className="button primary" to={`/books/${bookId}/accounts`}>
          Add accounts
        </Link>
      </EmptyState>
    );
    return (
      <>
        <h1>Dashboard</h1>
        {starting ? <GetStarted bookId={bookId} accounts={accounts.data} fallback={welcome} /> : welcome}
      </>
    );
  }
  return <Dashboard bookId={bookId} base={book.baseCurrency} accounts={accounts.data} starting={starting} />;
}

function Dashboard({
  bookId,
  base,
  accounts,
  starting,
}: {
  bookId: number;
  base: string;
  accounts: AccountJson[];
  starting: boolean;
}) {
  const locale = useLocale();
  const today = localToday();
  const months = lastMonths(today, 12);
  const categories = useCategories(bookId);
  const thisMonth = useCategoryTotals(bookId, `${today.slice(0, 7)}-01`, today, 'none');
  const year = useCategoryTotals(bookId, `${months[0]}-01`, today, 'month');
  const latest = useLatestTransactions(bookId);
  const groups = groupAccounts(accounts);
  const netWorth = netWorthOf(accounts, base);
  const reports = `/books/${bookId}/reports`;
  const thisMonthRange = `from=${today.slice(0, 7)}-01&to=${today}`;
  const yearRange = `from=${months[0]}-01&to=${today}`;
  // A transaction leads to the register of the first account of the books it touches.
  const held = new Set(accounts.filter((a) => a.type === 'asset' || a.type === 'liability').map((a) => a.id));
  const registerOf = (postings: readonly { accountId: number }[]) => {
    const account = postings.find((p) => held.has(p.accountId));
    return account ? `/books/${bookId}/accounts/${account.accountId}` : `/books/${bookId}/transactions`;
  };
  const names = new Map([...accounts, ...(categories.data ?? [])].map((a) => [a.id, a.name]));
  const spending =
    thisMonth.data && categories.data ? spendingByCategory(thisMonth.data.rows, categories.data, base) : [];
  const flows =
    year.data && categories.data ? incomeVsExpense(year.data.rows, categories.data, base, months) : [];
  const monthLabel = new Date(`${today.slice(0, 7)}-01T00:00:00`).toLocaleDateString(locale, {
    month: 'long',
    year: 'numeric',
  });

  return (
    <>
      <h1>Dashboard</h1>
      {starting && latest.data?.items.length === 0 && <GetStarted bookId={bookId} accounts={accounts} />}
      <div className="dashboard">
        <section className="card" aria-labelledby="net-worth">
          <h2 id="net-worth">
            <Link to={`${reports}/net-worth`}>Net worth</Link>
          </h2>
          <p className="big-number">
            <Amount value={netWorth.total} />
          </p>
          <LeftOut amounts={netWorth.otherCurrencies} />
          <ul className="plain-list">
            {groups.map(([group, list]) => (
              <li key={group}>
                <Link to={`/books/${bookId}/accounts`}>{group}</Link>
                <span>
                  {sumByCurrency(list.map((a) => a.balance)).map((total) => (
                    <Amount key={total.currency} value={total} />
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section className="card" aria-labelledby="spending">
          <h2 id="spending">
            <Link to={`${reports}/spending?${thisMonthRange}`}>Spending in {monthLabel}</Link>
          </h2>
          {thisMonth.error && <ErrorNotice error={thisMonth.error} />}
          {thisMonth.data && categories.data && (
            <LeftOut amounts={leftOut(thisMonth.data.rows, categories.data, base, 'expense')} />
          )}
          {spending.length === 0 ? (
            <p className="muted">No spending recorded this month yet.</p>
          ) : (
            <figure>
              <SpendingChart data={spending} locale={locale} />
              <figcaption className="visually-hidden">Spending by category this month</figcaption>
              <table className="visually-hidden">
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    <th scope="col">Spent</th>
                  </tr>
                </thead>
                <tbody>
                  {spending.map((entry) => (
                    <tr key={entry.categoryId}>
                      <th scope="row">{entry.name}</th>
                      <td>
                        <Amount value={entry.spent} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figure>
          )}
        </section>

        <section className="card wide" aria-labelledby="flows">
          <h2 id="flows">
            <Link to={`${reports}/income-expense?${yearRange}`}>Income and expense, last 12 months</Link>
          </h2>
          {year.error && <ErrorNotice error={year.error} />}
          {year.data && categories.data && (
            <>
              <LeftOut amounts={leftOut(year.data.rows, categories.data, base, 'income')} what="the income" />
              <LeftOut
                amounts={leftOut(year.data.rows, categories.data, base, 'expense')}
                what="the expense"
              />
            </>
          )}
          <figure>
            <IncomeExpenseChart data={flows} locale={locale} />
            <figcaption className="visually-hidden">Income and expense per month</figcaption>
            <table className="visually-hidden">
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Income</th>
                  <th scope="col">Expense</th>
                  <th scope="col">Net</th>
                </tr>
              </thead>
              <tbody>
                {flows.map((flow) => (
                  <tr key={flow.month}>
                    <th scope="row">{flow.month}</th>
                    <td>
                      <Amount value={flow.income} />
                    </td>
                    <td>
                      <Amount value={flow.expense} />
                    </td>
                    <td>
                      <Amount value={flow.net} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figure>
        </section>

        <section className="card wide" aria-labelledby="latest">
          <h2 id="latest">
            <Link to={`/books/${bookId}/transactions`}>Latest transactions</Link>
          </h2>
          {latest.error && <ErrorNotice error={latest.error} />}
          {latest.data?.items.length === 0 && <p className="muted">Nothing recorded yet.</p>}
          <ul className="plain-list">
            {latest.data?.items.map((transaction) => (
              <li key={transaction.id}>
                <span>
                  <Link to={registerOf(transaction.postings)}>
                    {new Date(`${transaction.date}T00:00:00`).toLocaleDateString(locale)} ·{' '}
                    {transaction.payee?.name ?? transaction.description ?? ''}
                  </Link>
                  <span className="muted">
                    {' '}
                    {[...transaction.postings]
                      .sort(
                        (a, b) =>
                          Number(b.value.amount.startsWith('-')) - Number(a.value.amount.startsWith('-')),
                      )
                      .map((p) => names.get(p.accountId))
                      .filter(Boolean)
                      .join(' → ')}
                  </span>
                </span>
                <Amount value={transaction.total} />
              </li>
            ))}
          </ul>
        </section>
      </div>
      {/* A book in use keeps its figures on top: the steps left come after them, and their arriving
          moves nothing already on screen (no layout shift). */}
      {starting && (latest.data?.items.length ?? 0) > 0 && <GetStarted bookId={bookId} accounts={accounts} />}
    </>
  );
}
