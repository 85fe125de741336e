import { type KeyboardEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCreateTag, useTagList } from '../tags/queries.ts';

/**
 * The tags of a transaction: each chosen one a chip with its remove button; a field that completes
 * from the book's tags, where Enter or "Add tag" adds the tag of that name, creating it when the
 * book has none (names are unique ignoring case, as the API has them).
 */
export function TagPicker({
  bookId,
  chosen,
  onChange,
}: {
  bookId: number;
  chosen: readonly number[];
  onChange: (tagIds: number[]) => void;
}) {
  const id = useId();
  const tags = useTagList(bookId);
  const create = useCreateTag(bookId);
  const [name, setName] = useState('');
  const all = tags.data ?? [];
  const byId = new Map(all.map((tag) => [tag.id, tag]));

  function add() {
    const wanted = name.trim();
    if (!wanted) return;
    const found = all.find((tag) => tag.name.toLowerCase() === wanted.toLowerCase());
    const take = (tagId: number) => {
      if (!chosen.includes(tagId)) onChange([...chosen, tagId]);
      setName('');
    };
    if (found) take(found.id);
    else create.mutate({ name: wanted }, { onSuccess: (tag) => take(tag.id) });
  }

  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // adds the tag; it does not save the transaction
    add();
  }

  return (
    <fieldset className="tag-picker">
      <legend>Tags</legend>
      {chosen.length > 0 && (
        <ul className="tag-chips">
          {chosen.map((tagId) => {
            const tagName = byId.get(tagId)?.name ?? `Tag ${tagId}`;
            return (
              <li key={tagId} className="tag-chip">
                {tagName}
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove tag ${tagName}`}
                  onClick={() => onChange(chosen.filter((other) => other !== tagId))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="tag-add">
        <input
          aria-label="Add a tag"
          list={`${id}-tags`}
          value={name}
          placeholder="Tag name"
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={onKey}
        />
        <button type="button" className="button small" onClick={add} disabled={create.isPending}>
          Add tag
        </button>
      </div>
      <datalist id={`${id}-tags`}>
        {all
          .filter((tag) => !chosen.includes(tag.id))
          .map((tag) => (
            <option key={tag.id} value={tag.name} />
          ))}
      </datalist>
      <ErrorNotice error={create.error} />
    </fieldset>
  );
}
