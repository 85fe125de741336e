import { type FormEvent, useRef, useState } from 'react';
import type { TagJson } from '../../api/types.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useBookId } from '../books/queries.ts';
import {
  Announcer,
  afterSuccess,
  escapeCancels,
  fieldError,
  formError,
  InlineTextForm,
  RowPanel,
  useAnnounce,
  useFocusOnOpen,
} from '../categories/inline.tsx';
import { useCreateTag, useDeleteTag, useTagList, useUpdateTag } from './queries.ts';

/** Colours offered to new tags in turn; any other can be picked. */
export const PALETTE = ['#3b82f6', '#16a34a', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777'];

/** /books/:bookId/tags: labels that cut across categories (a trip, a project), each with a colour. */
export function TagsPage() {
  const bookId = useBookId();
  const tags = useTagList(bookId);

  if (tags.isPending) return <p className="loading">Loading tags…</p>;
  if (tags.error) return <ErrorNotice error={tags.error} />;

  return (
    <Announcer>
      <div className="names-page">
        <div className="page-header">
          <h1>Tags</h1>
        </div>
        <NewTagForm bookId={bookId} count={tags.data.length} />
        {tags.data.length === 0 ? (
          <EmptyState title="No tags yet">
            <p>
              Tags label transactions across categories: a holiday, a renovation, a work trip to claim back.
              Create one above, then add it to transactions in a register.
            </p>
          </EmptyState>
        ) : (
          <ul className="name-list tag-list">
            {tags.data.map((tag) => (
              <TagRow key={tag.id} bookId={bookId} tag={tag} />
            ))}
          </ul>
        )}
      </div>
    </Announcer>
  );
}

function Swatch({ color }: { color: string | null }) {
  return (
    <span
      className={`tag-swatch${color ? '' : ' none'}`}
      style={color ? { backgroundColor: color } : undefined}
      aria-hidden="true"
    />
  );
}

const suggestion = (count: number) => PALETTE[count % PALETTE.length]!;

function NewTagForm({ bookId, count }: { bookId: number; count: number }) {
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
      <Field label="Tag name" error={fieldError(create.error, '/name')}>
        {(props) => (
          <input
            {...props}
            ref={nameInput}
            required
            maxLength={200}
            value={name}
            placeholder="Holiday 2026"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
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

type Mode = 'view' | 'rename' | 'recolour' | 'delete';

function TagRow({ bookId, tag }: { bookId: number; tag: TagJson }) {
  const update = useUpdateTag(bookId);
  const [mode, setMode] = useState<Mode>('view');
  const close = () => {
    update.reset();
    setMode('view');
  };
  const toggle = (next: Mode) => {
    update.reset();
    setMode(mode === next ? 'view' : next);
  };

  return (
    <li>
      <div className="name-row">
        {mode === 'rename' ? (
          <InlineTextForm
            label={`New name of the tag ${tag.name}`}
            initial={tag.name}
            error={update.error}
            pending={update.isPending}
            onSave={(name) => update.mutate({ id: tag.id, name }, { onSuccess: close })}
            onCancel={close}
          />
        ) : (
          <span className="name-cell tag-cell">
            <Swatch color={tag.color} />
            <span className="item-name">{tag.name}</span>
            <span className="item-detail">{tag.color ?? 'no colour'}</span>
          </span>
        )}
        <span className="row-actions">
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('rename')}
            aria-expanded={mode === 'rename'}
          >
            Rename<span className="visually-hidden"> the tag {tag.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('recolour')}
            aria-expanded={mode === 'recolour'}
          >
            Colour<span className="visually-hidden"> of the tag {tag.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small danger"
            onClick={() => toggle('delete')}
            aria-expanded={mode === 'delete'}
          >
            Delete<span className="visually-hidden"> the tag {tag.name}</span>
          </button>
        </span>
      </div>
      {mode === 'recolour' && <RecolourPanel bookId={bookId} tag={tag} onDone={close} />}
      {mode === 'delete' && <DeleteTagPanel bookId={bookId} tag={tag} onDone={close} />}
    </li>
  );
}

function RecolourPanel({ bookId, tag, onDone }: { bookId: number; tag: TagJson; onDone: () => void }) {
  const update = useUpdateTag(bookId);
  const [color, setColor] = useState(tag.color ?? PALETTE[0]!);
  const input = useFocusOnOpen<HTMLInputElement>();
  const save = (next: string | null) =>
    next === tag.color ? onDone() : update.mutate({ id: tag.id, color: next }, { onSuccess: onDone });
  return (
    <RowPanel level={2} title={`Colour of ${tag.name}`}>
      <form
        className="panel-form"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(event) => {
          event.preventDefault();
          save(color);
        }}
      >
        <Field label="Colour" error={fieldError(update.error, '/color')}>
          {(props) => (
            <input
              {...props}
              ref={input}
              type="color"
              value={color}
              onChange={(e) => setColor(e.target.value)}
            />
          )}
        </Field>
        <ErrorNotice error={formError(update.error, ['/color'])} />
        <div className="form-actions wrap">
          <button type="submit" className="button primary small" disabled={update.isPending}>
            Save colour
          </button>
          {tag.color !== null && (
            <button
              type="button"
              className="button small"
              disabled={update.isPending}
              onClick={() => save(null)}
            >
              No colour
            </button>
          )}
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </RowPanel>
  );
}

function DeleteTagPanel({ bookId, tag, onDone }: { bookId: number; tag: TagJson; onDone: () => void }) {
  const remove = useDeleteTag(bookId);
  const announce = useAnnounce();
  const confirm = useFocusOnOpen<HTMLButtonElement>();
  return (
    <RowPanel level={2} title={`Delete the tag ${tag.name}?`}>
      <form
        className="panel-form"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(event) => {
          event.preventDefault();
          afterSuccess(remove.mutateAsync(tag.id), () => announce(`The tag ${tag.name} is deleted.`));
        }}
      >
        <p className="hint">Its transactions stay; they only lose this tag.</p>
        <ErrorNotice error={remove.error} />
        <div className="form-actions">
          <button
            type="submit"
            ref={confirm}
            className="button small danger-solid"
            disabled={remove.isPending}
          >
            Delete {tag.name}
          </button>
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </RowPanel>
  );
}
