import { Announcer } from '../../ui/Announcer.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { PageLoading } from '../../ui/PageLoading.tsx';
import { useBookId } from '../books/queries.ts';
import { NewTagForm } from './NewTagForm.tsx';
import { useTagList } from './queries.ts';
import { TagRow } from './TagRow.tsx';

/** /books/:bookId/tags: labels that cut across categories (a trip, a project), each with a colour. */
export function TagsPage() {
  const bookId = useBookId();
  const tags = useTagList(bookId);

  if (tags.isPending) return <PageLoading title="Tags" what="tags" />;
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
