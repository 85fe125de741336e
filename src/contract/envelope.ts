import Type from 'typebox';
import { described, Id, Instant, Money, Nullable } from './common.ts';

/** Envelope (zero-based) budgeting: the REST contract (see docs/api.md, "Envelope budgeting"). */

export const BudgetMonth = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'A calendar month, YYYY-MM.',
  example: '2026-11',
});

export const EnvelopeSettings = Type.Object({
  enabled: Type.Boolean({ description: 'Whether the book budgets in envelope mode.' }),
  startMonth: Nullable(BudgetMonth),
});

export const EnvelopeSettingsInput = Type.Object(
  { enabled: Type.Boolean(), startMonth: Type.Optional(BudgetMonth) },
  {
    additionalProperties: false,
    description:
      'The start month defaults to the one already set, else the first month with an assignment or a move, else the current month. Months before it do not count.',
  },
);

export const MonthParams = Type.Object({ bookId: Id, month: BudgetMonth }, { additionalProperties: false });

export const AssignmentParams = Type.Object(
  { bookId: Id, month: BudgetMonth, categoryId: Id },
  { additionalProperties: false },
);

export const AssignmentInput = Type.Object(
  { amount: Money },
  {
    additionalProperties: false,
    description:
      "Sets (replaces) what the month assigns to the category, in the book's base currency; zero clears it, a negative amount gives money back to “to be budgeted”.",
  },
);

export const Assignment = Type.Object({ month: BudgetMonth, categoryId: Id, amount: Money });

export const MoveInput = Type.Object(
  { from: Id, to: Id, amount: Money },
  {
    additionalProperties: false,
    description:
      "Moves a positive amount, in the book's base currency, from one expense category to another in the month. Covering overspending is a move into the overspent category.",
  },
);

export const Move = Type.Object({
  id: Id,
  month: BudgetMonth,
  from: Id,
  to: Id,
  amount: Money,
  createdAt: Instant,
});

export const EnvelopeCategory = Type.Object({
  categoryId: Id,
  name: Type.String(),
  carriedIn: described(Money, 'Last month’s balance if positive, else zero.'),
  assigned: described(Money, 'Assigned this month, moves included.'),
  spent: Money,
  balance: Money,
  overspent: described(
    Money,
    'The part of a negative balance no move covered (≥ 0): it leaves next month’s TBB.',
  ),
});

export const EnvelopeMonth = Type.Object({
  month: BudgetMonth,
  startMonth: BudgetMonth,
  startingBalance: described(
    Money,
    'The start month only: the balance of the on-budget accounts (checking, savings, cash, credit cards in the base currency) at the end of the month before it, money to assign. Zero in later months.',
  ),
  income: Money,
  carriedTbb: described(Money, 'Last month’s “to be budgeted”.'),
  overspendingFromLastMonth: described(
    Money,
    'Last month’s uncovered overspending, taken from this month (≤ 0).',
  ),
  assigned: described(Money, 'All assignments of the month (moves cancel out).'),
  tbb: described(
    Money,
    'To be budgeted: carriedTbb + overspendingFromLastMonth + startingBalance + income − assigned.',
  ),
  overAssigned: Type.Boolean({ description: 'TBB is below zero: more was assigned than there was.' }),
  rolledIntoNextTbb: described(
    Money,
    'What this month’s uncovered overspending takes from next month’s TBB (≤ 0).',
  ),
  categories: Type.Array(EnvelopeCategory),
  moves: Type.Array(Move),
});
