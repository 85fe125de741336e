import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { ImportChoicesJson, ImportFileJson, ImportPreviewJson } from '../../api/types.ts';
import { invalidateLedger } from '../accounts/queries.ts';

export const importKeys = {
  batches: (bookId: number) => ['books', bookId, 'imports'] as const,
  profiles: (bookId: number) => ['books', bookId, 'import-profiles'] as const,
};

/** Past imports, newest first. */
export function useImportBatches(bookId: number) {
  return useQuery({ queryKey: importKeys.batches(bookId), queryFn: () => api.imports.list(bookId) });
}

/** Saved CSV layouts. */
export function useImportProfiles(bookId: number) {
  return useQuery({ queryKey: importKeys.profiles(bookId), queryFn: () => api.imports.profiles(bookId) });
}

/** A preview writes nothing: a mutation only because the file travels in a POST body. */
export function usePreviewImport(bookId: number) {
  return useMutation({ mutationFn: (body: ImportFileJson) => api.imports.preview(bookId, body) });
}

/** Rows per page of a preview, as the server's first page has them. */
const PREVIEW_PAGE = 100;

/**
 * The rows of a kept preview that `filter` keeps, a page at a time; all rows start with the page the
 * preview answered. A preview is read once: its rows do not change while it is kept.
 */
export function usePreviewRows(bookId: number, preview: ImportPreviewJson, filter: string) {
  return useInfiniteQuery({
    queryKey: ['books', bookId, 'import-previews', preview.previewId, filter] as const,
    queryFn: ({ pageParam }) =>
      api.imports.previewRows(bookId, preview.previewId, {
        filter,
        limit: PREVIEW_PAGE,
        ...(pageParam && { cursor: pageParam }),
      }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    ...(filter === 'all' && {
      initialData: {
        pages: [{ rows: preview.rows, nextCursor: preview.nextCursor }],
        pageParams: [''],
      },
    }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Importing or undoing moves money: every balance, register and list of the book is read again. */
export function useCommitImport(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ previewId, choices }: { previewId: string; choices: ImportChoicesJson }) =>
      api.imports.commitPreview(bookId, previewId, choices),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}

export function useUndoImport(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.imports.undo(bookId, id),
    onSuccess: () => invalidateLedger(client, bookId),
  });
}
