import type { RuleAction } from './types.ts';

/**
 * The actions with every use of category `fromId` (set category, split parts) moved to `toId`, or
 * null when none used it: what a category merge does to the rules that named the merged category.
 */
export function reassignCategory(
  actions: readonly RuleAction[],
  fromId: number,
  toId: number,
): RuleAction[] | null {
  let changed = false;
  const moved = actions.map((action): RuleAction => {
    if (action.type === 'setCategory' && action.categoryId === fromId) {
      changed = true;
      return { ...action, categoryId: toId };
    }
    if (action.type === 'split' && action.parts.some((part) => part.categoryId === fromId)) {
      changed = true;
      return {
        ...action,
        parts: action.parts.map((part) =>
          part.categoryId === fromId ? { ...part, categoryId: toId } : part,
        ),
      };
    }
    return action;
  });
  return changed ? moved : null;
}
