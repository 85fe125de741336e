import Type from 'typebox';
import { STARTER_LANGUAGES, STARTER_SETS } from '../core/categories/starter-sets.ts';
import { Category } from './categories.ts';
import { CategoryGroup, CategoryKind } from './category-groups.ts';
import { Enum } from './common.ts';

/** Starter category sets: what a new book can begin with (`src/core/categories/starter-sets.ts`). */
export const StarterSetId = Enum(STARTER_SETS, {
  description: '`household`: 20 categories in 6 groups; `detailed`: 47 in 10.',
});

export const StarterLanguage = Enum(STARTER_LANGUAGES, {
  description: 'The language the names are written in. Default `en`.',
});

export const StarterSetsQuery = Type.Object(
  { language: Type.Optional(StarterLanguage) },
  { additionalProperties: false },
);

export const StarterSet = Type.Object({
  id: StarterSetId,
  groups: Type.Array(
    Type.Object({ kind: CategoryKind, name: Type.String(), categories: Type.Array(Type.String()) }),
  ),
});

export const AddStarterSet = Type.Object(
  { set: StarterSetId, language: Type.Optional(StarterLanguage) },
  { additionalProperties: false },
);

export const StarterSetAdded = Type.Object({
  groups: Type.Array(CategoryGroup, { description: 'The groups made for the set (existing ones are used).' }),
  categories: Type.Array(Category, { description: 'The categories made.' }),
  skipped: Type.Array(Type.String(), {
    description: 'Categories of the set whose names the book already uses: not made again.',
  }),
});
