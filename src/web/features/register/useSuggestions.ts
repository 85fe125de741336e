/**
 * The editor's learned-category query. Apart from queries.ts, which the dashboard pulls into the
 * first bundle: this belongs to the lazily loaded register only.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { SUGGESTION_DELAY_MS, type SuggestionRequest } from './suggestions.ts';

/** Under the book, so a saved transaction (which the model learns from) makes them stale. */
export const suggestionKey = (bookId: number, request: SuggestionRequest) =>
  [
    'books',
    bookId,
    'suggestions',
    request.payee ?? '',
    request.description ?? '',
    request.amount ?? '',
  ] as const;

/**
 * Learned categories for the editor's draft, asked once typing pauses; nothing is asked while
 * `request` is null (or `bookId` is, for editors that offer none). The last answer stays up while
 * the next one loads, so the buttons do not flicker on every key.
 */
export function useSuggestions(bookId: number | null, request: SuggestionRequest | null) {
  const settled = useSettled(request === null ? null : JSON.stringify(request), SUGGESTION_DELAY_MS);
  const asked: SuggestionRequest | null = settled === null ? null : JSON.parse(settled);
  return useQuery({
    queryKey: asked === null || bookId === null ? ['suggestions', 'none'] : suggestionKey(bookId, asked),
    queryFn: () => api.rules.suggestions(bookId!, asked!),
    enabled: bookId !== null && asked !== null,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** `value` once it has stayed the same for `delay` ms; null at once (nothing to wait for). */
function useSettled(value: string | null, delay: number): string | null {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value === null) {
      setSettled(null);
      return;
    }
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
