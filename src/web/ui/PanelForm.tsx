import type { ReactNode, Ref } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';
import { escapeCancels } from './escapeCancels.ts';

/**
 * The form of a panel under a row (move, merge, recolour, delete…): its fields, then what went wrong
 * (`error`), then the submit button, any `more` buttons (the buttons then wrap on a narrow screen) and
 * Cancel. Esc cancels too. A `danger` submit deletes, and may take the focus through `submitRef`.
 */
export function PanelForm({
  submitLabel,
  disabled,
  onSubmit,
  onCancel,
  error,
  danger = false,
  submitRef,
  more,
  children,
}: {
  submitLabel: string;
  disabled: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  error: unknown;
  danger?: boolean;
  submitRef?: Ref<HTMLButtonElement>;
  more?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      className="panel-form"
      onKeyDown={escapeCancels(onCancel)}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <ErrorNotice error={error} />
      <div className={more === undefined ? 'form-actions' : 'form-actions wrap'}>
        <button
          type="submit"
          ref={submitRef}
          className={danger ? 'button small danger-solid' : 'button primary small'}
          disabled={disabled}
        >
          {submitLabel}
        </button>
        {more}
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
