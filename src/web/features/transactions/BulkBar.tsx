import { type KeyboardEvent, useRef, useState } from 'react';
import type { AccountJson, PayeeJson, TagJson } from '../../api/types.ts';
import { errorText } from '../../ui/ErrorNotice.tsx';
import { type Apply, CategoryForm, DateForm, PayeeForm, StatusForm, TagsForm } from './BulkForms.tsx';

const ACTIONS = [
  ['category', 'Category'],
  ['payee', 'Payee'],
  ['tags', 'Tags'],
  ['status', 'Status'],
  ['date', 'Date'],
] as const;
type Action = (typeof ACTIONS)[number][0];

/** The API's bound on one bulk request (`ids`, at most 500). */
export const MAX_BULK = 500;

/**
 * The changes that apply to every selected transaction at once, each one request: a button per
 * field opens its small form under the bar; Delete needs none (it is undone from the toast).
 * Escape closes the open form, and else clears the selection.
 */
export function BulkBar({
  done,
  count,
  categories,
  payees,
  tags,
  busy,
  error,
  refused,
  onApply,
  onDelete,
  onClear,
}: {
  /** Changes when a change is done: its form closes (the toast has the focus now). */
  done: number;
  count: number;
  categories: readonly AccountJson[];
  payees: readonly PayeeJson[];
  tags: readonly TagJson[];
  busy: boolean;
  /** The last request's refusal, if it was refused. */
  error: unknown;
  /** Its reasons, one sentence per transaction concerned. */
  refused: readonly string[];
  onApply: Apply;
  onDelete: () => void;
  onClear: () => void;
}) {
  const [open, setOpen] = useState<Action | null>(null);
  const toggles = useRef(new Map<Action, HTMLButtonElement>());
  const [seenDone, setSeenDone] = useState(done);
  if (seenDone !== done) {
    setSeenDone(done);
    setOpen(null);
  }

  function close() {
    const opener = open && toggles.current.get(open);
    setOpen(null);
    opener?.focus();
  }

  function onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (open) close();
    else onClear();
  }

  const tooMany = count > MAX_BULK;
  const apply: Apply = (set, names) => onApply(set, names);
  const form = {
    category: <CategoryForm categories={categories} busy={busy} onApply={apply} />,
    payee: <PayeeForm payees={payees} busy={busy} onApply={apply} />,
    tags: <TagsForm tags={tags} busy={busy} onApply={apply} />,
    status: <StatusForm busy={busy} onApply={apply} />,
    date: <DateForm busy={busy} onApply={apply} />,
  };

  return (
    <section className="bulk-bar" aria-label="Change the selected transactions" onKeyDown={onKey}>
      <div className="bulk-head">
        <p className="bulk-count" aria-live="polite">
          {count} selected
        </p>
        <div className="bulk-actions">
          {ACTIONS.map(([action, label]) => (
            <button
              key={action}
              ref={(button) => {
                if (button) toggles.current.set(action, button);
              }}
              type="button"
              className={`button small${open === action ? ' active' : ''}`}
              aria-expanded={open === action}
              disabled={tooMany}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {label}
            </button>
          ))}
          <button type="button" className="button small danger" disabled={busy || tooMany} onClick={onDelete}>
            Delete
          </button>
          <button type="button" className="button small ghost" onClick={onClear}>
            Clear selection
          </button>
        </div>
      </div>
      {tooMany && (
        <p className="notice">At most {MAX_BULK} transactions change at once: clear some of the selection.</p>
      )}
      {open && !tooMany && form[open]}
      {Boolean(error) && (
        <div className="notice notice-error bulk-refused" role="alert">
          <p>Nothing was changed. {refused.length === 0 && errorText(error)}</p>
          {refused.length > 0 && (
            <ul>
              {refused.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
