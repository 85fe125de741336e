import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/endpoints.ts';
import type { ApplyRequestJson, NewRuleJson, RuleJson, RulePatchJson } from '../../api/types.ts';
import { invalidateLedger } from '../accounts/queries.ts';

export const ruleKeys = { list: (bookId: number) => ['books', bookId, 'rules'] as const };

/** The book's rules in the order they run. */
export function useRules(bookId: number) {
  return useQuery({ queryKey: ruleKeys.list(bookId), queryFn: () => api.rules.list(bookId) });
}

function useRuleMutation<Input, Output>(bookId: number, run: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.list(bookId) }),
  });
}

export function useCreateRule(bookId: number) {
  return useRuleMutation(bookId, (body: NewRuleJson) => api.rules.create(bookId, body));
}

export function useUpdateRule(bookId: number) {
  return useRuleMutation(bookId, ({ id, ...body }: RulePatchJson & { id: number }) =>
    api.rules.update(bookId, id, body),
  );
}

/** Switching a rule on or off shows at once; a refusal puts it back. */
export function useToggleRule(bookId: number) {
  const client = useQueryClient();
  const key = ruleKeys.list(bookId);
  return useMutation({
    mutationFn: ({ id, enabled }: { id: number; enabled: boolean }) =>
      api.rules.update(bookId, id, { enabled }),
    onMutate: async ({ id, enabled }) => {
      // A refetch still on its way would put the old state back over this one.
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<RuleJson[]>(key);
      if (before)
        client.setQueryData(
          key,
          before.map((rule) => (rule.id === id ? { ...rule, enabled } : rule)),
        );
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDeleteRule(bookId: number) {
  return useRuleMutation(bookId, (id: number) => api.rules.remove(bookId, id));
}

/** The new order shows at once (the server answers with the same list). */
export function useReorderRules(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => api.rules.reorder(bookId, ids),
    onMutate: async (ids) => {
      await client.cancelQueries({ queryKey: ruleKeys.list(bookId) });
      const before = client.getQueryData<RuleJson[]>(ruleKeys.list(bookId));
      if (before) {
        const byId = new Map(before.map((rule) => [rule.id, rule]));
        client.setQueryData(
          ruleKeys.list(bookId),
          ids.flatMap((id) => byId.get(id) ?? []),
        );
      }
      return { before };
    },
    onError: (_error, _ids, context) => {
      if (context?.before) client.setQueryData(ruleKeys.list(bookId), context.before);
    },
    onSuccess: (rules) => client.setQueryData(ruleKeys.list(bookId), rules),
  });
}

/** A dry run writes nothing; a real one changes transactions, so the book is read again. */
export function useApplyRules(bookId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyRequestJson) => api.rules.apply(bookId, body),
    onSuccess: (_result, body) => (body.dryRun ? undefined : invalidateLedger(client, bookId)),
  });
}

/** Moves the rule at `index` one place up (−1) or down (+1): the ids in their new order. */
export function movedIds(rules: readonly Pick<RuleJson, 'id'>[], index: number, by: -1 | 1): number[] {
  const ids = rules.map((rule) => rule.id);
  const target = index + by;
  if (target < 0 || target >= ids.length) return ids;
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  return ids;
}
