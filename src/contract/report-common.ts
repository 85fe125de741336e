import Type from 'typebox';
import { CurrencyCode, DecimalString, described, Enum, Id, IsoDate, Money, Nullable } from './common.ts';

/** Pieces shared by the report endpoints' contracts. */

const IdList = (what: string) =>
  Type.Optional(
    Type.String({
      pattern: '^[1-9]\\d{0,9}(,[1-9]\\d{0,9}){0,199}$',
      maxLength: 2_300,
      description: `Comma-separated ids of ${what} (up to 200).`,
    }),
  );

export const Format = Type.Optional(
  Enum(['json', 'csv'], {
    description: '`csv` downloads the report as RFC 4180 CSV (text/csv, a header row).',
  }),
);

export const Range = { from: IsoDate, to: IsoDate };

/** Filters of the flow reports: they keep the transactions matching every filter given. */
export const FlowFilters = {
  accountIds: IdList('accounts: transactions touching any of them'),
  categoryIds: IdList('categories: only these categories are counted'),
  tagIds: IdList('tags: transactions carrying any of them'),
  payeeIds: IdList('payees: transactions with any of them'),
};

export const CategoryRef = {
  categoryId: described(Id, 'Drill down with GET /transactions?categoryId=…&from=…&to=….'),
  name: Type.String(),
  archived: Type.Boolean(),
};

export const GroupRef = {
  groupId: Nullable(Id),
  name: described(Type.String(), 'The group name; "Ungrouped" for categories without a group.'),
};

export const SavingsRate = Nullable(
  described(
    Type.String({ pattern: '^-?\\d+\\.\\d{4}$' }),
    'Net savings ÷ income as an exact fraction with 4 decimals (half-even): "0.2500" is 25 %. Null without income.',
  ),
);

export const CurrencyTotal = Type.Object({ currency: CurrencyCode, amount: DecimalString });

export const Interval = Enum(['week', 'month', 'quarter', 'year']);

export { Money };
