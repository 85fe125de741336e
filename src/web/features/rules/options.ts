import type { AccountJson, CategoryJson, TagJson } from '../../api/types.ts';

/** What a rule's inputs choose from, and the currency its amounts are typed in. */
export interface RuleOptions {
  categories: readonly CategoryJson[];
  tags: readonly TagJson[];
  accounts: readonly AccountJson[];
  currency: string;
  locale: string;
}

/** Categories a rule may set: income and expense, not archived, by name. */
export const usableCategories = (categories: readonly CategoryJson[]) =>
  categories
    .filter((c) => !c.archived && (c.type === 'expense' || c.type === 'income'))
    .sort((a, b) => a.name.localeCompare(b.name));
