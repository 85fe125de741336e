import { useSearchParams } from 'react-router';
import { api } from '../../api/endpoints.ts';
import { useStaleFilters } from '../../ui/StaleFilterNotice.tsx';
import type { StaleFilter } from '../../ui/staleFilters.ts';
import { useBookId } from '../books/queries.ts';
import { type FilterKey, readIds, writeIds } from './filters.ts';

type Named = readonly { id: number }[];

/**
 * Every id a filter may name, asked afresh (a cached list may still hold what was just deleted):
 * accounts and categories, archived ones too, are all accounts to the API.
 */
const accounts = (bookId: number) => [
  api.accounts.list(bookId, { includeArchived: true }),
  api.categories.listAll(bookId),
];
const lists: Record<FilterKey, (bookId: number) => Promise<Named>[]> = {
  accountIds: accounts,
  categoryIds: accounts,
  tagIds: (bookId) => [api.tags.list(bookId)],
  payeeIds: (bookId) => [api.payees.list(bookId)],
};

/** The ids of the book among `ids`, or null when a list could not be had. */
async function known(bookId: number, key: FilterKey): Promise<Set<number> | null> {
  const answers = await Promise.allSettled(lists[key](bookId));
  const ids = new Set<number>();
  for (const answer of answers) {
    if (answer.status === 'rejected') return null;
    for (const item of answer.value) ids.add(item.id);
  }
  return ids;
}

/**
 * A report whose filters name a deleted or merged item: the API names the filter (`categoryIds`)
 * and how many of its ids are gone, not which. The book's lists tell which, so only those leave the
 * address and the rest of the selection stays; should a list fail, the whole filter goes.
 */
export function useStaleReportFilters(error: unknown, keys: readonly FilterKey[]) {
  const bookId = useBookId();
  const [search, setSearch] = useSearchParams();
  return useStaleFilters(bookId, error, keys, async (stale, signal) => {
    const gone = new Map<FilterKey, number[]>();
    const removed: StaleFilter[] = [];
    for (const { param, count } of stale) {
      const key = param as FilterKey;
      const ids = readIds(search, key);
      const have = await known(bookId, key);
      const missing = have ? ids.filter((id) => !have.has(id)) : [];
      gone.set(key, missing.length > 0 ? missing : ids);
      removed.push({ param, count: missing.length > 0 ? missing.length : count });
    }
    if (signal.aborted) return [];
    setSearch(
      (current) => {
        let params = current;
        for (const [key, ids] of gone) {
          params = writeIds(
            params,
            key,
            readIds(params, key).filter((id) => !ids.includes(id)),
          );
        }
        return params;
      },
      { replace: true },
    );
    return removed;
  });
}
