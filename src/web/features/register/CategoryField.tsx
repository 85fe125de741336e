import { type KeyboardEvent, type Ref, useId, useState } from 'react';
import { errorText } from '../../ui/ErrorNotice.tsx';
import { type CategoryKind, useCreateCategory } from '../categories/queries.ts';
import { type Target, targetByLabel } from './targets.ts';

/** At most this many matches are listed: a few keystrokes more narrow a long list. */
const SHOWN = 12;

type Option = { target: Target } | { create: string };

export interface CreateCategory {
  bookId: number;
  kind: CategoryKind;
  onCreated: (target: Target) => void;
}

/**
 * The category (or transfer account) of a register line: a combobox whose list shows the targets
 * whose label holds what was typed. When the name is no target's and `create` is given, the last
 * option is "Create category “Pets”", which makes it through the API (of `create.kind`) and picks
 * it; a refusal (NAME_TAKEN, …) is shown under the field. The text is the field's own: it follows
 * `chosen` only when that changes from outside (a suggestion, a payee's default category).
 */
export function CategoryField({
  ref,
  label = 'Category',
  labelHidden = false,
  targets,
  chosen,
  onChoose,
  create,
  placeholder,
  describedBy,
  invalid,
}: {
  ref?: Ref<HTMLInputElement>;
  label?: string;
  /** A split line's field: named for screen readers, its placeholder says what it is. */
  labelHidden?: boolean;
  targets: readonly Target[];
  chosen: number | null;
  onChoose: (targetId: number | null) => void;
  /**
   * Where and of what kind a new category is made, and who learns of it (before `onChoose` picks
   * it); without it (no book to write to), none is offered.
   */
  create?: CreateCategory;
  placeholder?: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const id = useId();
  const labelOf = (targetId: number | null) => targets.find((target) => target.id === targetId)?.label ?? '';
  const [text, setText] = useState(() => labelOf(chosen));
  const [shownFor, setShownFor] = useState(chosen);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const making = useCreateCategory(create?.bookId ?? 0);
  // The register has no page-wide announcer: the field says itself that the category was made.
  const [made, setMade] = useState('');
  if (chosen !== shownFor) {
    setShownFor(chosen);
    setText(labelOf(chosen));
  }

  const wanted = text.trim().toLowerCase();
  const options: Option[] = targets
    .filter((target) => target.label.toLowerCase().includes(wanted))
    .slice(0, SHOWN)
    .map((target) => ({ target }));
  if (create && wanted !== '' && !targetByLabel(targets, text)) options.push({ create: text.trim() });
  const expanded = open && options.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  function type(value: string) {
    const found = targetByLabel(targets, value)?.id ?? null;
    setText(value);
    setShownFor(found);
    setOpen(true);
    setActive(-1);
    making.reset();
    setMade('');
    onChoose(found);
  }

  function pick(option: Option) {
    setOpen(false);
    setActive(-1);
    if ('target' in option) {
      setText(option.target.label);
      setShownFor(option.target.id);
      onChoose(option.target.id);
      return;
    }
    if (!create) return;
    making.mutate(
      { name: option.create, kind: create.kind },
      {
        onSuccess: (category) => {
          const target = { id: category.id, label: category.name, account: category };
          setText(target.label);
          setShownFor(target.id);
          create.onCreated(target);
          onChoose(target.id);
          setMade(target.label);
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0 && !event.altKey) {
      event.preventDefault();
      setOpen(true);
      // Into the list at its first (or, going up, its last) option; then round it.
      if (!expanded || active < 0) setActive(step === 1 ? 0 : options.length - 1);
      else setActive((active + step + options.length) % options.length);
      return;
    }
    if (event.key === 'Enter' && expanded && options[active]) {
      event.preventDefault(); // picks the option; it does not save the transaction
      pick(options[active]);
      return;
    }
    if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      event.stopPropagation(); // closes the list; a second Escape cancels the editor
      setOpen(false);
      setActive(-1);
    }
  }

  const errorId = `${id}-error`;
  const described = [describedBy, making.error ? errorId : undefined].filter(Boolean).join(' ');
  return (
    <div className={labelHidden ? 'category-field' : 'editor-field category-field'}>
      <label htmlFor={`${id}-input`} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        ref={ref}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={described || undefined}
        aria-invalid={invalid || Boolean(making.error)}
        aria-busy={making.isPending}
        placeholder={placeholder}
        value={text}
        autoComplete="off"
        onChange={(event) => type(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
      />
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Categories"
        className="category-options"
        hidden={!expanded}
      >
        {expanded &&
          options.map((option, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's, which keeps the focus
            <div
              key={'target' in option ? option.target.id : 'create'}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={'create' in option ? 'create-option' : undefined}
              // The field keeps the focus (and does not blur shut the list) while a click picks.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(option)}
            >
              {'target' in option ? option.target.label : `Create category “${option.create}”`}
            </div>
          ))}
      </div>
      <span className="visually-hidden" role="status">
        {made && `Category “${made}” created.`}
      </span>
      {making.error && (
        <p className="field-error" id={errorId} role="alert">
          {errorText(making.error)}
        </p>
      )}
    </div>
  );
}
