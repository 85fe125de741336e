import Type, { type Static } from 'typebox';
import { QIF_DATE_ORDERS } from '../core/import/qif/qif-date.ts';
import {
  CSV_DELIMITERS,
  CSV_ENCODINGS,
  DATE_FORMATS,
  DECIMAL_SEPARATORS,
  STATEMENT_FORMATS,
  THOUSANDS_SEPARATORS,
} from '../core/import/types.ts';
import { TRANSACTION_STATUSES } from '../core/ledger/transaction.ts';
import { Enum, Id, Instant, IsoDate, Money, Name, Nullable } from './common.ts';

/** Import of bank files: the CSV mapping, the preview, the commit and its batches, saved profiles. */

const Column = Type.Integer({ minimum: 0, maximum: 199, description: 'A 0-based column number.' });
const Line = Type.Integer({ minimum: 1, description: 'A 1-based physical line number.' });

export const DateFormat = Enum(DATE_FORMATS, {
  description: 'YYYY/YY year, MM/DD month/day (leading zero optional), MMM English month abbreviation.',
});

export const CsvAmountMapping = Type.Union([
  Type.Object(
    { kind: Type.Literal('signed'), column: Column },
    { additionalProperties: false, description: 'One signed amount column.' },
  ),
  Type.Object(
    { kind: Type.Literal('debit-credit'), debitColumn: Column, creditColumn: Column },
    { additionalProperties: false, description: 'Money out in one column, money in in another.' },
  ),
  Type.Object(
    {
      kind: Type.Literal('sign-column'),
      column: Column,
      signColumn: Column,
      debitValues: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    },
    {
      additionalProperties: false,
      description: 'An unsigned amount and a column whose value (one of `debitValues`) marks money out.',
    },
  ),
]);

export const CsvMapping = Type.Object(
  {
    encoding: Enum(CSV_ENCODINGS),
    delimiter: Enum(CSV_DELIMITERS),
    headerLine: Nullable(Line),
    firstDataLine: Line,
    footerLines: Type.Integer({ minimum: 0, maximum: 1000 }),
    dateColumn: Column,
    dateFormat: DateFormat,
    valueDateColumn: Nullable(Column),
    amount: CsvAmountMapping,
    decimalSeparator: Enum(DECIMAL_SEPARATORS),
    thousandsSeparator: Enum(THOUSANDS_SEPARATORS),
    invertSign: Type.Boolean(),
    payeeColumn: Nullable(Column),
    descriptionColumns: Type.Array(Column, { maxItems: 20 }),
    currencyColumn: Nullable(Column),
    referenceColumn: Nullable(Column),
    balanceColumn: Nullable(Column),
    statusColumn: Nullable(Column),
    pendingValues: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
    currency: Nullable(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false, description: 'How rows are read out of a CSV file (detected, editable).' },
);

export const StatementFormat = Enum(STATEMENT_FORMATS);

export const ImportFile = Type.Object(
  {
    fileName: Type.String({ minLength: 1, maxLength: 255 }),
    content: Type.String({
      contentEncoding: 'base64',
      maxLength: 70_000_000,
      description: 'The file, base64-encoded (up to 50 MiB of file).',
    }),
    accountId: Id,
    statementAccounts: Type.Optional(
      Type.Array(
        Type.Object(
          { statement: Type.Integer({ minimum: 0 }), accountId: Id },
          { additionalProperties: false },
        ),
        {
          maxItems: 100,
          description:
            'For files with several statements: the account each one goes to (others go to `accountId`).',
        },
      ),
    ),
    format: Type.Optional(StatementFormat),
    mapping: Type.Optional(Type.Partial(CsvMapping)),
    profileId: Type.Optional(Id),
    qifDateOrder: Type.Optional(Enum(QIF_DATE_ORDERS)),
  },
  { additionalProperties: false },
);
export type ImportFileJson = Static<typeof ImportFile>;

/** What the person decided about a preview's rows, beside what the import decided. */
export const ImportChoices = Type.Object(
  {
    exclude: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0 }), { description: 'Rows (by `index`) not to import.' }),
    ),
    include: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0 }), {
        description: 'Rows flagged as likely duplicates to import anyway.',
      }),
    ),
    categories: Type.Optional(
      Type.Array(
        Type.Object(
          { index: Type.Integer({ minimum: 0 }), categoryId: Nullable(Id) },
          { additionalProperties: false },
        ),
        { description: 'The category chosen for rows, replacing what the import decided.' },
      ),
    ),
    skipErrors: Type.Optional(
      Type.Boolean({
        description:
          'Leave out every row with an error instead of refusing the import (`IMPORT_HAS_ERRORS`).',
      }),
    ),
    profileName: Type.Optional(Name),
  },
  { additionalProperties: false },
);
export type ImportChoicesJson = Static<typeof ImportChoices>;

export const ImportCommit = Type.Object(
  { ...ImportFile.properties, ...ImportChoices.properties },
  { additionalProperties: false },
);
export type ImportCommitJson = Static<typeof ImportCommit>;

const Issue = Type.Object({
  code: Type.String(),
  severity: Enum(['error', 'warning'] as const),
  message: Type.String(),
  line: Nullable(Type.Integer()),
});

const Balance = Nullable(Type.Object({ amount: Money, date: Nullable(IsoDate) }));

const PreviewStatement = Type.Object({
  index: Type.Integer(),
  fileAccountId: Nullable(Type.String()),
  fileAccountType: Nullable(Type.String()),
  fileAccountName: Nullable(Type.String()),
  currency: Nullable(Type.String()),
  accountId: Id,
  rowCount: Type.Integer(),
  openingBalance: Balance,
  closingBalance: Balance,
  balanceAfterImport: Money,
});

const Named = Type.Object({ id: Id, name: Type.String() });

const PreviewRow = Type.Object({
  index: Type.Integer(),
  statement: Type.Integer(),
  line: Type.Integer(),
  raw: Type.String(),
  date: Type.String(),
  valueDate: Nullable(Type.String()),
  amount: Nullable(Money),
  payee: Nullable(Type.String()),
  description: Type.String(),
  reference: Nullable(Type.String()),
  status: Enum(TRANSACTION_STATUSES),
  category: Nullable(
    Type.Object({
      id: Id,
      name: Type.String(),
      source: Enum(['rule', 'file', 'payee', 'suggestion', 'user'] as const),
    }),
  ),
  transferAccount: Nullable(Named),
  split: Type.Array(
    Type.Object({
      categoryId: Nullable(Id),
      accountId: Nullable(Id),
      amount: Money,
      memo: Nullable(Type.String()),
    }),
  ),
  tagIds: Type.Array(Id),
  notes: Nullable(Type.String()),
  matchedRuleIds: Type.Array(Id),
  suggestions: Type.Array(Type.Object({ categoryId: Id, name: Type.String(), confidence: Type.Number() })),
  duplicate: Nullable(
    Type.Object({
      kind: Enum(['exact', 'likely', 'transfer'] as const, {
        description:
          '`exact`: already in the book; `likely`: looks like transaction `transactionId`; `transfer`: the other half of a transfer already in this file.',
      }),
      transactionId: Nullable(Id),
    }),
  ),
  issues: Type.Array(Issue),
  action: Enum(['import', 'skip'] as const, {
    description: '`skip`: a duplicate, a row with errors, or a row the request excluded.',
  }),
});

/** A kept preview's id (an unguessable UUID, visible only to the user who made it, in its book). */
export const PreviewId = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
  description: 'The id of a kept preview, from `POST …/imports/preview`.',
});

export const PreviewParams = Type.Object(
  { bookId: Id, previewId: PreviewId },
  { additionalProperties: false },
);

export const PREVIEW_ROW_FILTER = '^(all|duplicates|uncategorised|errors|problems|rule:[1-9][0-9]{0,15})$';

export const PreviewRowsQuery = Type.Object(
  {
    filter: Type.Optional(
      Type.String({
        pattern: PREVIEW_ROW_FILTER,
        default: 'all',
        description:
          '`duplicates` (exact, likely, transfer halves), `uncategorised` (no category, transfer or split), `errors`, `problems` (errors and warnings), `rule:<id>` (rows the rule matched); `all` by default.',
      }),
    ),
    cursor: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,9}$', description: 'The `nextCursor` of the previous page.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

const NextCursor = Nullable(
  Type.String({ description: 'Where the next page starts; null on the last page.' }),
);

export const ImportPreview = Type.Object({
  previewId: PreviewId,
  nextCursor: NextCursor,
  format: StatementFormat,
  variant: Type.String(),
  fileName: Type.String(),
  sha256: Type.String(),
  mapping: Nullable(CsvMapping),
  header: Nullable(Type.Array(Type.String())),
  profile: Nullable(Named),
  questions: Type.Array(
    Type.Object({ code: Type.String(), message: Type.String(), options: Type.Array(Type.String()) }),
  ),
  issues: Type.Array(Issue),
  statements: Type.Array(PreviewStatement),
  rows: Type.Array(PreviewRow, { description: 'The first page of rows (100); the rest through `…/rows`.' }),
  summary: Type.Object({
    rows: Type.Integer(),
    toImport: Type.Integer(),
    exactDuplicates: Type.Integer(),
    transferHalves: Type.Integer(),
    likelyDuplicates: Type.Integer(),
    errors: Type.Integer(),
    uncategorised: Type.Integer(),
    rules: Type.Array(Type.Object({ ruleId: Id, rows: Type.Integer() }), {
      description: 'The rules that matched rows, and how many each.',
    }),
  }),
});
export type ImportPreviewJson = Static<typeof ImportPreview>;

export const ImportPreviewPage = Type.Object({ rows: Type.Array(PreviewRow), nextCursor: NextCursor });
export type ImportPreviewPageJson = Static<typeof ImportPreviewPage>;

export const ImportBatch = Type.Object({
  id: Id,
  accountId: Nullable(Id),
  format: StatementFormat,
  fileName: Type.String(),
  sha256: Type.String(),
  transactionCount: Type.Integer(),
  skippedCount: Type.Integer(),
  createdBy: Nullable(Id),
  createdAt: Instant,
  undoneAt: Nullable(Instant),
});
export type ImportBatchJson = Static<typeof ImportBatch>;

export const ImportProfile = Type.Object({
  id: Id,
  name: Type.String(),
  accountId: Nullable(Id),
  mapping: CsvMapping,
  header: Nullable(Type.String()),
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewImportProfile = Type.Object(
  { name: Name, accountId: Nullable(Id), mapping: CsvMapping },
  { additionalProperties: false },
);

export const ImportProfilePatch = Type.Partial(NewImportProfile, { additionalProperties: false });
