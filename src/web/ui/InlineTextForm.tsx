import { useId, useState } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';
import { escapeCancels } from './escapeCancels.ts';
import { fieldError, formError } from './formErrors.ts';
import { useFocusOnOpen } from './useFocusOnOpen.ts';

/**
 * One text input edited in place, in the row of a list (categories, groups, payees, tags): Enter saves,
 * Esc cancels and the focus goes back to the button that opened it. The label is read by screen readers
 * only (the row shows what is being renamed); an error of the API about `field` shows beside it.
 */
export function InlineTextForm({
  label,
  initial,
  error,
  pending,
  onSave,
  onCancel,
  field = '/name',
  maxLength = 200,
}: {
  label: string;
  initial: string;
  error: unknown;
  pending: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
  field?: string;
  maxLength?: number;
}) {
  const id = useId();
  const [value, setValue] = useState(initial);
  const input = useFocusOnOpen<HTMLInputElement>();
  const message = fieldError(error, field);
  return (
    <form
      className="inline-edit"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim() === initial) onCancel();
        else onSave(value);
      }}
      onKeyDown={escapeCancels(onCancel)}
    >
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={input}
        value={value}
        maxLength={maxLength}
        required
        aria-invalid={Boolean(message)}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button className="button small primary" type="submit" disabled={pending}>
        Save
      </button>
      <button className="button small" type="button" onClick={onCancel}>
        Cancel
      </button>
      {message && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      )}
      <ErrorNotice error={formError(error, [field])} />
    </form>
  );
}
