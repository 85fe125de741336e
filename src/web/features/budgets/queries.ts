import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type {
  BudgetAmountJson,
  EnvelopeMoveInputJson,
  EnvelopeSettingsInputJson,
  MoneyJson,
  NewBudgetJson,
} from '../../api/types.ts';

export const budgetKeys = {
  all: (bookId: number) => ['books', bookId, 'budgets'] as const,
  list: (bookId: number) => ['books', bookId, 'budgets', 'list'] as const,
  overview: (bookId: number) => ['books', bookId, 'budgets', 'overview'] as const,
  history: (bookId: number, id: number) => ['books', bookId, 'budgets', id, 'history'] as const,
  notifications: (bookId: number) => ['books', bookId, 'notifications'] as const,
};

export function useBudgets(bookId: number) {
  return useQuery({ queryKey: budgetKeys.list(bookId), queryFn: () => api.budgets.list(bookId) });
}

export function useBudgetOverview(bookId: number) {
  return useQuery({ queryKey: budgetKeys.overview(bookId), queryFn: () => api.budgets.overview(bookId) });
}

export function useBudgetHistory(bookId: number, id: number) {
  return useQuery({
    queryKey: budgetKeys.history(bookId, id),
    queryFn: () => api.budgets.history(bookId, id, { periods: 12 }),
  });
}

export function useNotifications(bookId: number) {
  return useQuery({
    queryKey: budgetKeys.notifications(bookId),
    queryFn: () => api.notifications.list(bookId),
  });
}

function useBudgetMutation<Input, Output>(bookId: number, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: budgetKeys.all(bookId) }),
        client.invalidateQueries({ queryKey: budgetKeys.notifications(bookId) }),
      ]),
  });
}

export function useCreateBudget(bookId: number) {
  return useBudgetMutation(bookId, (body: NewBudgetJson) => api.budgets.create(bookId, body));
}

export function useSetBudgetAmount(bookId: number) {
  return useBudgetMutation(bookId, ({ id, ...body }: BudgetAmountJson & { id: number }) =>
    api.budgets.setAmount(bookId, id, body),
  );
}

export function useDeleteBudget(bookId: number) {
  return useBudgetMutation(bookId, (id: number) => api.budgets.remove(bookId, id));
}

export function useDismissNotification(bookId: number) {
  return useBudgetMutation(bookId, (id: number) => api.notifications.dismiss(bookId, id));
}

export const envelopeKeys = {
  all: (bookId: number) => ['books', bookId, 'envelope'] as const,
  settings: (bookId: number) => ['books', bookId, 'envelope', 'settings'] as const,
  month: (bookId: number, month: string) => ['books', bookId, 'envelope', 'months', month] as const,
};

export function useEnvelopeSettings(bookId: number) {
  return useQuery({ queryKey: envelopeKeys.settings(bookId), queryFn: () => api.envelope.settings(bookId) });
}

export function useEnvelopeMonth(bookId: number, month: string, enabled: boolean) {
  return useQuery({
    queryKey: envelopeKeys.month(bookId, month),
    queryFn: () => api.envelope.month(bookId, month),
    enabled,
  });
}

function useEnvelopeMutation<Input, Output>(bookId: number, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: envelopeKeys.all(bookId) }),
  });
}

export function useSaveEnvelopeSettings(bookId: number) {
  return useEnvelopeMutation(bookId, (body: EnvelopeSettingsInputJson) =>
    api.envelope.saveSettings(bookId, body),
  );
}

export function useAssign(bookId: number, month: string) {
  return useEnvelopeMutation(bookId, ({ categoryId, amount }: { categoryId: number; amount: MoneyJson }) =>
    api.envelope.assign(bookId, month, categoryId, amount),
  );
}

export function useMoveMoney(bookId: number, month: string) {
  return useEnvelopeMutation(bookId, (body: EnvelopeMoveInputJson) => api.envelope.move(bookId, month, body));
}

export function useUndoMove(bookId: number) {
  return useEnvelopeMutation(bookId, (id: number) => api.envelope.undoMove(bookId, id));
}
