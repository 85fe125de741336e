import { useState } from 'react';
import { ApiError } from '../../api/http.ts';
import type { CategoryGroupJson, CategoryJson } from '../../api/types.ts';
import { Amount } from '../../ui/Amount.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { InlineTextForm } from '../../ui/InlineTextForm.tsx';
import { PanelToggle } from '../../ui/PanelToggle.tsx';
import { displayedBalance } from './arrange.ts';
import { HideToggle } from './HideToggle.tsx';
import { MergeCategoryPanel } from './MergeCategoryPanel.tsx';
import { MovePanel } from './MovePanel.tsx';
import { useDeleteCategory, useUpdateCategory } from './queries.ts';
import { TargetPanel } from './TargetPanel.tsx';

type RowMode =
  | { mode: 'view' }
  | { mode: 'rename' }
  | { mode: 'move' }
  | { mode: 'target' }
  | { mode: 'merge'; reason?: string };

/** One category with its balance, renamed in place; moved, merged, hidden or deleted from its row. */
export function CategoryRow({
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
  function toggle(mode: 'rename' | 'move' | 'target' | 'merge') {
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
        {category.target && (
          <span className="muted category-target">
            Target <Amount value={category.target} /> a month
          </span>
        )}
        <span className="row-actions">
          <PanelToggle
            label="Rename"
            detail={category.name}
            open={state.mode === 'rename'}
            onToggle={() => toggle('rename')}
          />
          <PanelToggle
            label="Move"
            detail={`${category.name} to another group`}
            open={state.mode === 'move'}
            onToggle={() => toggle('move')}
          />
          {category.type === 'expense' && (
            <PanelToggle
              label="Target"
              detail={`per month of ${category.name}`}
              open={state.mode === 'target'}
              onToggle={() => toggle('target')}
            />
          )}
          <HideToggle
            hidden={category.hidden}
            pending={update.isPending}
            subject={category.name}
            detail={category.name}
            setHidden={(hidden) => update.mutateAsync({ id: category.id, hidden })}
          />
          <PanelToggle
            label="Merge"
            detail={`${category.name} into another category`}
            open={state.mode === 'merge'}
            onToggle={() => toggle('merge')}
          />
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
      {state.mode === 'target' && <TargetPanel bookId={bookId} category={category} onDone={close} />}
      {state.mode === 'merge' && (
        <MergeCategoryPanel
          bookId={bookId}
          category={category}
          all={all}
          reason={state.reason}
          onDone={close}
        />
      )}
    </li>
  );
}
