import { useEffect, useId, useRef } from 'react';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

/**
 * A question that must be answered before going on ("This transaction is reconciled… Change it
 * anyway?"): a modal dialog, so it stands above whatever asked it (a row of a virtualised list),
 * with the focus on the button that goes on; Esc or Cancel says no, and the focus goes back.
 */
export function ConfirmDialog({
  question,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  // Opened before the focus is given: an element of a closed dialog cannot take it.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  const confirm = useFocusOnOpen<HTMLButtonElement>();
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={id}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={id}>{question}</p>
      <div className="form-actions">
        <button type="button" ref={confirm} className="button primary small" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
