import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AccountJson } from '../../api/types.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { useBudgets, useEnvelopeSettings } from '../budgets/queries.ts';
import { useCategories } from '../register/queries.ts';
import { getStartedPutAway, putAwayGetStarted, type StepId, stepsDone } from './onboarding.ts';
import { useLatestTransactions } from './queries.ts';

/**
 * A new book's first-run path on the dashboard (issue 13): categories, an account, transactions,
 * a budget, each ticked from what the book holds. It reads what the dashboard reads already (its
 * accounts, categories and latest transactions, one cache entry each) and two short lists (budgets,
 * envelope settings). Hidden by the person, or all done once, it is put away for the book in this
 * browser and asks for nothing more; then `fallback` (the empty dashboard's welcome) shows instead.
 */
export function GetStarted({
  bookId,
  accounts,
  fallback = null,
}: {
  bookId: number;
  accounts: readonly AccountJson[];
  fallback?: ReactNode;
}) {
  const [putAway, setPutAway] = useState(() => getStartedPutAway(bookId));
  const onPutAway = useCallback(
    (why: 'hidden' | 'done') => {
      putAwayGetStarted(bookId, why);
      setPutAway(true);
    },
    [bookId],
  );
  if (putAway) return fallback;
  return <Checklist bookId={bookId} accounts={accounts} onPutAway={onPutAway} fallback={fallback} />;
}

function Checklist({
  bookId,
  accounts,
  onPutAway,
  fallback,
}: {
  bookId: number;
  accounts: readonly AccountJson[];
  onPutAway: (why: 'hidden' | 'done') => void;
  fallback: ReactNode;
}) {
  const categories = useCategories(bookId);
  const latest = useLatestTransactions(bookId);
  const budgets = useBudgets(bookId);
  const envelope = useEnvelopeSettings(bookId);
  const announce = useAnnounce();
  const loaded = categories.data && latest.data && budgets.data && envelope.data;
  const done = loaded
    ? stepsDone({
        categories: categories.data,
        accounts,
        transactions: latest.data.items,
        budgets: budgets.data,
        envelopeOn: envelope.data.enabled,
      })
    : null;
  const count = done ? Object.values(done).filter(Boolean).length : 0;
  useEffect(() => {
    if (count === 4) onPutAway('done');
  }, [count, onPutAway]);
  // Until every answer is in (or when one fails) nothing is shown: no step ticks itself late.
  if (!done || count === 4) return fallback;
  const book = `/books/${bookId}`;
  const firstAccount = accounts.find((a) => !a.archived && (a.type === 'asset' || a.type === 'liability'));

  function hide() {
    onPutAway('hidden');
    // The steps are gone with the button: the focus goes to the page, as after a deleted row.
    announce('The getting-started steps are hidden.');
  }

  return (
    <section className="card get-started" aria-labelledby="get-started">
      <div className="get-started-head">
        <h2 id="get-started">Get started</h2>
        <p className="get-started-progress">
          <progress max={4} value={count} aria-label="Steps done" />
          <span>{count} of 4 done</span>
        </p>
        <button type="button" className="button small" onClick={hide}>
          Hide<span className="visually-hidden"> the getting-started steps</span>
        </button>
      </div>
      <ol className="get-started-steps">
        <Step id="categories" done={done} title="Categories">
          Sort what you spend and earn. <Link to={`${book}/categories`}>Choose a starter set</Link>
        </Step>
        <Step id="account" done={done} title="An account">
          Checking, savings, cash or a card, with today’s balance.{' '}
          <Link to={`${book}/accounts`}>Add an account</Link>
        </Step>
        <Step id="transactions" done={done} title="Transactions">
          {firstAccount ? (
            <>
              <Link to={`${book}/import`}>Import a bank file</Link> or{' '}
              <Link to={`${book}/accounts/${firstAccount.id}`}>
                add a first transaction to {firstAccount.name}
              </Link>
              .
            </>
          ) : (
            'Once there is an account: import a bank file, or add a first transaction.'
          )}
        </Step>
        <Step id="budget" done={done} title="A budget">
          A monthly limit for a category, or envelopes for all of your money.{' '}
          <Link to={`${book}/budgets`}>Set a budget</Link>
        </Step>
      </ol>
    </section>
  );
}

function Step({
  id,
  done,
  title,
  children,
}: {
  id: StepId;
  done: Record<StepId, boolean>;
  title: string;
  children: ReactNode;
}) {
  const finished = done[id];
  return (
    <li className={finished ? 'done' : undefined}>
      <span className="step-mark" aria-hidden="true">
        {finished ? '✓' : ''}
      </span>
      <div>
        <p className="step-title">
          <span className="visually-hidden">{finished ? 'Done: ' : 'To do: '}</span>
          {title}
        </p>
        {!finished && <p className="step-how">{children}</p>}
      </div>
    </li>
  );
}
