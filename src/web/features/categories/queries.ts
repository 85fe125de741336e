import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { CategoryPatchJson, NewCategoryJson } from '../../api/types.ts';
import { invalidateLedger } from '../accounts/queries.ts';

export type CategoryKind = 'income' | 'expense';

/** The same keys the register reads, so both share one cache entry. */
export const categoryKeys = {
  list: (bookId: number) => ['books', bookId, 'categories'] as const,
  groups: (bookId: number) => ['books', bookId, 'category-groups'] as const,
};

/** Every category of the book (hidden ones included), with its balance. */
export function useCategoryList(bookId: number) {
  return useQuery({ queryKey: categoryKeys.list(bookId), queryFn: () => api.categories.list(bookId) });
}

export function useCategoryGroups(bookId: number) {
  return useQuery({ queryKey: categoryKeys.groups(bookId), queryFn: () => api.groups.list(bookId) });
}

/**
 * A change to the book's names (categories, groups, payees, tags) shows up in registers, transaction
 * lists, payees' defaults and reports: after it, the whole book is refetched where it is on screen.
 */
export function useBookMutation<Input, Output>(bookId: number, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => invalidateLedger(client, bookId) });
}

export function useCreateGroup(bookId: number) {
  return useBookMutation(bookId, (body: { name: string; kind: CategoryKind }) =>
    api.groups.create(bookId, body),
  );
}

export function useUpdateGroup(bookId: number) {
  return useBookMutation(bookId, ({ id, ...body }: { id: number; name?: string; hidden?: boolean }) =>
    api.groups.update(bookId, id, body),
  );
}

export function useDeleteGroup(bookId: number) {
  return useBookMutation(bookId, (id: number) => api.groups.remove(bookId, id));
}

export function useCreateCategory(bookId: number) {
  return useBookMutation(bookId, (body: NewCategoryJson) => api.categories.create(bookId, body));
}

export function useUpdateCategory(bookId: number) {
  return useBookMutation(bookId, ({ id, ...body }: { id: number } & CategoryPatchJson) =>
    api.categories.update(bookId, id, body),
  );
}

export function useMergeCategory(bookId: number) {
  return useBookMutation(bookId, ({ id, into }: { id: number; into: number }) =>
    api.categories.merge(bookId, id, into),
  );
}

export function useDeleteCategory(bookId: number) {
  return useBookMutation(bookId, (id: number) => api.categories.remove(bookId, id));
}
