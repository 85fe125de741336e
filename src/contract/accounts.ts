import Type from 'typebox';
import { ACCOUNT_SUBTYPES, ACCOUNT_TYPES } from '../core/ledger/account.ts';
import {
  CurrencyCode,
  Enum,
  Id,
  Instant,
  IsoDate,
  LongPageQuery,
  LongText,
  Money,
  Name,
  Nullable,
} from './common.ts';

export const AccountType = Enum(ACCOUNT_TYPES);
export const AccountSubtype = Enum(ACCOUNT_SUBTYPES);
export const BalanceSheetType = Enum(['asset', 'liability', 'equity']);

export const Account = Type.Object({
  id: Id,
  name: Type.String(),
  type: AccountType,
  subtype: Nullable(AccountSubtype),
  currency: CurrencyCode,
  parentId: Nullable(Id),
  groupId: Nullable(Id),
  role: Nullable(Type.String({ description: "What Moneta uses the account for, e.g. 'opening_balances'." })),
  notes: Nullable(Type.String()),
  archived: Type.Boolean(),
  hidden: Type.Boolean(),
  balance: Money,
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewAccount = Type.Object(
  {
    name: Name,
    type: BalanceSheetType,
    subtype: Type.Optional(AccountSubtype),
    currency: Type.Optional(CurrencyCode),
    parentId: Type.Optional(Nullable(Id)),
    notes: Type.Optional(Nullable(LongText)),
    openingBalance: Type.Optional(Money),
    openingDate: Type.Optional(IsoDate),
  },
  {
    additionalProperties: false,
    description:
      'A balance-sheet account. Currency defaults to the book’s base currency. An opening balance is posted on `openingDate` (default today) against the equity account "Opening Balances". Signs follow double entry: an asset holds a positive balance, a liability such as a credit card debt a negative one.',
  },
);

export const AccountPatch = Type.Object(
  {
    name: Type.Optional(Name),
    subtype: Type.Optional(AccountSubtype),
    currency: Type.Optional(CurrencyCode),
    parentId: Type.Optional(Nullable(Id)),
    notes: Type.Optional(Nullable(LongText)),
    hidden: Type.Optional(Type.Boolean()),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'The currency can change only while the account has no postings.',
  },
);

export const AccountListQuery = Type.Object(
  {
    type: Type.Optional(AccountType),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const DeleteAccountQuery = Type.Object(
  {
    deleteTransactions: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'Also delete every transaction that posts to the account.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const BalanceQuery = Type.Object({ date: Type.Optional(IsoDate) }, { additionalProperties: false });

export const Balance = Type.Object({
  accountId: Id,
  date: IsoDate,
  balance: Money,
});

export const RegisterQuery = Type.Object(
  {
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    ...LongPageQuery,
  },
  { additionalProperties: false },
);

export const RegisterEntry = Type.Object({
  transactionId: Id,
  postingId: Id,
  date: IsoDate,
  status: Enum(['pending', 'cleared', 'reconciled']),
  payee: Nullable(Type.Object({ id: Id, name: Type.String() })),
  description: Type.String(),
  memo: Nullable(Type.String()),
  amount: Money,
  balance: Money,
  otherAccountIds: Type.Array(Id, {
    description: 'The accounts on the other side: categories, or the other account of a transfer.',
  }),
});

export const Register = Type.Object({
  items: Type.Array(RegisterEntry, { description: 'Newest first.' }),
  nextCursor: Nullable(Type.String()),
});
