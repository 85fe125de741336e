import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { NewTransactionJson, TransactionPatchJson } from '../../api/types.ts';
import { accountKeys, invalidateLedger } from '../accounts/queries.ts';

const PAGE = 500;

/** The account's register, newest first, fetched page by page as it scrolls. */
export function useRegister(bookId: number, accountId: number) {
  return useInfiniteQuery({
    queryKey: accountKeys.register(bookId, accountId),
    queryFn: ({ pageParam }) =>
      api.accounts.register(bookId, accountId, { limit: PAGE, ...(pageParam && { cursor: pageParam }) }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCategories(bookId: number) {
  return useQuery({ queryKey: ['books', bookId, 'categories'], queryFn: () => api.categories.list(bookId) });
}

export function usePayees(bookId: number) {
  return useQuery({ queryKey: ['books', bookId, 'payees'], queryFn: () => api.payees.list(bookId) });
}

export function useTransaction(bookId: number, id: number | null) {
  return useQuery({
    queryKey: ['books', bookId, 'transactions', 'one', id],
    queryFn: () => api.transactions.get(bookId, id!),
    enabled: id !== null,
  });
}

export function useSaveTransaction(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: NewTransactionJson | TransactionPatchJson }) =>
      id === null
        ? api.transactions.create(bookId, body as NewTransactionJson)
        : api.transactions.update(bookId, id, body),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

export function useDeleteTransaction(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.transactions.remove(bookId, id),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}
