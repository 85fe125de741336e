import type { AccountJson } from '../../api/types.ts';

/**
 * What the other side of a register line can be: a category, or another account (a transfer).
 * Each has a label typed or picked in the editor; labels are unique within a book.
 */
export interface Target {
  id: number;
  label: string;
  account: AccountJson;
}

export function targetsFor(
  account: AccountJson,
  accounts: readonly AccountJson[],
  categories: readonly AccountJson[],
): Target[] {
  return [
    ...categories
      .filter((category) => !category.archived)
      .map((category) => ({ id: category.id, label: category.name, account: category })),
    ...accounts
      .filter(
        (other) =>
          other.id !== account.id &&
          !other.archived &&
          (other.type === 'asset' || other.type === 'liability'),
      )
      .map((other) => ({ id: other.id, label: `Transfer: ${other.name}`, account: other })),
  ];
}

export function targetByLabel(targets: readonly Target[], label: string): Target | undefined {
  const wanted = label.trim().toLowerCase();
  return targets.find((target) => target.label.toLowerCase() === wanted);
}
