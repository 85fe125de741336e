import type { TagJson } from '../../api/types.ts';
import { DeletePanel } from '../../ui/DeletePanel.tsx';
import { useDeleteTag } from './queries.ts';

/** Deletes a tag after asking; its transactions stay and only lose the tag. */
export function DeleteTagPanel({
  bookId,
  tag,
  onDone,
}: {
  bookId: number;
  tag: TagJson;
  onDone: () => void;
}) {
  const remove = useDeleteTag(bookId);
  return (
    <DeletePanel
      id={tag.id}
      name={tag.name}
      title={`Delete the tag ${tag.name}?`}
      announcement={`The tag ${tag.name} is deleted.`}
      remove={remove}
      hint="Its transactions stay; they only lose this tag."
      onDone={onDone}
    />
  );
}
