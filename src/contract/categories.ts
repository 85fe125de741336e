import Type from 'typebox';
import { Account } from './accounts.ts';
import { CategoryKind } from './category-groups.ts';
import { CurrencyCode, Id, LongText, Money, Name, Nullable } from './common.ts';
import { MergeInto, MoveToQuery } from './names.ts';

/** Categories are the book's income and expense accounts: the API shows them as accounts. */

const Target = Type.Union([Money, Type.Null()], {
  description:
    "An expense category's monthly target, in the book's base currency and not negative: what the envelope budget's `targets` fill assigns it. Null: none.",
});

/** A category answers as an account with its monthly target. */
export const Category = Type.Object({ ...Account.properties, target: Target });

export const CategoryListQuery = Type.Object(
  {
    kind: Type.Optional(CategoryKind),
    includeHidden: Type.Optional(
      Type.Boolean({
        default: true,
        description: 'False leaves out hidden categories and those of hidden groups.',
      }),
    ),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const NewCategory = Type.Object(
  {
    name: Name,
    kind: CategoryKind,
    groupId: Type.Optional(Nullable(Id)),
    parentId: Type.Optional(Nullable(Id)),
    currency: Type.Optional(CurrencyCode),
    notes: Type.Optional(Nullable(LongText)),
  },
  {
    additionalProperties: false,
    description:
      'The group must be of the same kind; a parent must be a category of the same kind. Currency defaults to the book’s base currency. Category names are unique in a book, ignoring case.',
  },
);

export const CategoryPatch = Type.Object(
  {
    name: Type.Optional(Name),
    groupId: Type.Optional(Nullable(Id)),
    parentId: Type.Optional(Nullable(Id)),
    hidden: Type.Optional(Type.Boolean()),
    notes: Type.Optional(Nullable(LongText)),
    target: Type.Optional(Target),
  },
  { additionalProperties: false, minProperties: 1, description: 'A category keeps its kind and currency.' },
);

export const DeleteCategoryQuery = MoveToQuery(
  'A category with postings is kept (ACCOUNT_IN_USE) unless `moveTo` names a category of the same currency to take them over: that merges the two.',
);

export const CategoryMerge = MergeInto(
  'The category, of the same currency, that takes over the postings and payee defaults of the merged one; the merged one is deleted.',
);
