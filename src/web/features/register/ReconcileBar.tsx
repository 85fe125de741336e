import { useEffect, useRef, useState } from 'react';
import type { AccountJson, ReconciliationJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { localToday } from '../../ui/localDate.ts';
import { ReconcileStart, type Statement } from './ReconcileStart.tsx';
import { monthAfter } from './reconcile.ts';
import { useReconciliations } from './reconcileQueries.ts';

const transactions = (count: number) => `${count} ${count === 1 ? 'transaction' : 'transactions'}`;

/**
 * Where the register stands with reconciling: asking for a statement, reconciling against one,
 * or having just finished (`done` says what was reconciled). Kept per account: another account's
 * register starts afresh.
 */
export function useReconciling(bookId: number, account: AccountJson | undefined, canEdit: boolean) {
  const locale = useLocale();
  const announce = useAnnounce();
  const enabled = account?.type === 'asset' || account?.type === 'liability';
  const history = useReconciliations(bookId, account?.id ?? 0, enabled);
  const [state, setState] = useState<{
    accountId: number | undefined;
    asking: boolean;
    statement: Statement | null;
    done: string | null;
    /** Counts the times the focus is to go back to the Reconcile button. */
    back: number;
  }>({ accountId: account?.id, asking: false, statement: null, done: null, back: 0 });
  const current =
    state.accountId === account?.id ? state : { ...state, asking: false, statement: null, done: null };
  const set = (change: Partial<typeof state>) => setState({ ...current, accountId: account?.id, ...change });
  const last = history.data?.[0];

  return {
    account,
    enabled,
    canStart: enabled && canEdit && !account?.archived,
    asking: current.asking && history.data !== undefined,
    statement: current.statement,
    done: current.done,
    back: current.back,
    defaultDate: last ? monthAfter(last.statementDate) : localToday(),
    ask: (asking: boolean) => set({ asking, done: null }),
    start: (statement: Statement) => set({ asking: false, statement }),
    stop: () => set({ statement: null, back: current.back + 1 }),
    finished: (reconciliation: ReconciliationJson) => {
      const done = `Reconciled ${transactions(reconciliation.transactionCount)} up to ${formatDay(reconciliation.statementDate, locale)}.`;
      // Said once, by the page's announcer; the focus goes back to Reconcile (ReconcileButton).
      announce(done, false);
      set({ statement: null, back: current.back + 1, done });
    },
  };
}

export type Reconciling = ReturnType<typeof useReconciling>;

/** The Reconcile button of a statement account's register; the focus comes back to it after reconciling. */
export function ReconcileButton({ state }: { state: Reconciling }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.back > 0) button.current?.focus();
  }, [state.back]);
  if (!state.canStart || state.statement) return null;
  return (
    <button
      type="button"
      ref={button}
      className="button small"
      aria-expanded={state.asking}
      onClick={() => state.ask(!state.asking)}
    >
      Reconcile
    </button>
  );
}

/** The statement's panel, while it is asked for, and what finishing did. */
export function ReconcileBar({ state }: { state: Reconciling }) {
  return (
    <>
      {state.asking && state.account && (
        <ReconcileStart
          account={state.account}
          date={state.defaultDate}
          onStart={state.start}
          onCancel={() => state.ask(false)}
        />
      )}
      {state.done && <p className="notice reconcile-done">{state.done}</p>}
    </>
  );
}
