import Type from 'typebox';
import { Id, Instant, Name, Nullable } from './common.ts';

const Color = Type.String({
  pattern: '^#[0-9a-fA-F]{6}$',
  maxLength: 7,
  description: 'A colour as #rrggbb; stored in lower case.',
  example: '#3b82f6',
});

export const Tag = Type.Object({
  id: Id,
  name: Type.String(),
  color: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewTag = Type.Object(
  { name: Name, color: Type.Optional(Nullable(Color)) },
  { additionalProperties: false, description: 'Tag names are unique in a book, ignoring case.' },
);

export const TagPatch = Type.Object(
  { name: Type.Optional(Name), color: Type.Optional(Nullable(Color)) },
  { additionalProperties: false, minProperties: 1 },
);
