import { useId, useState } from 'react';
import type { CategoryGroupJson, CategoryJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { afterSuccess } from '../../ui/afterSuccess.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { InlineTextForm } from '../../ui/InlineTextForm.tsx';
import { PanelToggle } from '../../ui/PanelToggle.tsx';
import { type GroupSection, sectionTotal } from './arrange.ts';
import { CategoryRow } from './CategoryRow.tsx';
import { HideToggle } from './HideToggle.tsx';
import { useDeleteGroup, useUpdateGroup } from './queries.ts';

/** A group (or the categories in none) with its total: renamed, hidden or deleted from its header. */
export function GroupBlock({
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
              <PanelToggle
                label="Rename"
                detail={`the group ${group.name}`}
                open={renaming}
                onToggle={() => setRenaming(!renaming)}
              />
              <HideToggle
                hidden={group.hidden}
                pending={update.isPending}
                subject={`The group ${group.name}`}
                detail={`the group ${group.name}`}
                setHidden={(hidden) => update.mutateAsync({ id: group.id, hidden })}
              />
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
