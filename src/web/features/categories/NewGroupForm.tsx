import { useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { NameField } from '../../ui/NameField.tsx';
import { useFocusOnOpen } from '../../ui/useFocusOnOpen.ts';
import { KindField } from './KindField.tsx';
import { NewItemForm } from './NewItemForm.tsx';
import { type CategoryKind, useCreateGroup } from './queries.ts';

export function NewGroupForm({
  bookId,
  initialKind,
  onDone,
}: {
  bookId: number;
  initialKind: CategoryKind;
  onDone: () => void;
}) {
  const create = useCreateGroup(bookId);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CategoryKind>(initialKind);
  const nameInput = useFocusOnOpen<HTMLInputElement>();

  return (
    <NewItemForm
      label="New category group"
      submitLabel="Create group"
      pending={create.isPending}
      onSubmit={() => create.mutate({ name, kind }, { onSuccess: onDone })}
      onCancel={onDone}
    >
      <NameField
        ref={nameInput}
        label="Group name"
        value={name}
        placeholder="Housing"
        onChange={setName}
        error={fieldError(create.error, '/name')}
      />
      <KindField value={kind} onChange={setKind} error={fieldError(create.error, '/kind')} />
      <ErrorNotice error={formError(create.error, ['/name', '/kind'])} />
    </NewItemForm>
  );
}
