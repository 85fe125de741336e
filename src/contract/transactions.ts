import Type from 'typebox';
import { TRANSACTION_STATUSES } from '../core/ledger/transaction.ts';
import {
  CurrencyCode,
  described,
  Enum,
  Id,
  Instant,
  IsoDate,
  LongPageQuery,
  LongText,
  Money,
  Name,
  Nullable,
  ShortText,
} from './common.ts';

export const Status = Enum(TRANSACTION_STATUSES, {
  description: 'pending → cleared (seen on the statement) → reconciled (statement closed).',
});

export const PostingInput = Type.Object(
  {
    accountId: Id,
    amount: Type.Optional(Money),
    value: Type.Optional(Money),
    memo: Type.Optional(Nullable(ShortText)),
  },
  {
    additionalProperties: false,
    description:
      '`amount` is what the account sees, in its currency (positive: into the account). `value` is the same movement in the transaction’s currency; give it only when the account’s currency differs. One posting may leave both out to take the balance.',
  },
);

const transactionFields = {
  date: IsoDate,
  currency: Type.Optional(
    described(CurrencyCode, 'Defaults to the currency of the first posting’s account.'),
  ),
  payeeId: Type.Optional(Nullable(Id)),
  payeeName: Type.Optional(described(Name, 'Finds the payee by name, or creates it; instead of payeeId.')),
  description: Type.Optional(ShortText),
  notes: Type.Optional(Nullable(LongText)),
  status: Type.Optional(Status),
  tagIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  postings: Type.Array(PostingInput, {
    maxItems: 500,
    description: 'At least two; their values sum to zero.',
  }),
};

export const NewTransaction = Type.Object(transactionFields, {
  additionalProperties: false,
  description:
    'A balanced transaction: an expense with splits is one posting out of the paying account and one per category.',
});

export const TransactionPatch = Type.Object(
  {
    date: Type.Optional(IsoDate),
    currency: transactionFields.currency,
    payeeId: transactionFields.payeeId,
    payeeName: transactionFields.payeeName,
    description: transactionFields.description,
    notes: transactionFields.notes,
    status: transactionFields.status,
    tagIds: transactionFields.tagIds,
    postings: Type.Optional(transactionFields.postings),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'Fields left out stay; `postings`, when given, replace them all.',
  },
);

export const PostingOutput = Type.Object({
  id: Id,
  accountId: Id,
  amount: Money,
  value: Money,
  memo: Nullable(Type.String()),
});

export const Transaction = Type.Object({
  id: Id,
  date: IsoDate,
  currency: CurrencyCode,
  total: described(Money, 'What moved: the sum of the positive values.'),
  payee: Nullable(Type.Object({ id: Id, name: Type.String() })),
  description: Type.String(),
  notes: Nullable(Type.String()),
  status: Status,
  tags: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  postings: Type.Array(PostingOutput),
  createdAt: Instant,
  createdBy: Nullable(Id),
  updatedAt: Instant,
  updatedBy: Nullable(Id),
});

const NonNegativeDecimal = Type.String({
  pattern: '^\\d{1,20}(\\.\\d{1,20})?$',
  maxLength: 41,
  example: '25.00',
});

/** The filters of `GET /transactions`, shared by its summary. */
const TransactionFilters = {
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  accountId: Type.Optional(described(Id, 'Transactions posting to this account.')),
  categoryId: Type.Optional(described(Id, 'Transactions posting to this category.')),
  payeeId: Type.Optional(Id),
  tagId: Type.Optional(Id),
  status: Type.Optional(Status),
  minAmount: Type.Optional(
    described(NonNegativeDecimal, 'Lower bound of the total, in each transaction’s currency.'),
  ),
  maxAmount: Type.Optional(described(NonNegativeDecimal, 'Upper bound of the total.')),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Text in the description, notes, payee or a memo.',
    }),
  ),
};

export const TransactionQuery = Type.Object(
  { ...TransactionFilters, ...LongPageQuery },
  { additionalProperties: false },
);

export const TransactionSummaryQuery = Type.Object(TransactionFilters, { additionalProperties: false });

export const TransactionSummary = Type.Object({
  count: Type.Integer({ minimum: 0, description: 'Transactions matching the filters, all pages.' }),
  totals: Type.Array(Money, {
    description:
      'Per currency. With `accountId` (else `categoryId`): Σ of that account’s postings, money in positive (a category’s turned round: spending negative). Without: Σ of the transactions’ totals, what moved.',
  }),
});

export const TransactionPage = Type.Object({
  items: Type.Array(Transaction, { description: 'Newest first.' }),
  nextCursor: Nullable(Type.String()),
});
