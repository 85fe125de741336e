import type { ExpressionBuilder } from 'kysely';
import { type IsoDate, isoDate } from '../../../core/calendar/date.ts';
import { atField, fail } from '../../../core/errors.ts';
import type { Schema } from '../../../db/schema.ts';

/** What the flow reports narrow to: every filter given must match (ids within one filter: any). */
export interface ReportFilter {
  accountIds?: number[];
  categoryIds?: number[];
  tagIds?: number[];
  payeeIds?: number[];
}

interface FilterQuery {
  accountIds?: string | undefined;
  categoryIds?: string | undefined;
  tagIds?: string | undefined;
  payeeIds?: string | undefined;
}

const ids = (text: string | undefined) => (text ? [...new Set(text.split(',').map(Number))] : undefined);

export function parseFilter(query: FilterQuery): ReportFilter {
  const filter: ReportFilter = {};
  for (const key of ['accountIds', 'categoryIds', 'tagIds', 'payeeIds'] as const) {
    const list = ids(query[key]);
    if (list) {
      if (list.some((id) => id > 2_147_483_647))
        fail('VALIDATION_FAILED', 'An id is out of range.', [
          { field: `query:${key}`, code: 'VALIDATION_FAILED', message: 'Ids are at most 2147483647.' },
        ]);
      filter[key] = list;
    }
  }
  return filter;
}

/** Checks `from` ≤ `to`, both calendar dates. */
export function parseRange(query: { from: string; to: string }): { from: IsoDate; to: IsoDate } {
  const from = atField('query:from', () => isoDate(query.from));
  const to = atField('query:to', () => isoDate(query.to));
  if (to < from) {
    fail('VALIDATION_FAILED', 'The range ends before it starts.', [
      { field: 'query:to', code: 'VALIDATION_FAILED', message: 'Must not be before from.' },
    ]);
  }
  return { from, to };
}

/**
 * Whether a filter needs each posting's transaction (its other postings, tags or payee), which
 * the monthly roll-ups do not keep; a category filter alone narrows the roll-ups just as well.
 */
export function needsPostings(filter: ReportFilter): boolean {
  return Boolean(filter.accountIds || filter.tagIds || filter.payeeIds);
}

type PostingsScope = ExpressionBuilder<Schema, 'postings' | 'accounts'>;

/**
 * The transaction-level filters as one condition on `postings`: accounts (the transaction
 * touches one), tags (it carries one), payees (its payee is one). Categories narrow the counted
 * postings themselves (`postings.account_id in …`), so a split's other categories stay out.
 */
export function matchesFilter(
  eb: PostingsScope,
  filter: ReportFilter,
  categories: 'rows' | 'touching' = 'rows',
) {
  const conditions = [];
  const touches = (accountIds: number[]) =>
    eb.exists(
      eb
        .selectFrom('postings as other')
        .select('other.id')
        .whereRef('other.transaction_id', '=', 'postings.transaction_id')
        .where('other.account_id', 'in', accountIds),
    );
  if (filter.accountIds) conditions.push(touches(filter.accountIds));
  if (filter.categoryIds) {
    conditions.push(
      categories === 'rows'
        ? eb('postings.account_id', 'in', filter.categoryIds)
        : touches(filter.categoryIds),
    );
  }
  if (filter.tagIds) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('transaction_tags')
          .select('transaction_tags.tag_id')
          .whereRef('transaction_tags.transaction_id', '=', 'postings.transaction_id')
          .where('transaction_tags.tag_id', 'in', filter.tagIds),
      ),
    );
  }
  if (filter.payeeIds) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('transactions')
          .select('transactions.id')
          .whereRef('transactions.id', '=', 'postings.transaction_id')
          .where('transactions.payee_id', 'in', filter.payeeIds),
      ),
    );
  }
  return eb.and(conditions);
}
