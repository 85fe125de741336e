import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import { useBookMutation } from '../categories/queries.ts';

export const tagKeys = {
  list: (bookId: number) => ['books', bookId, 'tags'] as const,
};

export function useTagList(bookId: number) {
  return useQuery({ queryKey: tagKeys.list(bookId), queryFn: () => api.tags.list(bookId) });
}

/** Tags show on transactions: a change refetches the book's lists that are on screen. */
export function useCreateTag(bookId: number) {
  return useBookMutation(bookId, (body: { name: string; color?: string }) => api.tags.create(bookId, body));
}

export function useUpdateTag(bookId: number) {
  return useBookMutation(bookId, ({ id, ...body }: { id: number; name?: string; color?: string | null }) =>
    api.tags.update(bookId, id, body),
  );
}

export function useDeleteTag(bookId: number) {
  return useBookMutation(bookId, (id: number) => api.tags.remove(bookId, id));
}
