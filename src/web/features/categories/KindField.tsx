import { Field } from '../../ui/Field.tsx';
import { KINDS } from './arrange.ts';
import type { CategoryKind } from './queries.ts';

/** Income or expense: the kind of a new group or category. */
export function KindField({
  value,
  onChange,
  error,
}: {
  value: CategoryKind;
  onChange: (kind: CategoryKind) => void;
  error: string | undefined;
}) {
  return (
    <Field label="Kind" error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as CategoryKind)}>
          {KINDS.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
