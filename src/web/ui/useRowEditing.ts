import { type KeyboardEvent, type RefObject, useEffect, useState } from 'react';

/** The first field of the in-place editor, where the focus goes when a row opens. */
const EDITOR_FIELD = '.transaction-editor input';
const rowOf = (key: number) => `[data-open="${key}"]`;
const FOCUS_WAIT_MS = 3000;

/**
 * Rows of a list that open in place into an editor, as the Transactions page and the register
 * have them. Each row carries `data-open={key}` inside `list`. Focus follows the work: into the
 * editor when a row opens, back to its row when the editor closes (saved or cancelled), to a
 * neighbour when a row is deleted, so it never falls to the page body. On a row: the arrow keys
 * move between rows, Enter opens (for rows that are not buttons), Delete deletes.
 */
export function useRowEditing(list: RefObject<HTMLElement | null>) {
  const [editing, setEditing] = useState<number | null>(null);
  const [focusTarget, setFocus] = useState<{ selector: string; until: number } | null>(null);
  const setFocusTarget = (selector: string | null) =>
    setFocus(selector === null ? null : { selector, until: Date.now() + FOCUS_WAIT_MS });

  // Tried after every render until the element is there (a saved row may come back only with the
  // refetched list), but not for long: a row that left the list (a filter no longer matches it)
  // must not take the focus when it comes back much later.
  useEffect(() => {
    if (focusTarget === null) return;
    const element = list.current?.querySelector<HTMLElement>(focusTarget.selector);
    if (element) element.focus();
    if (element || Date.now() > focusTarget.until) setFocus(null);
  });

  return {
    editing,
    open(key: number) {
      setEditing(key);
      setFocusTarget(EDITOR_FIELD);
    },
    close(key: number) {
      setEditing(null);
      setFocusTarget(rowOf(key));
    },
    /** After a deletion: the focus goes to the row that takes its place (none: nowhere). */
    deleted(neighbour: number | undefined) {
      setFocusTarget(neighbour === undefined ? null : rowOf(neighbour));
    },
    onRowKey(
      event: KeyboardEvent,
      row: { index: number; onOpen?: () => void; onDelete: () => void; move?: (index: number) => void },
    ) {
      if (event.target !== event.currentTarget) return;
      const move =
        row.move ?? ((to: number) => list.current?.querySelectorAll<HTMLElement>('[data-open]')[to]?.focus());
      if (event.key === 'ArrowDown') move(row.index + 1);
      else if (event.key === 'ArrowUp') move(row.index - 1);
      else if (event.key === 'Enter' && row.onOpen) row.onOpen();
      else if (event.key === 'Delete') row.onDelete();
      else return;
      event.preventDefault();
    },
  };
}
