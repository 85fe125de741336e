import Type from 'typebox';
import { Id, Instant, Name, Nullable } from './common.ts';
import { MergeInto } from './names.ts';

export const Payee = Type.Object({
  id: Id,
  name: Type.String(),
  defaultCategoryId: Nullable(Id),
  createdAt: Instant,
  updatedAt: Instant,
});

const DefaultCategoryId = Nullable({
  ...Id,
  description: 'The category a new transaction with this payee gets unless told otherwise.',
});

export const NewPayee = Type.Object(
  { name: Name, defaultCategoryId: Type.Optional(DefaultCategoryId) },
  { additionalProperties: false, description: 'Payee names are unique in a book, ignoring case.' },
);

export const PayeePatch = Type.Object(
  { name: Type.Optional(Name), defaultCategoryId: Type.Optional(DefaultCategoryId) },
  { additionalProperties: false, minProperties: 1 },
);

export const PayeeListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 200, description: 'Only payees whose name contains this, ignoring case.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
  },
  { additionalProperties: false },
);

export const PayeeMerge = MergeInto(
  'The payee that takes over the transactions of the merged one, and its default category if it has none; the merged one is deleted.',
);
