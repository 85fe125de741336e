import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import {
  addRemoved,
  filterNoun,
  removedFiltersText,
  type StaleFilter,
  staleFiltersOf,
} from './staleFilters.ts';

/** The cached lists that may still hold an item a stale filter names. */
const LISTS: Record<string, readonly string[]> = {
  account: ['accounts', 'categories'],
  category: ['accounts', 'categories'],
  payee: ['payees'],
  tag: ['tags'],
};

/**
 * Recovers a view kept in the address whose query the API refused for stale id filters (see
 * staleFilters.ts): `drop` takes them out of the address, so the view asks again without them, and
 * answers what it removed, for the notice; it may first ask the server (then it leaves the address
 * alone once `signal` is aborted: the page has gone). The cached lists of such items are
 * refreshed, since one of them is gone. Each refusal is handled once and each drop takes ids out
 * of the address, so refusals cannot follow one another in a loop. While `recovering`, the page
 * shows neither the refusal nor stale figures, only that it is loading.
 */
export function useStaleFilters(
  bookId: number,
  error: unknown,
  params: readonly string[],
  drop: (stale: StaleFilter[], signal: AbortSignal) => Promise<StaleFilter[]> | StaleFilter[],
) {
  const client = useQueryClient();
  const stale = staleFiltersOf(error, params);
  const recovering = stale.length > 0;
  const [removed, setRemoved] = useState<StaleFilter[]>([]);
  const handled = useRef<unknown>(null);
  // The latest drop, so the effect below runs once per refusal rather than on every render.
  const latest = useRef({ stale, drop });
  latest.current = { stale, drop };
  // Aborted when the page goes.
  const life = useRef<AbortController>(null);
  useEffect(() => {
    const controller = new AbortController();
    life.current = controller;
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (!recovering || handled.current === error || !life.current) return;
    handled.current = error;
    const { signal } = life.current;
    const { stale, drop } = latest.current;
    const lists = new Set(stale.flatMap(({ param }) => LISTS[filterNoun(param)] ?? []));
    for (const list of lists) void client.invalidateQueries({ queryKey: ['books', bookId, list] });
    void Promise.resolve(drop(stale, signal)).then((dropped) => {
      if (!signal.aborted) setRemoved((shown) => addRemoved(shown, dropped));
    });
  }, [client, bookId, error, recovering]);

  return { recovering, removed, dismiss: () => setRemoved([]) };
}

/**
 * Says which filters were removed because what they named is gone, until dismissed. The live
 * region is there from the start, so a screen reader hears the sentence when it appears.
 */
export function StaleFilterNotice({
  removed,
  onDismiss,
}: {
  removed: readonly StaleFilter[];
  onDismiss: () => void;
}) {
  const shown = removed.length > 0;
  return (
    <div className={shown ? 'stale-filters notice notice-info' : 'stale-filters'}>
      <p className="notice-text" role="status">
        {shown ? removedFiltersText(removed) : ''}
      </p>
      {shown && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            onDismiss();
            // The button goes with the notice: the focus moves to the page rather than to nothing.
            document.getElementById('main')?.focus();
          }}
        >
          Dismiss
        </button>
      )}
    </div>
  );
}
