import Type from 'typebox';
import { described, Enum, Id, IsoDate, Money, Nullable } from './common.ts';

export const CategoryTotalsQuery = Type.Object(
  {
    from: IsoDate,
    to: IsoDate,
    interval: Type.Optional(
      Enum(['none', 'month'], { description: 'Totals for the whole range, or per calendar month.' }),
    ),
  },
  { additionalProperties: false },
);

export const CategoryTotal = Type.Object({
  period: Nullable(
    described(Type.String({ pattern: '^\\d{4}-\\d{2}$' }), 'YYYY-MM with interval=month; null otherwise.'),
  ),
  categoryId: Id,
  total: described(
    Money,
    'Σ of the postings into the category, in its currency: spending is positive on expense categories, income negative on income categories; refunds reduce them.',
  ),
});

export const CategoryTotals = Type.Object({
  from: IsoDate,
  to: IsoDate,
  interval: Enum(['none', 'month']),
  rows: Type.Array(CategoryTotal),
});
