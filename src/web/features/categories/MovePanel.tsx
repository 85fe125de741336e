import { useState } from 'react';
import type { CategoryGroupJson, CategoryJson } from '../../api/types.ts';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { PanelForm } from '../../ui/PanelForm.tsx';
import { RowPanel } from '../../ui/RowPanel.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { useUpdateCategory } from './queries.ts';

/** The panel under a category's row that moves it to another group of its kind (or to none). */
export function MovePanel({
  bookId,
  category,
  groups,
  onDone,
}: {
  bookId: number;
  category: CategoryJson;
  groups: readonly CategoryGroupJson[];
  onDone: () => void;
}) {
  const update = useUpdateCategory(bookId);
  const [groupId, setGroupId] = useState(category.groupId === null ? '' : String(category.groupId));
  const select = useFocusOnOpen<HTMLSelectElement>();
  const options = groups.filter((group) => group.kind === category.type);
  return (
    <RowPanel level={4} title={`Move ${category.name}`}>
      <PanelForm
        submitLabel="Move"
        disabled={update.isPending}
        error={formError(update.error, ['/groupId'])}
        onSubmit={() => {
          const next = groupId === '' ? null : Number(groupId);
          if (next === category.groupId) onDone();
          else update.mutate({ id: category.id, groupId: next }, { onSuccess: onDone });
        }}
        onCancel={onDone}
      >
        <Field label="Group" error={fieldError(update.error, '/groupId')}>
          {(props) => (
            <select {...props} ref={select} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              {options.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                  {group.hidden ? ' (hidden)' : ''}
                </option>
              ))}
              <option value="">No group</option>
            </select>
          )}
        </Field>
      </PanelForm>
    </RowPanel>
  );
}
