import Type from 'typebox';
import { Id } from './common.ts';

/**
 * The name of a category, category group, payee or tag: unique in its book (a group's within its
 * kind) regardless of letter case. Surrounding spaces are trimmed; a name of spaces alone is refused.
 */
export const ItemName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

/** The body of a merge: `into` is the item that absorbs the merged one. */
export const MergeInto = (description: string) =>
  Type.Object({ into: Id }, { additionalProperties: false, description });

/** The query of a delete that can first move what the item holds to another item. */
export const MoveToQuery = (description: string) =>
  Type.Object({ moveTo: Type.Optional(Id) }, { additionalProperties: false, description });
