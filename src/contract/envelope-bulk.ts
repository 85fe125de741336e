import Type from 'typebox';
import { FILL_STRATEGIES } from '../core/budget/envelope-fill.ts';
import { described, Enum, Id, Money } from './common.ts';
import { BudgetMonth } from './envelope.ts';

/** Bulk envelope budgeting: many cells in one request, and the fill helpers (docs/api.md). */

/** The most cells one bulk write takes: the reference book's 20 years × 60 categories (14,400), with room. */
export const MAX_BULK_CELLS = 15_000;

export const AssignmentCell = Type.Object(
  { month: BudgetMonth, categoryId: Id, amount: Money },
  { additionalProperties: false },
);

export const BulkAssignmentsInput = Type.Object(
  { cells: Type.Array(AssignmentCell, { minItems: 1, maxItems: MAX_BULK_CELLS }) },
  {
    additionalProperties: false,
    description:
      "Sets (replaces) each cell's assignment, in the book's base currency; zero clears it. A month/category pair appears once. All cells are written or none.",
  },
);

export const BulkAssignments = Type.Object({
  written: Type.Integer({ minimum: 0, description: 'How many cells were set.' }),
  months: described(Type.Array(BudgetMonth), 'The months written, ascending: the ones to read again.'),
  cells: described(Type.Array(AssignmentCell), 'What each cell holds now, in the order given.'),
  previous: described(
    Type.Array(AssignmentCell),
    'What each cell held before (zero when nothing), in the same order: sending it back as `cells` undoes the write.',
  ),
});

export const FillInput = Type.Object(
  {
    strategy: Enum(FILL_STRATEGIES, {
      description:
        "copy-last-month: last month's assignment; last-month-spending: last month's net spending; average-3-months: the mean net spending of the three months before, rounded half to even; targets: each category's monthly target (categories without one are left as they are). Spending below zero budgets zero.",
    }),
    categoryIds: Type.Optional(
      Type.Array(Id, {
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
        description: "The expense categories to fill; all of the book's (archived ones aside) when absent.",
      }),
    ),
  },
  { additionalProperties: false },
);
