import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { NewAccountJson } from '../../api/types.ts';

export const accountKeys = {
  all: (bookId: number) => ['books', bookId, 'accounts'] as const,
  list: (bookId: number, includeArchived: boolean) =>
    ['books', bookId, 'accounts', { includeArchived }] as const,
  register: (bookId: number, accountId: number) =>
    ['books', bookId, 'accounts', accountId, 'register'] as const,
};

export function useAccounts(bookId: number, includeArchived = false) {
  return useQuery({
    queryKey: accountKeys.list(bookId, includeArchived),
    queryFn: () => api.accounts.list(bookId, { includeArchived }),
  });
}

/** Everything that shows balances changes when money moves: accounts, registers, transactions. */
export function invalidateLedger(client: ReturnType<typeof useQueryClient>, bookId: number) {
  return client.invalidateQueries({ queryKey: ['books', bookId] });
}

export function useCreateAccount(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAccountJson) => api.accounts.create(bookId, body),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

export function useArchiveAccount(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) =>
      api.accounts.archive(bookId, id, archived),
    // Reports and the dashboard name archived accounts as such.
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

export function useRenameAccount(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: number; name: string }) => api.accounts.update(bookId, id, { name }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.all(bookId) }),
  });
}
