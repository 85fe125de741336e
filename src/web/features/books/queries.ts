import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api } from '../../api/endpoints.ts';

export const bookKeys = {
  all: ['books'] as const,
  members: (bookId: number) => ['books', bookId, 'members'] as const,
};

export function useBooks() {
  return useQuery({ queryKey: bookKeys.all, queryFn: api.books.list });
}

/** The book of the current URL (`/books/:bookId/…`). */
export function useBookId(): number {
  const { bookId } = useParams();
  return Number(bookId);
}

export function useCurrentBook() {
  const bookId = useBookId();
  const books = useBooks();
  return { ...books, book: books.data?.find((book) => book.id === bookId) };
}

export function useCreateBook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: api.books.create,
    onSuccess: () => client.invalidateQueries({ queryKey: bookKeys.all }),
  });
}

export function useMembers(bookId: number) {
  return useQuery({ queryKey: bookKeys.members(bookId), queryFn: () => api.books.members(bookId) });
}

const LAST_BOOK = 'moneta.lastBook';
export const rememberBook = (bookId: number) => localStorage.setItem(LAST_BOOK, String(bookId));
export const lastBook = () => Number(localStorage.getItem(LAST_BOOK) ?? 0);
