import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { ImportCommitJson, ImportFileJson } from '../../api/types.ts';
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

/** Importing or undoing moves money: every balance, register and list of the book is read again. */
export function useCommitImport(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCommitJson) => api.imports.commit(bookId, body),
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
