import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';

export function useCategoryTotals(bookId: number, from: string, to: string, interval: 'none' | 'month') {
  return useQuery({
    queryKey: ['books', bookId, 'reports', 'category-totals', { from, to, interval }],
    queryFn: () => api.reports.categoryTotals(bookId, { from, to, interval }),
  });
}

export function useLatestTransactions(bookId: number) {
  return useQuery({
    queryKey: ['books', bookId, 'transactions', 'latest'],
    queryFn: () => api.transactions.list(bookId, { limit: 8 }),
  });
}
