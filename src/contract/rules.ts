import Type from 'typebox';
import { TEXT_FIELDS, TEXT_OPERATORS } from '../core/rules/types.ts';
import { DecimalString, described, Enum, Id, Instant, IsoDate, Money, Name, Nullable } from './common.ts';

/** Rules (categorise, rename, tag, split) and learned category suggestions. See docs/rules.md. */

const Text = Type.String({ minLength: 1, maxLength: 500, description: 'Not blank; at most 500 characters.' });

const TextCondition = Type.Object(
  {
    field: Enum(TEXT_FIELDS),
    operator: Enum(TEXT_OPERATORS, {
      description:
        'contains, equals and startsWith ignore case, accents and repeated spaces; regex is RE2 syntax (no backreferences or lookaround), matched case-insensitively in linear time on the original text.',
    }),
    value: Text,
  },
  { additionalProperties: false },
);

const Bound = Nullable(described(DecimalString, 'An exact decimal, signed; null for no bound.'));

const AmountRange = Type.Object(
  { field: Type.Literal('amount'), operator: Type.Literal('between'), min: Bound, max: Bound },
  {
    additionalProperties: false,
    description: 'Inclusive bounds on the signed amount, from the account’s view (money out is negative).',
  },
);

const AmountSign = Type.Object(
  {
    field: Type.Literal('amount'),
    operator: Type.Literal('sign'),
    value: Enum(['inflow', 'outflow'] as const),
  },
  { additionalProperties: false },
);

const AccountIn = Type.Object(
  {
    field: Type.Literal('account'),
    operator: Type.Literal('in'),
    accountIds: Type.Array(Id, {
      minItems: 1,
      maxItems: 100,
      description: 'Balance-sheet accounts (asset, liability) of the book.',
    }),
  },
  { additionalProperties: false },
);

const DateRange = Type.Object(
  {
    field: Type.Literal('date'),
    operator: Type.Literal('between'),
    from: Nullable(IsoDate),
    to: Nullable(IsoDate),
  },
  { additionalProperties: false, description: 'Inclusive; null for an open end.' },
);

export const RuleCondition = Type.Union([TextCondition, AmountRange, AmountSign, AccountIn, DateRange]);

export const SplitPart = Type.Object(
  {
    categoryId: Id,
    amount: Type.Optional(Nullable(described(DecimalString, 'A fixed amount, positive.'))),
    percent: Type.Optional(
      Nullable(
        described(DecimalString, 'A percentage (above 0, at most 100) of what the fixed amounts leave.'),
      ),
    ),
  },
  {
    additionalProperties: false,
    description: 'A fixed amount, a percentage, or neither: then it takes the rest.',
  },
);

export const RuleAction = Type.Union([
  Type.Object({ type: Type.Literal('setCategory'), categoryId: Id }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('setPayee'), payee: Name }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal('addTag'), tagId: Id }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('setNotes'), notes: Type.String({ maxLength: 10_000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('split'), parts: Type.Array(SplitPart, { minItems: 2, maxItems: 50 }) },
    { additionalProperties: false, description: 'Splits the amount over categories, exactly.' },
  ),
]);

const Match = Enum(['all', 'any'] as const, { description: 'All conditions must hold, or any one.' });
const Conditions = Type.Array(RuleCondition, {
  maxItems: 50,
  description: 'None: the rule applies to every transaction.',
});
const Actions = Type.Array(RuleAction, { minItems: 1, maxItems: 50 });

export const Rule = Type.Object({
  id: Id,
  name: Type.String(),
  position: Type.Integer({ description: 'Rules run in this order, lowest first.' }),
  enabled: Type.Boolean(),
  match: Match,
  conditions: Type.Array(RuleCondition),
  actions: Type.Array(RuleAction),
  createdAt: Instant,
  updatedAt: Instant,
});

export const NewRule = Type.Object(
  {
    name: Name,
    enabled: Type.Optional(Type.Boolean({ default: true })),
    match: Type.Optional(Match),
    conditions: Type.Optional(Conditions),
    actions: Actions,
  },
  { additionalProperties: false, description: 'A new rule runs after the existing ones.' },
);

export const RulePatch = Type.Object(
  {
    name: Type.Optional(Name),
    enabled: Type.Optional(Type.Boolean()),
    match: Type.Optional(Match),
    conditions: Type.Optional(Conditions),
    actions: Type.Optional(Actions),
  },
  { additionalProperties: false, minProperties: 1, description: 'Lists given replace the old ones.' },
);

export const RuleOrder = Type.Object(
  {
    ids: Type.Array(Id, { maxItems: 10_000, description: 'Every rule of the book, once, in the new order.' }),
  },
  { additionalProperties: false },
);

export const ApplyRequest = Type.Object(
  {
    ruleIds: Type.Optional(
      Type.Array(Id, {
        minItems: 1,
        maxItems: 10_000,
        description: 'Only these rules (in the book’s order), enabled or not; all enabled rules by default.',
      }),
    ),
    filter: Type.Object(
      {
        accountId: Type.Optional(described(Id, 'Transactions posting to this account.')),
        from: Type.Optional(IsoDate),
        to: Type.Optional(IsoDate),
        uncategorisedOnly: Type.Optional(
          Type.Boolean({ description: 'Only transactions booked to an "Uncategorised" category.' }),
        ),
      },
      { additionalProperties: false },
    ),
    dryRun: Type.Boolean({ description: 'true: only show what would change.' }),
  },
  { additionalProperties: false },
);

const CategoryShare = Type.Object({
  categoryId: Id,
  amount: described(Money, 'As posted to the category: an expense is positive.'),
});

const TransactionState = Type.Object({
  payee: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  tagIds: Type.Array(Id),
  categories: Type.Array(CategoryShare, { description: 'One entry, or several for a split.' }),
});

export const RuleChange = Type.Object({
  transactionId: Id,
  date: IsoDate,
  description: Type.String(),
  accountId: Id,
  amount: described(Money, 'From the account’s view.'),
  matchedRuleIds: Type.Array(Id),
  before: TransactionState,
  after: TransactionState,
  warnings: Type.Array(Type.String(), { description: 'Actions left out for this transaction, and why.' }),
});

export const ApplyResult = Type.Object({
  dryRun: Type.Boolean(),
  examined: Type.Integer({ description: 'Transactions that matched the filter.' }),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  skipped: Type.Integer({
    description: 'Transfers, transactions across several accounts or currencies: rules leave them alone.',
  }),
  changes: Type.Array(RuleChange, { description: 'The first 500 changes, by date.' }),
  truncated: Type.Boolean({ description: 'More changes than listed.' }),
});

export const SuggestionQuery = Type.Object(
  {
    payee: Type.Optional(Type.String({ maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    amount: Type.Optional(described(DecimalString, 'Only its sign is used.')),
  },
  { additionalProperties: false },
);

export const Suggestions = Type.Object({
  suggestions: Type.Array(
    Type.Object({
      categoryId: Id,
      confidence: Type.Number({ minimum: 0, maximum: 1, description: 'Not money: a float.' }),
    }),
    { description: 'At most three, likeliest first.' },
  ),
  trainedOn: Type.Integer({ description: 'How many categorised transactions the model learned from.' }),
});
