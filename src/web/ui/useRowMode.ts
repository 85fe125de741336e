import { useState } from 'react';

/**
 * Which panel of a list's row is open (`'view'`: none). Opening, switching or closing a panel first
 * clears what is left of the last attempt (`reset`, a mutation's error).
 */
export function useRowMode<Mode extends string>(reset: () => void) {
  const [mode, setMode] = useState<Mode | 'view'>('view');
  const close = () => {
    reset();
    setMode('view');
  };
  const toggle = (next: Mode) => {
    reset();
    setMode(mode === next ? 'view' : next);
  };
  return { mode, close, toggle };
}
