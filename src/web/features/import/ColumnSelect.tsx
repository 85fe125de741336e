import { Field } from '../../ui/Field.tsx';

/** A select of the file's columns ("2: Payee"); `optional` adds "None". Values are 0-based. */
export function ColumnSelect({
  label,
  columns,
  value,
  optional = false,
  error,
  onChange,
}: {
  label: string;
  columns: readonly string[];
  value: number | null;
  optional?: boolean;
  error?: string | undefined;
  onChange: (column: number | null) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select
          {...props}
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
        >
          {optional && <option value="">None</option>}
          {columns.map((name, column) => (
            <option key={name} value={column}>
              {name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
