/**
 * The reports' filters, kept in the URL as the API takes them: `?accountIds=1,2&categoryIds=3…`.
 * A hand-edited value keeps only its valid ids (positive integers, each once, at most 200). Pure.
 */
export const filterKeys = ['accountIds', 'categoryIds', 'tagIds', 'payeeIds'] as const;
export type FilterKey = (typeof filterKeys)[number];

/** Which filters each report takes; the balance sheet takes none. */
export const flowFilters: readonly FilterKey[] = filterKeys;
export const netWorthFilters: readonly FilterKey[] = ['accountIds'];
export const trendFilters: readonly FilterKey[] = ['accountIds', 'tagIds', 'payeeIds'];

const maxIds = 200;

/** The ids of one filter in the address, in the order given, without repeats or junk. */
export function readIds(search: URLSearchParams, key: FilterKey): number[] {
  const ids: number[] = [];
  for (const part of (search.get(key) ?? '').split(',')) {
    const text = part.trim();
    if (!/^[1-9]\d{0,9}$/.test(text)) continue;
    const id = Number(text);
    if (!ids.includes(id)) ids.push(id);
    if (ids.length === maxIds) break;
  }
  return ids;
}

/** A copy of the address with one filter set to these ids, or dropped when there are none. */
export function writeIds(search: URLSearchParams, key: FilterKey, ids: readonly number[]): URLSearchParams {
  const params = new URLSearchParams(search);
  const clean = readIds(new URLSearchParams({ [key]: ids.join(',') }), key);
  if (clean.length > 0) params.set(key, clean.join(','));
  else params.delete(key);
  return params;
}

/** A copy of the address without any filter. */
export function clearFilters(search: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(search);
  for (const key of filterKeys) params.delete(key);
  return params;
}

/** The query parameters of the filters a report takes, only those in use. */
export function filterQuery(
  search: URLSearchParams,
  keys: readonly FilterKey[],
): Partial<Record<FilterKey, string>> {
  const query: Partial<Record<FilterKey, string>> = {};
  for (const key of keys) {
    const ids = readIds(search, key);
    if (ids.length > 0) query[key] = ids.join(',');
  }
  return query;
}

/** How many of a report's filters are in use. */
export const activeFilters = (search: URLSearchParams, keys: readonly FilterKey[]) =>
  keys.filter((key) => readIds(search, key).length > 0).length;
