import { useState } from 'react';
import type { CategoryJson, PayeeJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { KINDS } from '../categories/arrange.ts';
import { useUpdatePayee } from './queries.ts';

/** The panel under a payee's row that sets the category its new transactions get. */
export function DefaultCategoryPanel({
  bookId,
  payee,
  categories,
  onDone,
}: {
  bookId: number;
  payee: PayeeJson;
  categories: readonly CategoryJson[];
  onDone: () => void;
}) {
  const update = useUpdatePayee(bookId);
  const [value, setValue] = useState(payee.defaultCategoryId === null ? '' : String(payee.defaultCategoryId));
  const select = useFocusOnOpen<HTMLSelectElement>();
  return (
    <RowPanel level={2} title={`Default category of ${payee.name}`}>
      <PanelForm
        submitLabel="Save"
        disabled={update.isPending}
        error={formError(update.error, ['/defaultCategoryId'])}
        onSubmit={() => {
          const next = value === '' ? null : Number(value);
          if (next === payee.defaultCategoryId) onDone();
          else update.mutate({ id: payee.id, defaultCategoryId: next }, { onSuccess: onDone });
        }}
        onCancel={onDone}
      >
        <p className="hint">New transactions with {payee.name} get this category unless you pick another.</p>
        <Field label="Default category" error={fieldError(update.error, '/defaultCategoryId')}>
          {(props) => (
            <select {...props} ref={select} value={value} onChange={(e) => setValue(e.target.value)}>
              <option value="">No default category</option>
              {KINDS.map(({ kind, label }) => (
                <optgroup key={kind} label={label}>
                  {categories
                    .filter((category) => category.type === kind && !category.archived)
                    .map((category) => (
                      <option key={category.id} value={category.id}>
                        {category.name}
                        {category.hidden ? ' (hidden)' : ''}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
      </PanelForm>
    </RowPanel>
  );
}
