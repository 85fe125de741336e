import { useEffect, useRef } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';

/**
 * What just changed, with its Undo, for ten seconds (while the undo is not running or failed). It
 * takes the focus: what had it (a bulk bar, deleted rows) may be gone; when it goes, the focus is
 * not left on nothing.
 */
export function UndoToast({
  message,
  undoing,
  error,
  onUndo,
  onDone,
}: {
  message: string;
  undoing: boolean;
  error: unknown;
  onUndo: () => void;
  onDone: () => void;
}) {
  const toast = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const done = useRef(onDone);
  done.current = onDone;
  const waiting = undoing || Boolean(error);
  useEffect(() => {
    if (waiting) return;
    const timer = setTimeout(() => {
      if (toast.current?.contains(document.activeElement)) document.getElementById('main')?.focus();
      done.current();
    }, 10_000);
    return () => clearTimeout(timer);
  }, [waiting]);
  return (
    <div className="toast" role="status" ref={toast}>
      {message}{' '}
      <button ref={button} type="button" className="button small" disabled={undoing} onClick={onUndo}>
        Undo
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}
