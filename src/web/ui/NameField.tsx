import type { Ref } from 'react';
import { Field } from './Field.tsx';

/** The name of something new in a list (a group, a category, a tag): required, 200 characters at most. */
export function NameField({
  label,
  value,
  onChange,
  placeholder,
  error,
  ref,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  error: string | undefined;
  ref: Ref<HTMLInputElement>;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <input
          {...props}
          ref={ref}
          required
          maxLength={200}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
