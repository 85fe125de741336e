import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type {
  BulkTransactionChangeJson,
  RestoredTransactionJson,
  TransactionQueryJson,
} from '../../api/types.ts';
import { invalidateLedger } from '../accounts/queries.ts';

const PAGE = 50;

export const transactionKeys = {
  all: (bookId: number) => ['books', bookId, 'transactions'] as const,
  list: (bookId: number, query: TransactionQueryJson) =>
    ['books', bookId, 'transactions', 'list', query] as const,
  summary: (bookId: number, query: TransactionQueryJson) =>
    ['books', bookId, 'transactions', 'summary', query] as const,
};

/** The book's transactions matching `query`, newest first, a page at a time. */
export function useTransactionList(bookId: number, query: TransactionQueryJson) {
  return useInfiniteQuery({
    queryKey: transactionKeys.list(bookId, query),
    queryFn: ({ pageParam }) =>
      api.transactions.list(bookId, { ...query, limit: PAGE, ...(pageParam && { cursor: pageParam }) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While a changed filter loads, the previous results of this book stay (marked busy) instead
    // of a blank page.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === bookId ? keepPreviousData(previous) : undefined,
  });
}

/** Every category, archived ones too: old transactions still need their names. */
export function useAllCategories(bookId: number) {
  return useQuery({
    queryKey: ['books', bookId, 'categories', { includeArchived: true }],
    queryFn: () => api.categories.listAll(bookId),
  });
}

export function useTags(bookId: number) {
  return useQuery({ queryKey: ['books', bookId, 'tags'], queryFn: () => api.tags.list(bookId) });
}

/** The count and total of every transaction matching `query`, all pages. */
export function useTransactionSummary(bookId: number, query: TransactionQueryJson) {
  return useQuery({
    queryKey: transactionKeys.summary(bookId, query),
    queryFn: () => api.transactions.summary(bookId, query),
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === bookId ? keepPreviousData(previous) : undefined,
  });
}

/** A bulk change or deletion of the selected transactions; `previous` is its undo. */
export function useBulkChange(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, set }: { ids: number[]; set: BulkTransactionChangeJson | 'delete' }) =>
      set === 'delete'
        ? api.transactions.bulkDelete(bookId, ids)
        : api.transactions.bulkUpdate(bookId, ids, set),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

/** Writes transactions back as a bulk change found them: its undo. */
export function useBulkRestore(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (previous: RestoredTransactionJson[]) => api.transactions.bulkRestore(bookId, previous),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}
