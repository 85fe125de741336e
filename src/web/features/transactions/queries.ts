import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { TransactionQueryJson } from '../../api/types.ts';

const PAGE = 50;

export const transactionKeys = {
  all: (bookId: number) => ['books', bookId, 'transactions'] as const,
  list: (bookId: number, query: TransactionQueryJson) =>
    ['books', bookId, 'transactions', 'list', query] as const,
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
