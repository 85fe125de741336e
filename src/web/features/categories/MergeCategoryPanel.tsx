import type { CategoryJson } from '../../api/types.ts';
import { MergePanel } from '../../ui/MergePanel.tsx';
import { mergeTargets } from './arrange.ts';
import { useMergeCategory } from './queries.ts';

/** Merges a category into another of its kind and currency; `reason` says why a delete led here. */
export function MergeCategoryPanel({
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
  return (
    <MergePanel
      level={4}
      noun="category"
      item={category}
      targets={mergeTargets(category, all)}
      merge={merge}
      reason={reason}
      onDone={onDone}
      none={
        <>
          There is no other {category.type} category in {category.currency} to merge {category.name} into.
          Create one first.
        </>
      }
      hint={
        <>
          Every transaction of {category.name}, its balance and the payees that default to it move to the
          category you pick; then {category.name} is deleted.
        </>
      }
    />
  );
}
