import { type FormEvent, useId, useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { CategoryGroupJson, CategoryJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { useBookId } from '../books/queries.ts';
import {
  arrangeCategories,
  displayedBalance,
  type GroupSection,
  KINDS,
  mergeTargets,
  sectionTotal,
} from './arrange.ts';
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
} from './inline.tsx';
import {
  type CategoryKind,
  useCategoryGroups,
  useCategoryList,
  useCreateCategory,
  useCreateGroup,
  useDeleteCategory,
  useDeleteGroup,
  useMergeCategory,
  useUpdateCategory,
  useUpdateGroup,
} from './queries.ts';

/** The "Show hidden" checkbox: where the focus goes when a hidden item leaves the page. */
const SHOW_HIDDEN = 'show-hidden-categories';

/** After hiding: the focus goes to "Show hidden" when the item has left the page. */
function hiddenFocus(): HTMLElement | false {
  const toggle = document.getElementById(SHOW_HIDDEN) as HTMLInputElement | null;
  return toggle && !toggle.checked ? toggle : false;
}

type OpenForm =
  | { type: 'group'; kind: CategoryKind }
  | { type: 'category'; kind: CategoryKind; groupId: number | null };

/** /books/:bookId/categories: income and expense categories in their groups, with balances. */
export function CategoriesPage() {
  const bookId = useBookId();
  const categories = useCategoryList(bookId);
  const groups = useCategoryGroups(bookId);
  const [showHidden, setShowHidden] = useState(false);
  const [form, setForm] = useState<OpenForm | null>(null);

  if (categories.isPending || groups.isPending) return <p className="loading">Loading categories…</p>;
  if (categories.error || groups.error) return <ErrorNotice error={categories.error ?? groups.error} />;

  const { kinds, hiddenCount } = arrangeCategories(categories.data, groups.data, showHidden);
  const empty = categories.data.length === 0 && groups.data.length === 0;
  const formKey = form ? JSON.stringify(form) : '';

  return (
    <Announcer>
      <div className="names-page">
        <div className="page-header">
          <h1>Categories</h1>
          <div className="form-actions wrap">
            <button
              type="button"
              className="button"
              onClick={() => setForm({ type: 'group', kind: 'expense' })}
              disabled={form?.type === 'group'}
            >
              New group
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => setForm({ type: 'category', kind: 'expense', groupId: null })}
              disabled={form?.type === 'category'}
            >
              New category
            </button>
          </div>
        </div>
        {form?.type === 'group' && (
          <NewGroupForm key={formKey} bookId={bookId} initialKind={form.kind} onDone={() => setForm(null)} />
        )}
        {form?.type === 'category' && (
          <NewCategoryForm
            key={formKey}
            bookId={bookId}
            groups={groups.data}
            initialKind={form.kind}
            initialGroupId={form.groupId}
            onDone={() => setForm(null)}
          />
        )}
        {empty ? (
          !form && (
            <EmptyState title="No categories yet">
              <p>
                Categories say where money comes from and where it goes. Start with a few groups, such as
                “Housing” and “Food” for spending and “Earnings” for income, then add categories like “Rent”,
                “Groceries” or “Salary” to them.
              </p>
              <div className="form-actions centered">
                <button
                  type="button"
                  className="button primary"
                  onClick={() => setForm({ type: 'group', kind: 'expense' })}
                >
                  Create your first group
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setForm({ type: 'category', kind: 'expense', groupId: null })}
                >
                  Add a category
                </button>
              </div>
            </EmptyState>
          )
        ) : (
          <>
            <label className="checkbox">
              <input
                id={SHOW_HIDDEN}
                type="checkbox"
                checked={showHidden}
                onChange={(e) => setShowHidden(e.target.checked)}
              />{' '}
              Show hidden categories and groups{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}
            </label>
            {kinds.map(({ kind, title, sections }) => (
              <section key={kind} className="category-kind" aria-labelledby={`kind-${kind}`}>
                <h2 id={`kind-${kind}`}>{title}</h2>
                {sections.length === 0 ? (
                  <p className="muted">
                    No {kind} categories {showHidden ? 'yet' : 'shown'}.{' '}
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setForm({ type: 'group', kind })}
                    >
                      New {kind} group
                    </button>
                  </p>
                ) : (
                  sections.map((section) => (
                    <GroupBlock
                      key={section.group?.id ?? `none-${kind}`}
                      bookId={bookId}
                      section={section}
                      groups={groups.data}
                      all={categories.data}
                      onAddCategory={() =>
                        setForm({ type: 'category', kind, groupId: section.group?.id ?? null })
                      }
                    />
                  ))
                )}
              </section>
            ))}
          </>
        )}
      </div>
    </Announcer>
  );
}

function GroupBlock({
  bookId,
  section,
  groups,
  all,
  onAddCategory,
}: {
  bookId: number;
  section: GroupSection;
  groups: readonly CategoryGroupJson[];
  all: readonly CategoryJson[];
  onAddCategory: () => void;
}) {
  const { group } = section;
  const headingId = useId();
  const update = useUpdateGroup(bookId);
  const remove = useDeleteGroup(bookId);
  const announce = useAnnounce();
  const [renaming, setRenaming] = useState(false);
  const name = group?.name ?? 'No group';
  const totals = sectionTotal(section.categories);

  return (
    <section className={`category-group${group?.hidden ? ' is-hidden' : ''}`} aria-labelledby={headingId}>
      <div className="category-group-header">
        {renaming && group ? (
          <>
            <h3 id={headingId} className="visually-hidden">
              {group.name}
            </h3>
            <InlineTextForm
              label={`New name of the group ${group.name}`}
              initial={group.name}
              error={update.error}
              pending={update.isPending}
              onSave={(value) =>
                update.mutate({ id: group.id, name: value }, { onSuccess: () => setRenaming(false) })
              }
              onCancel={() => {
                update.reset();
                setRenaming(false);
              }}
            />
          </>
        ) : (
          <h3 id={headingId}>
            {name}
            {group?.hidden && (
              <>
                {' '}
                <span className="badge">Hidden</span>
              </>
            )}
          </h3>
        )}
        <span className="group-total">
          {totals.map((total) => (
            <Amount key={total.currency} value={total} />
          ))}
        </span>
        <span className="row-actions">
          <button type="button" className="button ghost small" onClick={onAddCategory}>
            Add category<span className="visually-hidden"> to {name}</span>
          </button>
          {group && (
            <>
              <button
                type="button"
                className="button ghost small"
                onClick={() => setRenaming(!renaming)}
                aria-expanded={renaming}
              >
                Rename<span className="visually-hidden"> the group {group.name}</span>
              </button>
              <button
                type="button"
                className="button ghost small"
                disabled={update.isPending}
                onClick={() =>
                  afterSuccess(update.mutateAsync({ id: group.id, hidden: !group.hidden }), () =>
                    announce(
                      `The group ${group.name} is ${group.hidden ? 'shown' : 'hidden'}.`,
                      group.hidden ? false : hiddenFocus(),
                    ),
                  )
                }
              >
                {group.hidden ? 'Show' : 'Hide'}
                <span className="visually-hidden"> the group {group.name}</span>
              </button>
              {section.size === 0 && (
                <button
                  type="button"
                  className="button ghost small danger"
                  disabled={remove.isPending}
                  onClick={() =>
                    afterSuccess(remove.mutateAsync(group.id), () =>
                      announce(`The group ${group.name} is deleted.`),
                    )
                  }
                >
                  Delete<span className="visually-hidden"> the group {group.name}</span>
                </button>
              )}
            </>
          )}
        </span>
      </div>
      {!renaming && <ErrorNotice error={update.error} />}
      <ErrorNotice error={remove.error} />
      {section.categories.length > 0 ? (
        <ul className="category-list">
          {section.categories.map((category) => (
            <CategoryRow
              key={category.id}
              bookId={bookId}
              category={category}
              groups={groups}
              all={all}
              inHiddenGroup={Boolean(group?.hidden)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted group-empty">
          {section.size === 0
            ? 'No categories in this group yet. Add one, or delete the group.'
            : 'Every category of this group is hidden.'}
        </p>
      )}
    </section>
  );
}

type RowMode = { mode: 'view' } | { mode: 'rename' } | { mode: 'move' } | { mode: 'merge'; reason?: string };

function CategoryRow({
  bookId,
  category,
  groups,
  all,
  inHiddenGroup,
}: {
  bookId: number;
  category: CategoryJson;
  groups: readonly CategoryGroupJson[];
  all: readonly CategoryJson[];
  inHiddenGroup: boolean;
}) {
  const update = useUpdateCategory(bookId);
  const remove = useDeleteCategory(bookId);
  const announce = useAnnounce();
  const [state, setState] = useState<RowMode>({ mode: 'view' });
  const close = () => {
    update.reset();
    setState({ mode: 'view' });
  };
  function toggle(mode: 'rename' | 'move' | 'merge') {
    update.reset();
    remove.reset();
    setState(state.mode === mode ? { mode: 'view' } : { mode });
  }

  function deleteCategory() {
    remove.mutateAsync(category.id).then(
      () => announce(`${category.name} is deleted.`),
      (error) => {
        if (error instanceof ApiError && error.code === 'ACCOUNT_IN_USE') {
          remove.reset();
          setState({
            mode: 'merge',
            reason: `${category.name} has transactions, so it cannot simply be deleted. Merge it into another category instead.`,
          });
        }
      },
    );
  }

  const dimmed = category.hidden || inHiddenGroup;
  return (
    <li className={dimmed ? 'is-hidden' : undefined}>
      <div className="category-row">
        {state.mode === 'rename' ? (
          <InlineTextForm
            label={`New name of ${category.name}`}
            initial={category.name}
            error={update.error}
            pending={update.isPending}
            onSave={(name) => update.mutate({ id: category.id, name }, { onSuccess: close })}
            onCancel={close}
          />
        ) : (
          <span className="category-name">
            {category.name}
            {category.hidden && (
              <>
                {' '}
                <span className="badge">Hidden</span>
              </>
            )}
          </span>
        )}
        <Amount value={displayedBalance(category)} />
        <span className="row-actions">
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('rename')}
            aria-expanded={state.mode === 'rename'}
          >
            Rename<span className="visually-hidden"> {category.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('move')}
            aria-expanded={state.mode === 'move'}
          >
            Move<span className="visually-hidden"> {category.name} to another group</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            disabled={update.isPending}
            onClick={() =>
              afterSuccess(update.mutateAsync({ id: category.id, hidden: !category.hidden }), () =>
                announce(
                  `${category.name} is ${category.hidden ? 'shown' : 'hidden'}.`,
                  category.hidden ? false : hiddenFocus(),
                ),
              )
            }
          >
            {category.hidden ? 'Show' : 'Hide'}
            <span className="visually-hidden"> {category.name}</span>
          </button>
          <button
            type="button"
            className="button ghost small"
            onClick={() => toggle('merge')}
            aria-expanded={state.mode === 'merge'}
          >
            Merge<span className="visually-hidden"> {category.name} into another category</span>
          </button>
          <button
            type="button"
            className="button ghost small danger"
            disabled={remove.isPending}
            onClick={deleteCategory}
          >
            Delete<span className="visually-hidden"> {category.name}</span>
          </button>
        </span>
      </div>
      {state.mode === 'view' && <ErrorNotice error={update.error ?? remove.error} />}
      {state.mode === 'move' && (
        <MovePanel bookId={bookId} category={category} groups={groups} onDone={close} />
      )}
      {state.mode === 'merge' && (
        <MergePanel bookId={bookId} category={category} all={all} reason={state.reason} onDone={close} />
      )}
    </li>
  );
}

function MovePanel({
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
      <form
        className="panel-form"
        onKeyDown={escapeCancels(onDone)}
        onSubmit={(event) => {
          event.preventDefault();
          const next = groupId === '' ? null : Number(groupId);
          if (next === category.groupId) onDone();
          else update.mutate({ id: category.id, groupId: next }, { onSuccess: onDone });
        }}
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
        <ErrorNotice error={formError(update.error, ['/groupId'])} />
        <div className="form-actions">
          <button type="submit" className="button primary small" disabled={update.isPending}>
            Move
          </button>
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
        </div>
      </form>
    </RowPanel>
  );
}

function MergePanel({
  bookId,
  category,
  all,
  reason,
  onDone,
}: {
  bookId: number;
  category: CategoryJson;
  all: readonly CategoryJson[];
  reason: string | undefined;
  onDone: () => void;
}) {
  const merge = useMergeCategory(bookId);
  const announce = useAnnounce();
  const targets = mergeTargets(category, all);
  const [into, setInto] = useState('');
  const select = useFocusOnOpen<HTMLSelectElement>();
  const target = targets.find((other) => String(other.id) === into);
  return (
    <RowPanel level={4} title={`Merge ${category.name} into another category`}>
      {reason && (
        <p className="notice notice-error" role="alert">
          {reason}
        </p>
      )}
      {targets.length === 0 ? (
        <div className="panel-form">
          <p>
            There is no other {category.type} category in {category.currency} to merge {category.name} into.
            Create one first.
          </p>
          <button type="button" className="button small" onClick={onDone}>
            Close
          </button>
        </div>
      ) : (
        <form
          className="panel-form"
          onKeyDown={escapeCancels(onDone)}
          onSubmit={(event) => {
            event.preventDefault();
            afterSuccess(merge.mutateAsync({ id: category.id, into: Number(into) }), () =>
              announce(`${category.name} is merged into ${target?.name}.`),
            );
          }}
        >
          <p className="hint">
            Every transaction of {category.name}, its balance and the payees that default to it move to the
            category you pick; then {category.name} is deleted.
          </p>
          <Field label="Merge into" error={fieldError(merge.error, '/into')}>
            {(props) => (
              <select {...props} ref={select} value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="" disabled>
                  Choose a category…
                </option>
                {targets.map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.name}
                    {other.hidden ? ' (hidden)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ErrorNotice error={formError(merge.error, ['/into'])} />
          <div className="form-actions">
            <button type="submit" className="button primary small" disabled={merge.isPending || !target}>
              {target ? `Merge into ${target.name}` : 'Merge'}
            </button>
            <button type="button" className="button small" onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </RowPanel>
  );
}

function NewGroupForm({
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

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, kind }, { onSuccess: onDone });
  }

  return (
    <form
      className="card form-grid"
      onSubmit={submit}
      onKeyDown={escapeCancels(onDone)}
      noValidate
      aria-label="New category group"
    >
      <Field label="Group name" error={fieldError(create.error, '/name')}>
        {(props) => (
          <input
            {...props}
            ref={nameInput}
            required
            maxLength={200}
            value={name}
            placeholder="Housing"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <KindField value={kind} onChange={setKind} error={fieldError(create.error, '/kind')} />
      <ErrorNotice error={formError(create.error, ['/name', '/kind'])} />
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={create.isPending}>
          Create group
        </button>
        <button className="button" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function NewCategoryForm({
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

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, kind, groupId: groupId === '' ? null : Number(groupId) }, { onSuccess: onDone });
  }

  return (
    <form
      className="card form-grid"
      onSubmit={submit}
      onKeyDown={escapeCancels(onDone)}
      noValidate
      aria-label="New category"
    >
      <Field label="Category name" error={fieldError(create.error, '/name')}>
        {(props) => (
          <input
            {...props}
            ref={nameInput}
            required
            maxLength={200}
            value={name}
            placeholder="Groceries"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
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
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={create.isPending}>
          Create category
        </button>
        <button className="button" type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function KindField({
  value,
  onChange,
  error,
}: {
  value: CategoryKind;
  onChange: (kind: CategoryKind) => void;
  error: string | undefined;
}) {
  return (
    <Field label="Kind" error={error}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value as CategoryKind)}>
          {KINDS.map((option) => (
            <option key={option.kind} value={option.kind}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
