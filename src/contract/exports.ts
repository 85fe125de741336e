import Type, { type TSchema } from 'typebox';
import { TRANSACTION_STATUSES } from '../core/ledger/transaction.ts';
import { Book } from './books.ts';
import { CurrencyCode, DecimalString, described, Enum, Id, Instant, IsoDate, Nullable } from './common.ts';
import { TransactionQuery } from './transactions.ts';

/** The filters of GET /transactions (no cursor: the export holds every page), and the format. */
export const TransactionExportQuery = Type.Object(
  {
    ...Type.Omit(TransactionQuery, ['cursor', 'limit']).properties,
    format: Type.Optional(Enum(['csv'], { description: 'The only format so far, and the default.' })),
  },
  { additionalProperties: false },
);

export const CsvText = Type.String({
  description:
    'text/csv (RFC 4180, CRLF): one `transaction` line per transaction and a `split` line per counterpart of a split. See docs/export.md.',
});

export const JournalText = Type.String({
  description: 'text/plain: an hledger journal of the whole book. See docs/export.md.',
});

const stamps = { createdAt: Instant, updatedAt: Instant };
const Decimal = described(DecimalString, 'An exact decimal of the currency the row names.');
const Json = Type.Object({}, { additionalProperties: true });
const Rows = <T extends TSchema>(item: T) => Type.Array(item);

/** The backup document, for the API docs; restore checks it field by field (src/core/export). */
export const BackupDocument = Type.Object(
  {
    format: Type.Literal('moneta-backup'),
    version: Type.Literal(1),
    exportedAt: Instant,
    book: Type.Object({ id: Id, name: Type.String(), baseCurrency: CurrencyCode, ...stamps }),
    categoryGroups: Rows(
      Type.Object({
        id: Id,
        name: Type.String(),
        kind: Enum(['income', 'expense']),
        position: Type.Integer(),
        hidden: Type.Boolean(),
        ...stamps,
      }),
    ),
    accounts: Rows(
      Type.Object({
        id: Id,
        name: Type.String(),
        type: Type.String(),
        subtype: Nullable(Type.String()),
        currency: CurrencyCode,
        parentId: Nullable(Id),
        groupId: Nullable(Id),
        role: Nullable(Type.String()),
        notes: Nullable(Type.String()),
        archived: Type.Boolean(),
        hidden: Type.Boolean(),
        ...stamps,
      }),
    ),
    payees: Rows(Type.Object({ id: Id, name: Type.String(), defaultCategoryId: Nullable(Id), ...stamps })),
    tags: Rows(Type.Object({ id: Id, name: Type.String(), color: Nullable(Type.String()), ...stamps })),
    importBatches: Rows(Json),
    transactions: Rows(
      Type.Object({
        id: Id,
        date: IsoDate,
        currency: CurrencyCode,
        payeeId: Nullable(Id),
        description: Type.String(),
        notes: Nullable(Type.String()),
        status: Enum(TRANSACTION_STATUSES),
        tagIds: Type.Array(Id),
        importBatchId: Nullable(Id),
        importKey: Nullable(Type.String()),
        ...stamps,
        postings: Type.Array(
          Type.Object({
            accountId: Id,
            amount: described(Decimal, "In the account's currency."),
            value: described(Decimal, "In the transaction's currency."),
            memo: Nullable(Type.String()),
          }),
        ),
      }),
    ),
    budgets: Rows(Json),
    notifications: Rows(Json),
    envelope: Type.Object({
      settings: Nullable(Json),
      assignments: Rows(Json),
      moves: Rows(Json),
    }),
    importProfiles: Rows(Json),
    rules: Rows(Json),
  },
  {
    description:
      'Every table of a book with the ids of the database it came from; money as exact decimal strings. See docs/export.md.',
  },
);

export const RestoreQuery = Type.Object(
  {
    name: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: '\\S',
        description: "The new book's name; by default the backed-up book's.",
      }),
    ),
  },
  { additionalProperties: false },
);

export const RestoreResult = Type.Object({
  book: Book,
  counts: Type.Object({
    accounts: Type.Integer(),
    categoryGroups: Type.Integer(),
    payees: Type.Integer(),
    tags: Type.Integer(),
    transactions: Type.Integer(),
    postings: Type.Integer(),
    budgets: Type.Integer(),
    rules: Type.Integer(),
    importProfiles: Type.Integer(),
    importBatches: Type.Integer(),
  }),
});
