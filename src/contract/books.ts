import Type from 'typebox';
import { CurrencyCode, Enum, Id, Instant, Name } from './common.ts';

export const Role = Enum(['owner', 'editor', 'viewer']);

export const Book = Type.Object({
  id: Id,
  name: Type.String(),
  baseCurrency: CurrencyCode,
  role: Role,
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewBook = Type.Object(
  { name: Name, baseCurrency: CurrencyCode },
  { additionalProperties: false },
);

export const BookPatch = Type.Object(
  { name: Type.Optional(Name), baseCurrency: Type.Optional(CurrencyCode) },
  { additionalProperties: false, minProperties: 1 },
);

export const Member = Type.Object({
  userId: Id,
  email: Type.String(),
  name: Type.String(),
  role: Role,
  since: Instant,
});

export const MemberParams = Type.Object({ bookId: Id, userId: Id }, { additionalProperties: false });

export const MemberPatch = Type.Object({ role: Role }, { additionalProperties: false });
