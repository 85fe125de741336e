import { useEffect, useRef, useState } from 'react';

/**
 * A value typed locally and handed on (to the URL) only after `delay` ms without typing. Follows
 * the outside value when that changes by other means (back button, a link). Unmounting drops what
 * is still pending, so remounting (a new `key`) cancels it.
 */
export function useDebouncedValue(
  outside: string,
  commit: (value: string) => void,
  delay = 300,
): [value: string, change: (value: string) => void, flush: () => void] {
  const [value, setValue] = useState(outside);
  const [seen, setSeen] = useState(outside);
  if (outside !== seen) {
    setSeen(outside);
    setValue(outside);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  function fire() {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (next !== null) latestCommit.current(next);
  }

  function change(next: string) {
    setValue(next);
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(fire, delay);
  }

  return [value, change, fire];
}
