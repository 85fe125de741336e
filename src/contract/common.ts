import Type, { type Static, type TSchema } from 'typebox';
import { ERROR_CODES } from '../core/errors.ts';

/** Shared pieces of the REST contract. Every limit here is part of the API. */

/** A string that is one of `values`, as a compact JSON Schema `enum`. */
export const Enum = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Id = Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'A numeric identifier.' });

export const IsoDate = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar date, YYYY-MM-DD.',
  example: '2026-11-21',
});

export const Instant = Type.String({ format: 'date-time', description: 'An instant, ISO-8601 in UTC.' });

export const CurrencyCode = Type.String({
  pattern: '^[A-Z]{3}$',
  description: 'An ISO 4217 currency code.',
  example: 'EUR',
});

export const DecimalString = Type.String({
  pattern: '^[+-]?\\d{1,20}(\\.\\d{1,20})?$',
  maxLength: 42,
  description: 'An exact decimal as a string; never a JSON number.',
  example: '-12.34',
});

/** An amount of money: a decimal string and its currency. */
export const Money = Type.Object(
  { amount: DecimalString, currency: CurrencyCode },
  { additionalProperties: false, description: 'An exact amount of one currency.' },
);
export type MoneyJson = Static<typeof Money>;

export const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Not blank.' });
export const ShortText = Type.String({ maxLength: 500 });
export const LongText = Type.String({ maxLength: 10_000 });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const BookParams = Type.Object({ bookId: Id }, { additionalProperties: false });
export const ItemParams = Type.Object({ bookId: Id, id: Id }, { additionalProperties: false });

export const FieldError = Type.Object({
  field: Type.String({
    description: 'JSON pointer into the body (`/postings/0/amount`), or `query:name` / `path:name`.',
  }),
  code: Type.String(),
  message: Type.String(),
});

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Enum(ERROR_CODES),
    detail: Type.String(),
    instance: Type.String(),
    errors: Type.Array(FieldError),
  },
  { description: 'An RFC 9457 problem: see docs/errors.md for every code.' },
);

/** Declares the problem responses of a route, for the OpenAPI document. */
export const problems = { '4xx': Problem, '5xx': Problem } as const;

export const Cursor = Type.String({
  maxLength: 200,
  description: 'Opaque; pass `nextCursor` back for the next page.',
});
export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });
/** Page size of the long lists (transactions, an account's register); a CSV export streams more. */
export const LongPageLimit = Type.Integer({
  minimum: 1,
  maximum: 1000,
  default: 50,
  description: 'Up to 1,000 rows a page; the next page costs what the first did.',
});
/** The paging parameters of the long lists' queries (transactions, an account's register). */
export const LongPageQuery = { cursor: Type.Optional(Cursor), limit: Type.Optional(LongPageLimit) };

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const NoContent = Type.Null({ description: 'No content.' });

/** The same schema with its own description (for the OpenAPI document). */
export const described = <T extends TSchema>(schema: T, description: string): T =>
  ({ ...schema, description }) as T;
