import Type from 'typebox';
import { Id } from './common.ts';

/** The body of a merge: `into` is the item that absorbs the merged one. */
export const MergeInto = (description: string) =>
  Type.Object({ into: Id }, { additionalProperties: false, description });

/** The query of a delete that can first move what the item holds to another item. */
export const MoveToQuery = (description: string) =>
  Type.Object({ moveTo: Type.Optional({ ...Id, description }) }, { additionalProperties: false });
