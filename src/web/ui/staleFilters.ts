import { ApiError } from '../api/http.ts';

/**
 * An id filter of a query that names an item the book no longer has (deleted, or merged into
 * another): the API refuses such a query with 422 UNKNOWN_ACCOUNT / UNKNOWN_PAYEE / UNKNOWN_TAG,
 * one field error at `query:<param>` per unknown id. A view kept in the address (a bookmark) can
 * outlive its payee, tag, category or account; the page then drops the filter rather than show
 * the refusal. Pure.
 */
export interface StaleFilter {
  /** The query parameter: `payeeId`, `categoryIds`, … */
  param: string;
  /** How many of its ids the book does not have. */
  count: number;
}

const UNKNOWN_ID = new Set(['UNKNOWN_ACCOUNT', 'UNKNOWN_PAYEE', 'UNKNOWN_TAG']);

/**
 * The filters among `params` that the API refused as naming no item of the book; [] when the
 * error is anything else, or also about something else (that stays an error for the page to show).
 */
export function staleFiltersOf(error: unknown, params: readonly string[]): StaleFilter[] {
  if (!(error instanceof ApiError) || error.status !== 422 || error.errors.length === 0) return [];
  const counts = new Map<string, number>();
  for (const problem of error.errors) {
    const param = problem.field.startsWith('query:') ? problem.field.slice('query:'.length) : '';
    if (!UNKNOWN_ID.has(problem.code) || !params.includes(param)) return [];
    counts.set(param, (counts.get(param) ?? 0) + 1);
  }
  return [...counts].map(([param, count]) => ({ param, count }));
}

/** What a filter names: `categoryIds` → category. */
export const filterNoun = (param: string) => param.replace(/Ids?$/, '');

const plural = (noun: string) => (noun.endsWith('y') ? `${noun.slice(0, -1)}ies` : `${noun}s`);
const article = (noun: string) => (/^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`);

/** "Removed from the filters: a payee and 2 tags that no longer exist (deleted or merged into others)." */
export function removedFiltersText(removed: readonly StaleFilter[]): string {
  const parts = removed.map(({ param, count }) => {
    const noun = filterNoun(param);
    return count === 1 ? article(noun) : `${count} ${plural(noun)}`;
  });
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  const one = removed.length === 1 && removed[0]!.count === 1;
  const gone = one ? 'exists (deleted or merged into another)' : 'exist (deleted or merged into others)';
  return `Removed from the filters: ${list} that no longer ${gone}.`;
}

/** The removals added up, one entry per filter. */
export function addRemoved(current: readonly StaleFilter[], more: readonly StaleFilter[]): StaleFilter[] {
  const counts = new Map(current.map(({ param, count }) => [param, count]));
  for (const { param, count } of more) counts.set(param, (counts.get(param) ?? 0) + count);
  return [...counts].map(([param, count]) => ({ param, count }));
}
