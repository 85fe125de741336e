import Type from 'typebox';
import { Enum, Id, Instant, Name } from './common.ts';
import { MoveToQuery } from './names.ts';

/** Income categories receive money (salary), expense categories spend it (groceries). */
export const CategoryKind = Enum(['income', 'expense']);

const Position = Type.Integer({
  minimum: 0,
  maximum: 1_000_000,
  description: 'Order within the kind, smallest first; ties sort by name.',
});

export const CategoryGroup = Type.Object({
  id: Id,
  name: Type.String(),
  kind: CategoryKind,
  position: Type.Integer(),
  hidden: Type.Boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewCategoryGroup = Type.Object(
  {
    name: Name,
    kind: CategoryKind,
    position: Type.Optional(Position),
    hidden: Type.Optional(Type.Boolean({ default: false })),
  },
  {
    additionalProperties: false,
    description:
      'Names are unique per kind in a book, ignoring case. Without a position the group goes last.',
  },
);

export const CategoryGroupPatch = Type.Object(
  {
    name: Type.Optional(Name),
    position: Type.Optional(Position),
    hidden: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1, description: 'A group keeps its kind.' },
);

export const DeleteCategoryGroupQuery = MoveToQuery(
  'A group that still holds categories is kept (CATEGORY_GROUP_IN_USE) unless `moveTo` names a group of the same kind to take them over.',
);
