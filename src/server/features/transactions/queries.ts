import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { currenciesByExponent, minorBound } from '../../../core/money/index.ts';
import type { Db } from '../../../db/connect.ts';
import type { Schema } from '../../../db/schema.ts';
import { containsFolded } from '../../../db/text-search.ts';
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

type TransactionQuery = SelectQueryBuilder<Schema, 'transactions' | 'payees', object>;
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

function matchesText(eb: Where, text: string) {
  return eb.or([containsFolded('transactions.search_text', text), containsFolded('payees.name_key', text)]);
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

function baseQuery(db: Db, bookId: number) {
  return db
    .selectFrom('transactions')
    .leftJoin('payees', 'payees.id', 'transactions.payee_id')
    .selectAll('transactions')
    .select(['payees.name as payee_name'])
    .where('transactions.book_id', '=', bookId);
}

/** A page of transactions matching the filter, newest first, with their postings and tags. */
export async function listTransactions(
  db: Db,
  bookId: number,
  filter: TransactionFilter,
  cursor: string | undefined,
  limit: number,
) {
  let query = baseQuery(db, bookId) as unknown as TransactionQuery;
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
  if (filter.q) query = query.where((eb) => matchesText(eb, filter.q!));
  if (filter.minAmount !== undefined || filter.maxAmount !== undefined) {
    query = query.where((eb) => inAmountRange(eb, filter.minAmount, filter.maxAmount));
  }
  if (cursor) {
    const [date, id] = decodeCursor(cursor, ['date', 'id']);
    query = query.where((eb) =>
      eb.or([
        eb('transactions.date', '<', date),
        eb.and([eb('transactions.date', '=', date), eb('transactions.id', '<', id)]),
      ]),
    );
  }
  const rows = await (query as unknown as ReturnType<typeof baseQuery>)
    .orderBy('transactions.date', 'desc')
    .orderBy('transactions.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await withDetails(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.date, last.id]) : null,
  };
}

export async function getTransaction(db: Db, bookId: number, id: number) {
  const row = await baseQuery(db, bookId).where('transactions.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [transaction] = await withDetails(db, [row]);
  return transaction;
}

type TransactionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

/** Loads the postings (with their accounts' currencies) and tags of a page in two queries. */
async function withDetails(db: Db, rows: readonly TransactionRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [postings, tags] = await Promise.all([
    db
      .selectFrom('postings')
      .innerJoin('accounts', 'accounts.id', 'postings.account_id')
      .select([
        'postings.id',
        'postings.transaction_id',
        'postings.account_id',
        'postings.amount',
        'postings.value',
        'postings.memo',
        'accounts.currency',
      ])
      .where('postings.transaction_id', 'in', ids)
      .orderBy('postings.transaction_id')
      .orderBy('postings.position')
      .execute(),
    db
      .selectFrom('transaction_tags')
      .innerJoin('tags', 'tags.id', 'transaction_tags.tag_id')
      .select(['transaction_tags.transaction_id', 'tags.id', 'tags.name'])
      .where('transaction_tags.transaction_id', 'in', ids)
      .orderBy('tags.name')
      .execute(),
  ]);
  const currencyOf = new Map(rows.map((row) => [row.id, row.currency]));
  const postingsOf = groupBy(postings, (p) => p.transaction_id);
  const tagsOf = groupBy(tags, (t) => t.transaction_id);
  return rows.map((row) => ({
    id: row.id,
    date: row.date,
    currency: row.currency,
    total: moneyJson(toMinor(row.total), row.currency),
    payee: row.payee_id === null ? null : { id: row.payee_id, name: row.payee_name ?? '' },
    description: row.description,
    notes: row.notes,
    status: row.status,
    tags: (tagsOf.get(row.id) ?? []).map((tag) => ({ id: tag.id, name: tag.name })),
    postings: (postingsOf.get(row.id) ?? []).map((p) => ({
      id: p.id,
      accountId: p.account_id,
      amount: moneyJson(toMinor(p.amount), p.currency),
      value: moneyJson(toMinor(p.value), currencyOf.get(row.id)!),
      memo: p.memo,
    })),
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

export type TransactionJson = NonNullable<Awaited<ReturnType<typeof getTransaction>>>;
