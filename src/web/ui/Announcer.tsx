import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

/**
 * Says what just happened to screen readers, and moves the focus somewhere sensible when the item
 * that had it is gone (deleted, merged, hidden): to `focus`, or else to the page's main region.
 */
type Announce = (message: string, focus?: HTMLElement | null | false) => void;
const AnnounceContext = createContext<Announce>(() => {});

export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback<Announce>((text, focus) => {
    setMessage(text);
    if (focus === false) return;
    (focus ?? document.getElementById('main'))?.focus();
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </AnnounceContext.Provider>
  );
}

export const useAnnounce = () => useContext(AnnounceContext);
