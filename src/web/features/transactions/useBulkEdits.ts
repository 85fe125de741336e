import { useState } from 'react';
import type { BulkTransactionChangeJson, RestoredTransactionJson, TransactionJson } from '../../api/types.ts';
import { useLocale } from '../../app/preferences.ts';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { formatDay } from '../../ui/formatDay.ts';
import { doneMessage, refusals } from './bulk.ts';
import { useBulkChange, useBulkRestore } from './queries.ts';
import { extend, keepShown, NO_SELECTION, selectedInOrder, toggle, toggleAll } from './selection.ts';

/**
 * The selection of the Transactions page and what is done to it: one request per change, its
 * refusal in words, and the toast that undoes it. The selection lasts while rows load page after
 * page, and is dropped when the filter (`filterKey`) changes: a new search is a new list.
 */
export function useBulkEdits(bookId: number, rows: readonly TransactionJson[], filterKey: string) {
  const locale = useLocale();
  const announce = useAnnounce();
  const change = useBulkChange(bookId);
  const restore = useBulkRestore(bookId);
  const [stored, setSelection] = useState(NO_SELECTION);
  const [seenFilter, setSeenFilter] = useState(filterKey);
  const [done, setDone] = useState<{
    message: string;
    previous: RestoredTransactionJson[];
    serial: number;
  } | null>(null);
  if (seenFilter !== filterKey) {
    setSeenFilter(filterKey);
    setSelection(NO_SELECTION);
    change.reset();
  }
  const order = rows.map((row) => row.id);
  // Rows a change took out of the filtered list are no longer selected.
  const selection = keepShown(stored, order);
  const byId = new Map(rows.map((row) => [row.id, row]));

  function run(
    set: BulkTransactionChangeJson | 'delete',
    names: { category?: string; payee?: string; tag?: string } = {},
  ) {
    const ids = selectedInOrder(selection, order);
    restore.reset();
    change.mutate(
      { ids, set },
      {
        onSuccess: ({ previous }) => {
          const date = set !== 'delete' && set.date ? formatDay(set.date, locale) : undefined;
          setDone((last) => ({
            message: doneMessage(ids.length, set, { ...names, date }),
            previous,
            serial: (last?.serial ?? 0) + 1,
          }));
          if (set === 'delete') setSelection(NO_SELECTION);
        },
      },
    );
  }

  return {
    selection,
    isSelected: (id: number) => selection.ids.has(id),
    /** A click (a range with Shift) on a row's box, or Space on the row. */
    select: (id: number, range: boolean) =>
      setSelection(range ? extend(selection, id, order) : toggle(selection, id)),
    selectAll: () => setSelection(toggleAll(selection, order)),
    clear: () => {
      setSelection(NO_SELECTION);
      change.reset();
    },
    apply: run,
    remove: () => run('delete'),
    busy: change.isPending,
    error: change.error,
    refused: refusals(change.error, change.variables?.ids ?? [], byId, locale),
    /** Changes with each toast, so a new one starts its ten seconds afresh. */
    undoKey: done?.serial ?? 0,
    undo: done && {
      message: done.message,
      undoing: restore.isPending,
      error: restore.error,
      onUndo: () =>
        restore.mutate(done.previous, {
          onSuccess: () => {
            setDone(null);
            announce('Undone: the transactions are as they were.');
          },
        }),
      onDone: () => setDone(null),
    },
  };
}
