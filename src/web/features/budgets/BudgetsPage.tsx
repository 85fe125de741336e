import { useState } from 'react';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useBookId } from '../books/queries.ts';
import { useCategoryGroups, useCategoryList } from '../categories/queries.ts';
import { BudgetCard } from './BudgetCard.tsx';
import { EnvelopeSection } from './EnvelopeSection.tsx';
import { NewBudgetForm } from './NewBudgetForm.tsx';
import { Notifications } from './Notifications.tsx';
import { useBudgetOverview, useBudgets } from './queries.ts';

/** Limit budgets: every budget's current period against its limit, the alerts, and a form for a new one. */
export function BudgetsPage() {
  const bookId = useBookId();
  const budgets = useBudgets(bookId);
  const overview = useBudgetOverview(bookId);
  const categories = useCategoryList(bookId);
  const groups = useCategoryGroups(bookId);
  const [adding, setAdding] = useState(false);

  const error = budgets.error ?? overview.error ?? categories.error ?? groups.error;
  if (error) return <ErrorNotice error={error} />;
  const [list, current, categoryList, groupList] = [
    budgets.data,
    overview.data,
    categories.data,
    groups.data,
  ];
  if (!list || !current || !categoryList || !groupList) return <p className="loading">Loading budgets…</p>;
  const periods = new Map(current.budgets.map((entry) => [entry.budgetId, entry.period]));
  const targetName = (categoryId: number | null, groupId: number | null) =>
    categoryId !== null
      ? (categoryList.find((c) => c.id === categoryId)?.name ?? 'A category')
      : `${groupList.find((g) => g.id === groupId)?.name ?? 'A group'} (group)`;

  return (
    <div className="budgets">
      <div className="page-header">
        <h1>Budgets</h1>
        <button type="button" className="button primary" onClick={() => setAdding(true)} disabled={adding}>
          New budget
        </button>
      </div>
      {adding && (
        <NewBudgetForm
          bookId={bookId}
          categories={categoryList}
          groups={groupList}
          onDone={() => setAdding(false)}
        />
      )}
      <Notifications bookId={bookId} />
      <EnvelopeSection bookId={bookId} />
      {list.length === 0 && !adding ? (
        <EmptyState title="No budgets yet">
          <p>
            Set a limit per month (from your payday if you like), week or year for a category or a group, and
            see what is left as you spend.
          </p>
          <button type="button" className="button primary" onClick={() => setAdding(true)}>
            Set your first budget
          </button>
        </EmptyState>
      ) : (
        <ul className="budget-list" aria-label="Budgets">
          {list.map((budget) => (
            <BudgetCard
              key={budget.id}
              bookId={bookId}
              budget={budget}
              period={periods.get(budget.id) ?? null}
              target={targetName(budget.categoryId, budget.groupId)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
