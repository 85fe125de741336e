import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { currenciesByExponent, minorBound } from '../../../core/money/index.ts';
import { type Db, isPostgres } from '../../../db/connect.ts';
import { pastKey } from '../../../db/keyset.ts';
import type { Schema } from '../../../db/schema.ts';
import { containsFolded, transactionIdsContaining } from '../../../db/text-search.ts';
import { toMinor } from '../../../db/values.ts';
import { decodeCursor, encodeCursor } from '../../cursor.ts';
import { moneyJson } from '../../money-json.ts';

export interface TransactionFilter {
  from?: string | undefined;
  to?: string | undefined;
  accountId?: number | undefined;
  categoryId?: number | undefined;
  payeeId?: number | undefined;
  tagId?: number | undefined;
  status?: 'pending' | 'cleared' | 'reconciled' | undefined;
  minAmount?: string | undefined;
  maxAmount?: string | undefined;
  q?: string | undefined;
}

export type TransactionQuery = SelectQueryBuilder<Schema, 'transactions' | 'payees', object>;
type Where = ExpressionBuilder<Schema, 'transactions' | 'payees'>;

function postsTo(eb: Where, accountId: number) {
  return eb.exists(
    eb
      .selectFrom('postings')
      .select('postings.id')
      .whereRef('postings.transaction_id', '=', 'transactions.id')
      .where('postings.account_id', '=', accountId),
  );
}

/** Rarer than this many transactions, a word is looked up in the trigram index, not scanned for. */
const INDEXED_MATCHES = 2000;

/**
 * What a text search matches: the transaction's folded text, or its payee's name. Both are found
 * first — the transactions through the trigram index when the word is rare (see
 * `transactionIdsContaining`), the payees in their small table — so the page query only compares ids.
 */
async function textMatch(db: Db, bookId: number, text: string) {
  const [ids, payees] = await Promise.all([
    transactionIdsContaining(db, text, INDEXED_MATCHES),
    db
      .selectFrom('payees')
      .select('id')
      .where('book_id', '=', bookId)
      .where(containsFolded('payees.name_key', text))
      .execute(),
  ]);
  const payeeIds = payees.map((payee) => payee.id);
  return (eb: Where) => {
    const conditions: Expression<SqlBool>[] = [];
    if (ids === null) conditions.push(containsFolded('transactions.search_text', text));
    else if (ids.length > 0) conditions.push(eb('transactions.id', 'in', ids));
    if (payeeIds.length > 0) conditions.push(eb('transactions.payee_id', 'in', payeeIds));
    return conditions.length > 0 ? eb.or(conditions) : sql<SqlBool>`1 = 0`;
  };
}

/**
 * The amount range applies to each transaction's total in its own currency: the decimal bounds
 * become minor units once per exponent (0 for JPY, 2 for EUR, 3 for KWD, 4 for CLF).
 */
function inAmountRange(eb: Where, min: string | undefined, max: string | undefined) {
  return eb.or(
    currenciesByExponent().map(([exponent, codes]) => {
      const conditions = [eb('transactions.currency', 'in', codes)];
      if (min !== undefined)
        conditions.push(eb('transactions.total', '>=', minorBound(min, exponent, 'up').toString()));
      if (max !== undefined)
        conditions.push(eb('transactions.total', '<=', minorBound(max, exponent, 'down').toString()));
      return eb.and(conditions);
    }),
  );
}

/** PostgreSQL writes instants in JSON with the session's offset; the API gives them in ISO-8601 UTC. */
function isoInstant(value: string): string {
  return new Date(value).toISOString();
}

/** The SQL spelling of JSON on each database; everything else about the query is shared. */
function jsonSyntax(db: Db) {
  const postgres = isPostgres(db);
  return {
    /** A JSON array of the values, in order. */
    array: (values: readonly Expression<unknown>[]) =>
      sql`${sql.raw(postgres ? 'json_build_array' : 'json_array')}(${sql.join(values)})`,
    /** The JSON array of a group's values in `order`; `[]` when the group is empty. */
    arrayOf: (value: Expression<unknown>, order: Expression<unknown>) =>
      sql`coalesce(${sql.raw(postgres ? 'json_agg' : 'json_group_array')}(${value} order by ${order}), '[]')`,
  };
}

/** Money columns travel as text inside JSON: exact whatever their size. */
const asText = (column: string) => sql`cast(${sql.ref(column)} as text)`;

/**
 * Each transaction as one JSON array, its postings and tags nested in it (see `TransactionArray`).
 * Reading one value per row instead of some forty (13 columns, 7 per posting) is what makes a page
 * cheap: turning SQL values into JS objects costs far more than finding the rows.
 */
function baseQuery(db: Db, bookId: number, currencies: 'in the row' | 'from the book' = 'from the book') {
  const json = jsonSyntax(db);
  // A posting's currency is its account's. A page takes it from the book's accounts, read once
  // (`accountCurrencies`), rather than looking up the account of every posting (a third of the
  // page's time on PostgreSQL); one transaction looks up its few postings' accounts in the row.
  const currency =
    currencies === 'in the row'
      ? [sql`(select accounts.currency from accounts where accounts.id = postings.account_id)`]
      : [];
  const postings = db
    .selectFrom('postings')
    .select(
      json
        .arrayOf(
          json.array([
            sql.ref('postings.id'),
            sql.ref('postings.account_id'),
            asText('postings.amount'),
            asText('postings.value'),
            sql.ref('postings.memo'),
            ...currency,
          ]),
          sql.ref('postings.position'),
        )
        .as('postings'),
    )
    .where('postings.transaction_id', '=', sql.ref<number>('transactions.id'));
  const tags = db
    .selectFrom('transaction_tags')
    .innerJoin('tags', 'tags.id', 'transaction_tags.tag_id')
    .select(
      json.arrayOf(json.array([sql.ref('tags.id'), sql.ref('tags.name')]), sql.ref('tags.name')).as('tags'),
    )
    .where('transaction_tags.transaction_id', '=', sql.ref<number>('transactions.id'));
  const row = json.array([
    sql.ref('transactions.id'),
    sql.ref('transactions.date'),
    sql.ref('transactions.currency'),
    asText('transactions.total'),
    sql.ref('transactions.payee_id'),
    sql.ref('payees.name'),
    sql.ref('transactions.description'),
    sql.ref('transactions.notes'),
    sql.ref('transactions.status'),
    sql.ref('transactions.created_at'),
    sql.ref('transactions.created_by'),
    sql.ref('transactions.updated_at'),
    sql.ref('transactions.updated_by'),
    postings,
    tags,
  ]);
  return db
    .selectFrom('transactions')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .select(sql<string>`cast(${row} as text)`.as('row'))
    .where('transactions.book_id', '=', bookId);
}

/** A transaction as `baseQuery` reads it. */
type TransactionArray = [
  id: number,
  date: string,
  currency: string,
  total: string,
  payeeId: number | null,
  payeeName: string | null,
  description: string,
  notes: string | null,
  status: 'pending' | 'cleared' | 'reconciled',
  createdAt: string,
  createdBy: number | null,
  updatedAt: string,
  updatedBy: number | null,
  /** The account's currency comes last only when read for one transaction ('in the row'). */
  postings: [
    id: number,
    accountId: number,
    amount: string,
    value: string,
    memo: string | null,
    currency?: string,
  ][],
  tags: [id: number, name: string][],
];

/**
 * The query narrowed to the transactions matching the filter: shared by the pages and their
 * summary, so the count and total are always of the rows the pages show.
 */
export async function whereFilter(
  db: Db,
  bookId: number,
  base: TransactionQuery,
  filter: TransactionFilter,
): Promise<TransactionQuery> {
  let query = base;
  if (filter.from) query = query.where('transactions.date', '>=', filter.from);
  if (filter.to) query = query.where('transactions.date', '<=', filter.to);
  if (filter.accountId) query = query.where((eb) => postsTo(eb, filter.accountId!));
  if (filter.categoryId) query = query.where((eb) => postsTo(eb, filter.categoryId!));
  if (filter.payeeId) query = query.where('transactions.payee_id', '=', filter.payeeId);
  if (filter.status) query = query.where('transactions.status', '=', filter.status);
  if (filter.tagId) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('transaction_tags')
          .select('transaction_tags.tag_id')
          .whereRef('transaction_tags.transaction_id', '=', 'transactions.id')
          .where('transaction_tags.tag_id', '=', filter.tagId!),
      ),
    );
  }
  if (filter.q) query = query.where(await textMatch(db, bookId, filter.q));
  if (filter.minAmount !== undefined || filter.maxAmount !== undefined) {
    query = query.where((eb) => inAmountRange(eb, filter.minAmount, filter.maxAmount));
  }
  return query;
}

/** A page of transactions matching the filter, newest first, with their postings and tags. */
export async function listTransactions(
  db: Db,
  bookId: number,
  filter: TransactionFilter,
  cursor: string | undefined,
  limit: number,
) {
  let query = await whereFilter(db, bookId, baseQuery(db, bookId) as unknown as TransactionQuery, filter);
  if (cursor) {
    const key = decodeCursor(cursor, ['date', 'id']);
    query = query.where(pastKey(['transactions.date', 'transactions.id'], key, 'desc'));
  }
  const [rows, currencies] = await Promise.all([
    (query as unknown as ReturnType<typeof baseQuery>)
      .orderBy('transactions.date', 'desc')
      .orderBy('transactions.id', 'desc')
      .limit(limit + 1)
      .execute(),
    accountCurrencies(db, bookId),
  ]);
  const postgres = isPostgres(db);
  const items = rows.slice(0, limit).map((row) => transactionJson(row.row, currencies, postgres));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor([last.date, last.id]) : null,
  };
}

/** One transaction, in one statement (it is read once or twice by every write of one). */
export async function getTransaction(db: Db, bookId: number, id: number) {
  const row = await baseQuery(db, bookId, 'in the row').where('transactions.id', '=', id).executeTakeFirst();
  return row && transactionJson(row.row, null, isPostgres(db));
}

/** The currency of each of the book's accounts: a posting's amount is in its account's. */
async function accountCurrencies(db: Db, bookId: number): Promise<Map<number, string>> {
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'currency'])
    .where('book_id', '=', bookId)
    .execute();
  return new Map(accounts.map((account) => [account.id, account.currency]));
}

/** A transaction as the API shows it, from the JSON text `baseQuery` read. */
function transactionJson(text: string, currencies: ReadonlyMap<number, string> | null, postgres: boolean) {
  const [
    id,
    date,
    code,
    total,
    payeeId,
    payeeName,
    description,
    notes,
    status,
    createdAt,
    createdBy,
    updatedAt,
    updatedBy,
    postings,
    tags,
  ] = JSON.parse(text) as TransactionArray;
  return {
    id,
    date,
    currency: code,
    total: moneyJson(toMinor(total), code),
    payee: payeeId === null ? null : { id: payeeId, name: payeeName ?? '' },
    description,
    notes,
    status,
    tags: tags.map(([tagId, name]) => ({ id: tagId, name })),
    postings: postings.map(([postingId, accountId, amount, value, memo, inRow]) => ({
      id: postingId,
      accountId,
      amount: moneyJson(toMinor(amount), inRow ?? currencies!.get(accountId)!),
      value: moneyJson(toMinor(value), code),
      memo,
    })),
    createdAt: postgres ? isoInstant(createdAt) : createdAt,
    createdBy,
    updatedAt: postgres ? isoInstant(updatedAt) : updatedAt,
    updatedBy,
  };
}

export type TransactionJson = NonNullable<Awaited<ReturnType<typeof getTransaction>>>;
