import Type from 'typebox';
import { Enum, Id, Instant, IsoDate, Money, Name, Nullable } from './common.ts';

/** Limit budgets: a limit per period for one expense category or category group. */

const Day = Type.Integer({ minimum: 1, maximum: 31 });
const Month = Type.Integer({ minimum: 1, maximum: 12 });

export const Recurrence = Type.Union(
  [
    Type.Object(
      { kind: Type.Literal('weekly'), anchor: IsoDate },
      { additionalProperties: false, description: 'Seven days from `anchor`, both ways.' },
    ),
    Type.Object(
      { kind: Type.Literal('biweekly'), anchor: IsoDate },
      { additionalProperties: false, description: 'Fourteen days from `anchor`, both ways.' },
    ),
    Type.Object(
      { kind: Type.Literal('monthly'), startDay: Day },
      {
        additionalProperties: false,
        description: 'From `startDay` (a payday) to the day before it next month; 31 clamps to short months.',
      },
    ),
    Type.Object(
      { kind: Type.Literal('quarterly'), startMonth: Type.Optional(Month) },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('yearly'), startMonth: Type.Optional(Month), startDay: Type.Optional(Day) },
      { additionalProperties: false },
    ),
    Type.Object(
      { kind: Type.Literal('custom'), start: IsoDate, end: IsoDate },
      { additionalProperties: false, description: 'One period, both ends inclusive.' },
    ),
  ],
  { description: 'How the periods repeat.' },
);

export const RolloverMode = Enum(['none', 'unspent', 'both'] as const, {
  description:
    '`unspent` carries a positive remainder into the next period; `both` carries overspending too.',
});

export const BudgetAmount = Type.Object(
  { from: IsoDate, amount: Money },
  {
    additionalProperties: false,
    description: 'The limit per period from the first period that starts on or after `from`.',
  },
);

export const Budget = Type.Object({
  id: Id,
  name: Type.String(),
  categoryId: Nullable(Id),
  groupId: Nullable(Id),
  recurrence: Recurrence,
  rollover: RolloverMode,
  currency: Type.String(),
  amounts: Type.Array(BudgetAmount),
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewBudget = Type.Object(
  {
    name: Name,
    categoryId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    recurrence: Recurrence,
    rollover: Type.Optional(RolloverMode),
    amounts: Type.Array(BudgetAmount, { minItems: 1, maxItems: 500 }),
  },
  {
    additionalProperties: false,
    description:
      'Exactly one of categoryId (an expense category) and groupId (an expense group). Amounts are all in one currency: the category’s, or for a group the book’s base currency or one of its categories’.',
  },
);

export const BudgetPatch = Type.Object(
  {
    name: Type.Optional(Name),
    categoryId: Type.Optional(Id),
    groupId: Type.Optional(Id),
    recurrence: Type.Optional(Recurrence),
    rollover: Type.Optional(RolloverMode),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'A new target must keep the budget’s currency. Amounts change through /amounts.',
  },
);

export const StatusQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 1 })),
  },
  { additionalProperties: false },
);

export const HistoryQuery = Type.Object(
  {
    asOf: Type.Optional(IsoDate),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })),
  },
  { additionalProperties: false },
);

export const AsOfQuery = Type.Object({ asOf: Type.Optional(IsoDate) }, { additionalProperties: false });

export const BasisPoints = Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+$' })], {
  description:
    'Basis points of available (8000 is 80 %), half-even: an integer, or an exact decimal string beyond 2^53.',
});

export const PeriodLabel = Type.Object({
  kind: Enum(['month', 'quarter', 'year', 'range'] as const),
  year: Type.Optional(Type.Integer()),
  month: Type.Optional(Type.Integer()),
  quarter: Type.Optional(Type.Integer()),
  start: Type.Optional(IsoDate),
  end: Type.Optional(IsoDate),
});

export const Pace = Type.Object({
  elapsedDays: Type.Integer(),
  totalDays: Type.Integer(),
  expectedByNow: Money,
  status: Enum(['under', 'on-track', 'over'] as const),
});

export const BudgetPeriod = Type.Object({
  start: IsoDate,
  end: IsoDate,
  label: PeriodLabel,
  limit: Money,
  rolledIn: Money,
  available: Money,
  spent: Money,
  remaining: Money,
  percent: Nullable(BasisPoints),
  pace: Pace,
});

export const BudgetStatus = Type.Object({
  budgetId: Id,
  name: Type.String(),
  asOf: IsoDate,
  periods: Type.Array(BudgetPeriod),
});

export const BudgetOverview = Type.Object({
  asOf: IsoDate,
  budgets: Type.Array(Type.Object({ budgetId: Id, name: Type.String(), period: Nullable(BudgetPeriod) })),
});

const Average = Nullable(Type.Object({ total: Money, count: Type.Integer(), rounded: Money }));

export const BudgetHistory = Type.Object({
  budgetId: Id,
  asOf: IsoDate,
  periods: Type.Array(
    Type.Object({
      start: IsoDate,
      end: IsoDate,
      label: PeriodLabel,
      limit: Money,
      available: Money,
      spent: Money,
      remaining: Money,
      percent: Nullable(BasisPoints),
      overspent: Type.Boolean(),
    }),
  ),
  averageLimit: Average,
  averageSpent: Average,
  averageRemaining: Average,
  overspentCount: Type.Integer(),
});

export const NotificationListQuery = Type.Object(
  { includeDismissed: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

export const Notification = Type.Object({
  id: Id,
  kind: Type.Literal('budget-threshold'),
  budgetId: Id,
  budgetName: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  periodLabel: PeriodLabel,
  threshold: Type.Union([Type.Literal(80), Type.Literal(100)]),
  spent: Money,
  available: Money,
  createdAt: Instant,
  dismissedAt: Nullable(Instant),
});
