import type { CategoryJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';

/** The category a rule's action or split part sets: one of `categories`, by id ('' until chosen). */
export function CategorySelect({
  label,
  error,
  value,
  categories,
  onChange,
}: {
  label: string;
  error: string | undefined;
  value: string;
  categories: readonly CategoryJson[];
  onChange: (categoryId: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose a category</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
