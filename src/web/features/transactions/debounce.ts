import { useEffect, useRef, useState } from 'react';

/**
 * A value typed locally and handed on (to the URL) only after `delay` ms without typing, or at
 * once by `take` (the Search button), which cancels what is pending and returns exactly what the
 * box shows, for the caller to hand on with the other fields in one change (several changes in
 * one tick would each start from the same old URL, and the last would undo the others). Follows the
 * outside value when that changes by other means (back button, a link), dropping what is still
 * pending so older keystrokes cannot land later; the echo of its own hand-on (which the router may
 * apply late) never overwrites newer typing. Unmounting drops what is pending, so remounting (a
 * new `key`) cancels it.
 */
export function useDebouncedValue(
  outside: string,
  commit: (value: string) => void,
  delay = 300,
): [value: string, change: (value: string) => void, take: () => string] {
  const [value, setValue] = useState(outside);
  const [seen, setSeen] = useState(outside);
  const [sent, setSent] = useState<string | null>(null);
  if (outside !== seen) {
    setSeen(outside);
    if (outside !== sent) setValue(outside);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const latest = useRef({ commit, value });
  useEffect(() => {
    latest.current = { commit, value };
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  // The outside moved to a value not handed on from here: what is pending is older than it.
  useEffect(() => {
    if (outside === sent) return;
    clearTimeout(timer.current);
    pending.current = null;
  }, [outside, sent]);

  function cancel(next: string) {
    clearTimeout(timer.current);
    pending.current = null;
    setSent(next);
    return next;
  }

  function change(next: string) {
    setValue(next);
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current.commit(cancel(next)), delay);
  }

  return [value, change, () => cancel(pending.current ?? latest.current.value)];
}
