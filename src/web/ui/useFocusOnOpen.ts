import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * A ref to put on the first control of a form that has just opened: it gets the focus, and when
 * the form closes the focus goes back to what had it before (the button that opened the form), unless
 * the person has moved on meanwhile.
 */
export function useFocusOnOpen<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  const [opener] = useState(() =>
    typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null),
  );
  useEffect(() => {
    ref.current?.focus();
    if (ref.current instanceof HTMLInputElement && ref.current.type === 'text') ref.current.select();
    return () => {
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body)) opener.focus();
    };
  }, [opener]);
  return ref;
}
