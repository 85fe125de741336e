import { useState } from 'react';
import { Announcer } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PageLoading } from '../../ui/PageLoading.tsx';
import { useBookId } from '../books/queries.ts';
import { arrangeCategories } from './arrange.ts';
import { GroupBlock } from './GroupBlock.tsx';
import { NewCategoryForm } from './NewCategoryForm.tsx';
import { NewGroupForm } from './NewGroupForm.tsx';
import { type CategoryKind, useCategoryGroups, useCategoryList } from './queries.ts';
import { StarterSets } from './StarterSets.tsx';
import { SHOW_HIDDEN } from './showHidden.ts';

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

  if (categories.isPending || groups.isPending) return <PageLoading title="Categories" what="categories" />;
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
                Categories say where money comes from and where it goes. Start with a ready-made set and
                change it as you go, or make your own groups and categories.
              </p>
              <StarterSets bookId={bookId} />
              <div className="form-actions centered">
                <button
                  type="button"
                  className="button"
                  onClick={() => setForm({ type: 'group', kind: 'expense' })}
                >
                  Create your own group
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setForm({ type: 'category', kind: 'expense', groupId: null })}
                >
                  Add a single category
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
