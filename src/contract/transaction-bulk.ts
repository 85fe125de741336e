import Type from 'typebox';
import { Id, IsoDate, Name, Nullable } from './common.ts';
import { NewTransaction, Status, Transaction } from './transactions.ts';

/** Bulk edits of transactions (issue 13): one request for many, and one request to undo it. */

const Ids = Type.Array(Id, {
  minItems: 1,
  maxItems: 500,
  uniqueItems: true,
  description: 'The transactions, at most 500.',
});

export const BulkTransactionChange = Type.Object(
  {
    categoryId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description:
          'Moves each transaction’s one category posting to this category (same currency). A split or a transfer has no one category: it is refused, by its index in `ids`.',
      }),
    ),
    payeeId: Type.Optional(Nullable(Id)),
    payeeName: Type.Optional(Name),
    status: Type.Optional(Status),
    date: Type.Optional(IsoDate),
    addTagIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
    removeTagIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  },
  { additionalProperties: false, minProperties: 1, description: 'Fields left out stay as they are.' },
);

export const BulkTransactionUpdate = Type.Object(
  { ids: Ids, set: BulkTransactionChange },
  { additionalProperties: false },
);

export const BulkTransactionDelete = Type.Object({ ids: Ids }, { additionalProperties: false });

export const RestoredTransaction = Type.Object(
  { id: Id, ...NewTransaction.properties },
  {
    additionalProperties: false,
    description:
      'A transaction as it was: written back over the one with this id, or made anew (under a new id) when that was deleted.',
  },
);

export const BulkTransactionRestore = Type.Object(
  { transactions: Type.Array(RestoredTransaction, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export const BulkTransactionResult = Type.Object({
  transactions: Type.Array(Transaction, {
    description: 'The transactions as they are now, in the order asked.',
  }),
  previous: Type.Array(RestoredTransaction, {
    description:
      'The transactions as they were before (of a restore: those that existed), as `bulk-restore` takes them: send them back to undo.',
  }),
});
