import type { ReactNode } from 'react';
import { escapeCancels } from '../../ui/escapeCancels.ts';

/** The card that opens at the top of the page to create a group or a category: Esc or Cancel closes it. */
export function NewItemForm({
  label,
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form
      className="card form-grid"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDown={escapeCancels(onCancel)}
      noValidate
      aria-label={label}
    >
      {children}
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={pending}>
          {submitLabel}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
