import Type from 'typebox';
import { CurrencyCode, DecimalString, described, Enum, Id, IsoDate, Money } from './common.ts';
import { CategoryRef, FlowFilters, Format, GroupRef, Range } from './report-common.ts';

/** Balance sheet, income statement and net worth. */

const strict = { additionalProperties: false } as const;

export const BalanceSheetQuery = Type.Object(
  { date: described(IsoDate, 'Balances at the end of this day.'), format: Format },
  strict,
);

const AccountLine = Type.Object({
  accountId: Id,
  name: Type.String(),
  archived: Type.Boolean(),
  balance: described(
    Money,
    'In the account currency; liabilities and equity as positive amounts owed / owned.',
  ),
});

const Section = Type.Object({ accounts: Type.Array(AccountLine), total: Money });

export const BalanceSheet = Type.Object({
  date: IsoDate,
  currency: CurrencyCode,
  assets: Section,
  liabilities: Section,
  equity: Type.Object({
    accounts: Type.Array(AccountLine),
    retainedEarnings: described(
      Money,
      '−Σ(income + expense postings) up to the date: the net income of all time.',
    ),
    currencyConversions: described(
      Money,
      'What transactions between currencies moved into (positive) or out of this currency up to the date: Σ of all its postings. With it, assets − liabilities = equity in each currency.',
    ),
    total: described(Money, 'Equity accounts + retained earnings + currency conversions.'),
  }),
  otherCurrencies: described(
    Type.Array(
      Type.Object({
        currency: CurrencyCode,
        assets: DecimalString,
        liabilities: DecimalString,
        equity: described(DecimalString, 'Balances, as above: assets − liabilities = equity.'),
        retainedEarnings: DecimalString,
        currencyConversions: DecimalString,
      }),
    ),
    'Totals of accounts in other currencies, one entry per currency; not converted, not added to the totals above.',
  ),
});

export const IncomeStatementQuery = Type.Object({ ...Range, ...FlowFilters, format: Format }, strict);

const StatementLine = Type.Object({
  ...CategoryRef,
  groupId: GroupRef.groupId,
  groupName: GroupRef.name,
  amount: Money,
});

export const IncomeStatement = Type.Object({
  from: IsoDate,
  to: IsoDate,
  currency: CurrencyCode,
  income: Type.Object({ categories: Type.Array(StatementLine), total: Money }),
  expense: Type.Object({ categories: Type.Array(StatementLine), total: Money }),
  netIncome: described(Money, 'income − expense.'),
  otherCurrencies: Type.Array(
    Type.Object({
      currency: CurrencyCode,
      income: DecimalString,
      expense: DecimalString,
      netIncome: DecimalString,
    }),
  ),
});

export const NetWorthQuery = Type.Object(
  {
    ...Range,
    interval: Type.Optional(
      Enum(['day', 'month'], { description: 'A point per day, or per month end (default).' }),
    ),
    accountIds: FlowFilters.accountIds,
    format: Format,
  },
  strict,
);

export const NetWorth = Type.Object({
  from: IsoDate,
  to: IsoDate,
  interval: Enum(['day', 'month']),
  currency: CurrencyCode,
  accounts: Type.Array(
    Type.Object({
      accountId: Id,
      name: Type.String(),
      type: Enum(['asset', 'liability']),
      currency: CurrencyCode,
      archived: Type.Boolean(),
    }),
  ),
  points: Type.Array(
    Type.Object({
      date: described(IsoDate, 'Balances at the end of this day (the month end, or `to`).'),
      assets: Money,
      liabilities: described(Money, 'Owed, as a positive amount.'),
      netWorth: Money,
      otherCurrencies: described(
        Type.Array(
          Type.Object({
            currency: CurrencyCode,
            assets: DecimalString,
            liabilities: DecimalString,
            netWorth: DecimalString,
          }),
        ),
        'Accounts in other currencies at this date, per currency; not converted, not in the totals above.',
      ),
      balances: described(
        Type.Array(DecimalString),
        'Each account balance, in the order and currency of `accounts`.',
      ),
    }),
  ),
});
