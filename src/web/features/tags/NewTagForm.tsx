import { type FormEvent, useRef, useState } from 'react';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { fieldError, formError } from '../../ui/formErrors.ts';
import { NameField } from '../../ui/NameField.tsx';
import { suggestion } from './palette.ts';
import { useCreateTag } from './queries.ts';

/** Always at the top of the page: after each tag it empties, offers the next colour and keeps the focus. */
export function NewTagForm({ bookId, count }: { bookId: number; count: number }) {
  const create = useCreateTag(bookId);
  const announce = useAnnounce();
  const [name, setName] = useState('');
  const [color, setColor] = useState(() => suggestion(count));
  const nameInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { name, color },
      {
        onSuccess: (tag) => {
          announce(`The tag ${tag.name} is created.`, false);
          setName('');
          setColor(suggestion(count + 1));
          nameInput.current?.focus();
        },
      },
    );
  }

  return (
    <form className="card tag-form" onSubmit={submit} noValidate aria-label="New tag">
      <NameField
        ref={nameInput}
        label="Tag name"
        value={name}
        placeholder="Holiday 2026"
        onChange={setName}
        error={fieldError(create.error, '/name')}
      />
      <Field label="Colour" error={fieldError(create.error, '/color')}>
        {(props) => (
          <input {...props} type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        )}
      </Field>
      <button className="button primary" type="submit" disabled={create.isPending}>
        Create tag
      </button>
      <ErrorNotice error={formError(create.error, ['/name', '/color'])} />
    </form>
  );
}
