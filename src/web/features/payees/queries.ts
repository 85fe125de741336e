import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { useBookMutation } from '../categories/queries.ts';

/** Without a filter, the same key the register reads for its payee autocomplete. */
export const payeeKeys = {
  list: (bookId: number, q = '') =>
    q === '' ? (['books', bookId, 'payees'] as const) : (['books', bookId, 'payees', { q }] as const),
};

/** The book's payees by name; `q` keeps those whose name contains it. The last list stays while typing. */
export function usePayeeList(bookId: number, q = '') {
  return useQuery({
    queryKey: payeeKeys.list(bookId, q),
    queryFn: () => api.payees.list(bookId, q === '' ? undefined : q),
    placeholderData: keepPreviousData,
  });
}

export function useUpdatePayee(bookId: number) {
  return useBookMutation(
    bookId,
    ({ id, ...body }: { id: number; name?: string; defaultCategoryId?: number | null }) =>
      api.payees.update(bookId, id, body),
  );
}

export function useMergePayee(bookId: number) {
  return useBookMutation(bookId, ({ id, into }: { id: number; into: number }) =>
    api.payees.merge(bookId, id, into),
  );
}

export function useDeletePayee(bookId: number) {
  return useBookMutation(bookId, (id: number) => api.payees.remove(bookId, id));
}
