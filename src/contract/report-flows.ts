import Type from 'typebox';
import { CurrencyCode, DecimalString, described, Enum, Id, IsoDate, Money, Nullable } from './common.ts';
import { CategoryRef, FlowFilters, Format, GroupRef, Interval, Range, SavingsRate } from './report-common.ts';

/** Spending by category, income vs expense, cash flow and category trend. */

const strict = { additionalProperties: false } as const;

export const SpendingQuery = Type.Object(
  {
    ...Range,
    kind: Type.Optional(
      Enum(['expense', 'income'], { description: 'Expense categories (default) or income ones.' }),
    ),
    ...FlowFilters,
    format: Format,
  },
  strict,
);

const CategoryLine = Type.Object({ ...CategoryRef, total: Money });

export const Spending = Type.Object({
  from: IsoDate,
  to: IsoDate,
  kind: Enum(['expense', 'income']),
  currency: described(CurrencyCode, "The book's base currency: every total below is in it."),
  groups: Type.Array(Type.Object({ ...GroupRef, total: Money, categories: Type.Array(CategoryLine) })),
  total: Money,
  otherCurrencies: described(
    Type.Array(CategoryLine),
    'Categories kept in another currency: listed apart, never added to the totals.',
  ),
});

export const IncomeExpenseQuery = Type.Object(
  { ...Range, interval: Type.Optional(Interval), ...FlowFilters, format: Format },
  strict,
);

const Flows = { income: Money, expense: Money, net: Money, savingsRate: SavingsRate };

export const IncomeExpense = Type.Object({
  from: IsoDate,
  to: IsoDate,
  interval: Interval,
  currency: CurrencyCode,
  periods: Type.Array(
    Type.Object({
      period: described(Type.String(), '2026-W03, 2026-01, 2026-Q1 or 2026.'),
      start: IsoDate,
      end: IsoDate,
      ...Flows,
    }),
  ),
  total: Type.Object(Flows),
  otherCurrencies: Type.Array(Type.Object(Flows)),
});

export const CashFlowQuery = Type.Object({ ...Range, ...FlowFilters, format: Format }, strict);

export const CashFlow = Type.Object({
  from: IsoDate,
  to: IsoDate,
  currency: CurrencyCode,
  nodes: Type.Array(
    Type.Object({
      id: described(Type.String(), '`category:12`, `budget`, `savings` or `from-savings`.'),
      name: Type.String(),
      kind: Enum(['income', 'budget', 'expense', 'savings']),
      categoryId: Nullable(Id),
    }),
  ),
  links: Type.Array(Type.Object({ source: Type.String(), target: Type.String(), value: Money })),
  income: described(Money, 'Σ of the links into the budget node.'),
  expense: described(Money, 'Σ of the links out of it to categories.'),
  otherCurrencies: described(
    Type.Array(Type.Object({ currency: CurrencyCode, income: DecimalString, expense: DecimalString })),
    'Money in and out of categories kept in other currencies, per currency; not converted, not in the flows above.',
  ),
});

export const TrendParams = Type.Object({ bookId: Id, id: Id }, strict);

export const TrendQuery = Type.Object(
  {
    ...Range,
    accountIds: FlowFilters.accountIds,
    tagIds: FlowFilters.tagIds,
    payeeIds: FlowFilters.payeeIds,
    format: Format,
  },
  strict,
);

const MonthAmount = Type.Object({ month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }), amount: Money });

export const Trend = Type.Object({
  from: IsoDate,
  to: IsoDate,
  category: Type.Object({ ...CategoryRef, kind: Enum(['income', 'expense']), currency: CurrencyCode }),
  months: described(
    Type.Array(MonthAmount),
    'Spending (or income) per calendar month meeting the range; positive.',
  ),
  total: Money,
  average: described(Money, 'total ÷ number of months, rounded half to even to the minor unit.'),
  current: described(MonthAmount, 'The last month of the range.'),
  previous: described(Nullable(MonthAmount), 'The month before it, when the range has one.'),
  change: described(Nullable(Money), 'current − previous.'),
  changeRate: described(
    Nullable(Type.String({ pattern: '^-?\\d+\\.\\d{4}$' })),
    'change ÷ |previous| with 4 decimals; null when previous is zero or absent.',
  ),
});
