import type { CategoryGroupJson, CategoryJson, MoneyJson } from '../../api/types.ts';
import { negateDecimal } from '../../ui/Amount.tsx';
import { sumByCurrency } from '../../ui/money.ts';
import type { CategoryKind } from './queries.ts';

export const KINDS: readonly { kind: CategoryKind; title: string; label: string }[] = [
  { kind: 'expense', title: 'Expense categories', label: 'Expense' },
  { kind: 'income', title: 'Income categories', label: 'Income' },
];

/** One block of the page: a group (or the categories in none) with the categories shown in it. */
export interface GroupSection {
  kind: CategoryKind;
  /** null: the categories that belong to no group. */
  group: CategoryGroupJson | null;
  categories: CategoryJson[];
  /** Every category in the group, shown or not: a group is empty (deletable) only when this is 0. */
  size: number;
}

export interface KindSection {
  kind: CategoryKind;
  title: string;
  sections: GroupSection[];
}

export interface Arrangement {
  kinds: KindSection[];
  /** Categories and groups left out because they are hidden (0 when hidden ones are shown). */
  hiddenCount: number;
}

/** A category is out of sight when it is hidden itself or its group is. */
export function isConcealed(category: CategoryJson, hiddenGroups: ReadonlySet<number>): boolean {
  return category.hidden || (category.groupId !== null && hiddenGroups.has(category.groupId));
}

/**
 * Lays categories out as the page shows them: expense then income; in each, the groups in the API's
 * order (position, name), empty ones too, then "No group" when some category has none (or a group
 * this book no longer has). Without `showHidden`, hidden groups and categories are left out.
 */
export function arrangeCategories(
  categories: readonly CategoryJson[],
  groups: readonly CategoryGroupJson[],
  showHidden: boolean,
): Arrangement {
  const hiddenGroups = new Set(groups.filter((group) => group.hidden).map((group) => group.id));
  const known = new Set(groups.map((group) => group.id));
  let hiddenCount = 0;
  if (!showHidden) {
    hiddenCount =
      hiddenGroups.size + categories.filter((category) => isConcealed(category, hiddenGroups)).length;
  }
  const visible = (category: CategoryJson) => showHidden || !isConcealed(category, hiddenGroups);

  const kinds = KINDS.map(({ kind, title }) => {
    const ofKind = categories.filter((category) => category.type === kind);
    const sections: GroupSection[] = groups
      .filter((group) => group.kind === kind && (showHidden || !group.hidden))
      .map((group) => {
        const members = ofKind.filter((category) => category.groupId === group.id);
        return { kind, group, categories: members.filter(visible), size: members.length };
      });
    const loose = ofKind.filter((category) => category.groupId === null || !known.has(category.groupId));
    const shown = loose.filter(visible);
    if (shown.length > 0) sections.push({ kind, group: null, categories: shown, size: loose.length });
    return { kind, title, sections };
  });
  return { kinds, hiddenCount };
}

/**
 * What a category's balance means to a person: money spent on an expense category, money received
 * from an income one. Double entry keeps income negative; it is shown positive here.
 */
export function displayedBalance(category: CategoryJson): MoneyJson {
  return category.type === 'income'
    ? { ...category.balance, amount: negateDecimal(category.balance.amount) }
    : category.balance;
}

/** The total of the categories shown, per currency, in the same sense as `displayedBalance`. */
export function sectionTotal(categories: readonly CategoryJson[]): MoneyJson[] {
  return sumByCurrency(categories.map(displayedBalance));
}

/** The categories `category` can be merged into: same kind and currency, not itself, not archived. */
export function mergeTargets(category: CategoryJson, all: readonly CategoryJson[]): CategoryJson[] {
  return all.filter(
    (other) =>
      other.id !== category.id &&
      other.type === category.type &&
      other.currency === category.currency &&
      !other.archived,
  );
}
