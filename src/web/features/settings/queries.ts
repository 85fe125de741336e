import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { bookKeys } from '../books/queries.ts';

export function useChangePassword() {
  return useMutation({ mutationFn: api.auth.changePassword });
}

/** Renames a book or changes its base currency (owners only); every figure of it may change. */
export function useUpdateBook(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; baseCurrency?: string }) => api.books.update(bookId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: bookKeys.all }),
  });
}
