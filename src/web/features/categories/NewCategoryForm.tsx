import { useState } from 'react';
import type { CategoryGroupJson } from '../../api/types.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { NameField } from '../../ui/NameField.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { KindField } from './KindField.tsx';
import { NewItemForm } from './NewItemForm.tsx';
import { type CategoryKind, useCreateCategory } from './queries.ts';

export function NewCategoryForm({
  bookId,
  groups,
  initialKind,
  initialGroupId,
  onDone,
}: {
  bookId: number;
  groups: readonly CategoryGroupJson[];
  initialKind: CategoryKind;
  initialGroupId: number | null;
  onDone: () => void;
}) {
  const create = useCreateCategory(bookId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CategoryKind>(initialKind);
  const [groupId, setGroupId] = useState(initialGroupId === null ? '' : String(initialGroupId));
  const nameInput = useFocusOnOpen<HTMLInputElement>();
  const options = groups.filter((group) => group.kind === kind);

  return (
    <NewItemForm
      label="New category"
      submitLabel="Create category"
      pending={create.isPending}
      onSubmit={() =>
        create.mutate({ name, kind, groupId: groupId === '' ? null : Number(groupId) }, { onSuccess: onDone })
      }
      onCancel={onDone}
    >
      <NameField
        ref={nameInput}
        label="Category name"
        value={name}
        placeholder="Groceries"
        onChange={setName}
        error={fieldError(create.error, '/name')}
      />
      <KindField
        value={kind}
        onChange={(next) => {
          setKind(next);
          if (!groups.some((group) => String(group.id) === groupId && group.kind === next)) setGroupId('');
        }}
        error={fieldError(create.error, '/kind')}
      />
      <Field label="Group" error={fieldError(create.error, '/groupId')}>
        {(props) => (
          <select {...props} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">No group</option>
            {options.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
                {group.hidden ? ' (hidden)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorNotice error={formError(create.error, ['/name', '/kind', '/groupId'])} />
    </NewItemForm>
  );
}
