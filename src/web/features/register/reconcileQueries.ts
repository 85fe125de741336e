import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import type { NewReconciliationJson, TransactionJson } from '../../api/types.ts';
import { accountKeys, invalidateLedger } from '../accounts/queries.ts';
import { linesOf, type Ticks } from './reconcile.ts';

const keys = {
  history: (bookId: number, accountId: number) =>
    [...accountKeys.all(bookId), accountId, 'reconciliations'] as const,
  work: (bookId: number, accountId: number, date: string) =>
    [...accountKeys.all(bookId), accountId, 'reconcile', date] as const,
};

/** Every transaction of the account up to `to` with this status, all pages. */
async function allWith(bookId: number, accountId: number, to: string, status: 'pending' | 'cleared') {
  const found: TransactionJson[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.transactions.list(bookId, { accountId, to, status, limit: 1000, cursor });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/**
 * What reconciling up to `date` works on, asked together so the cleared total and the lines agree:
 * the server's cleared total, and every pending and cleared (not reconciled) transaction.
 */
export function useReconcileWork(bookId: number, accountId: number, code: string, date: string) {
  return useQuery({
    queryKey: keys.work(bookId, accountId, date),
    queryFn: async () => {
      const [balance, pending, cleared] = await Promise.all([
        api.reconciliations.cleared(bookId, accountId, date),
        allWith(bookId, accountId, date, 'pending'),
        allWith(bookId, accountId, date, 'cleared'),
      ]);
      return { cleared: balance.cleared, lines: linesOf([...pending, ...cleared], accountId, code) };
    },
  });
}

/**
 * Ticking is setting a transaction's status (a real edit). The tick shows at once and stays until the
 * server's refetched answer has it; a later tick of the same line wins over an earlier one's answer.
 */
export function useTicks(bookId: number) {
  const client = useQueryClient();
  const [ticks, setTicks] = useState<Map<number, { ticked: boolean; seq: number }>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const sent = useRef(0);
  const shown: Ticks = new Map([...ticks].map(([id, tick]) => [id, tick.ticked]));

  async function tick(transactionId: number, ticked: boolean) {
    const mine = ++sent.current;
    setError(null);
    setTicks((current) => new Map(current).set(transactionId, { ticked, seq: mine }));
    try {
      await api.transactions.update(bookId, transactionId, { status: ticked ? 'cleared' : 'pending' });
      await invalidateLedger(client, bookId);
    } catch (failed) {
      setError(failed);
    }
    setTicks((current) => {
      if (current.get(transactionId)?.seq !== mine) return current;
      const next = new Map(current);
      next.delete(transactionId);
      return next;
    });
  }
  return { ticks: shown, tick, error, busy: ticks.size > 0 };
}

/** The account's reconciliations, the latest statement first (only an asset or liability has any). */
export function useReconciliations(bookId: number, accountId: number, enabled = true) {
  return useQuery({
    queryKey: keys.history(bookId, accountId),
    queryFn: () => api.reconciliations.list(bookId, accountId),
    enabled,
  });
}

export function useFinishReconciliation(bookId: number, accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReconciliationJson) => api.reconciliations.finish(bookId, accountId, body),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

export function useUndoReconciliation(bookId: number, accountId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.reconciliations.undo(bookId, accountId, id),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}
