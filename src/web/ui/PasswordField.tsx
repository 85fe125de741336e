import { Field } from './Field.tsx';

/** What the server asks of a new password (it estimates the strength; the reason shows when refused). */
export const NEW_PASSWORD_HINT = 'At least 10 characters and hard to guess: a few unrelated words work well.';

/** A required password input with its label: `current-password` to check one, `new-password` to set one. */
export function PasswordField({
  label,
  value,
  onChange,
  autoComplete,
  error,
  hint,
  minLength,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  error: string | undefined;
  hint?: string;
  minLength?: number;
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(props) => (
        <input
          {...props}
          type="password"
          autoComplete={autoComplete}
          required
          minLength={minLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
