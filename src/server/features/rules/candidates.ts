import { sql } from 'kysely';
import type { AccountType } from '../../../core/ledger/account.ts';
import type { TransactionStatus } from '../../../core/ledger/transaction.ts';
import type { CurrencyCode } from '../../../core/money/index.ts';
import type { RuleSubject } from '../../../core/rules/types.ts';
import type { Db } from '../../../db/connect.ts';
import { toFlag, toMinor } from '../../../db/values.ts';

/** The roles of the categories imported rows land in when nothing gave them one. */
export const UNCATEGORISED_ROLES: ReadonlySet<string> = new Set([
  'uncategorised_income',
  'uncategorised_expense',
]);

export interface CandidatePosting {
  accountId: number;
  amount: bigint;
  value: bigint;
  memo: string | null;
  type: AccountType;
  role: string | null;
  currency: string;
  archived: boolean;
}

/** A transaction rules may change, with what they need to know of it. */
export interface Candidate {
  id: number;
  date: string;
  description: string;
  notes: string | null;
  currency: string;
  status: TransactionStatus;
  payeeId: number | null;
  payeeName: string | null;
  postings: CandidatePosting[];
  tagIds: number[];
}

export interface CandidateFilter {
  accountId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const isCategory = (posting: CandidatePosting) => posting.type === 'income' || posting.type === 'expense';

/**
 * How rules see a transaction: one posting into a balance-sheet account (the subject's account and
 * amount) and the rest into categories. Transfers, transactions across several accounts and
 * transactions whose account is in another currency than the transaction are not for rules.
 */
export type Shape =
  | { eligible: true; subject: RuleSubject; sheet: CandidatePosting; categories: CandidatePosting[] }
  | { eligible: false };

export function shapeOf(candidate: Candidate): Shape {
  const sheets = candidate.postings.filter((posting) => !isCategory(posting));
  const categories = candidate.postings.filter(isCategory);
  const sheet = sheets[0];
  if (sheets.length !== 1 || categories.length === 0 || !sheet || sheet.currency !== candidate.currency)
    return { eligible: false };
  return {
    eligible: true,
    sheet,
    categories,
    subject: {
      payee: candidate.payeeName,
      description: candidate.description,
      notes: candidate.notes,
      amount: { minor: sheet.amount, currency: candidate.currency as CurrencyCode },
      accountId: sheet.accountId,
      date: candidate.date,
    },
  };
}

/** Whether every category posting goes to an "Uncategorised" category. */
export function isUncategorised(categories: readonly { role: string | null }[]): boolean {
  return categories.every((posting) => posting.role !== null && UNCATEGORISED_ROLES.has(posting.role));
}

/**
 * The ids of the next `limit` transactions of the book matching the filter after (date, id), in
 * date order. With `lock`, their rows are locked until the database transaction ends (a no-op
 * update: SQLite has no SELECT … FOR UPDATE), so nothing changes them between reading and writing.
 */
export async function nextCandidateIds(
  db: Db,
  bookId: number,
  filter: CandidateFilter,
  after: { date: string; id: number } | null,
  limit: number,
  lock: boolean,
): Promise<{ id: number; date: string }[]> {
  let query = db.selectFrom('transactions').select(['id', 'date']).where('book_id', '=', bookId);
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  if (filter.accountId) {
    const accountId = filter.accountId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('postings')
          .select('postings.id')
          .whereRef('postings.transaction_id', '=', 'transactions.id')
          .where('postings.account_id', '=', accountId),
      ),
    );
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('date', '>', after.date), eb.and([eb('date', '=', after.date), eb('id', '>', after.id)])]),
    );
  }
  const rows = await query.orderBy('date').orderBy('id').limit(limit).execute();
  if (lock && rows.length > 0) {
    await db
      .updateTable('transactions')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where(
        'id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
  }
  return rows;
}

/** The transactions of `ids` (of this book) with their postings and tags, in the order of `ids`. */
export async function loadCandidates(db: Db, bookId: number, ids: readonly number[]): Promise<Candidate[]> {
  if (ids.length === 0) return [];
  const [transactions, postings, tags] = await Promise.all([
    db
      .selectFrom('transactions')
      .leftJoin('payees', 'payees.id', 'transactions.payee_id')
      .select([
        'transactions.id',
        'transactions.date',
        'transactions.description',
        'transactions.notes',
        'transactions.currency',
        'transactions.status',
        'transactions.payee_id',
        'payees.name as payee_name',
      ])
      // `+book_id`: the ids pick the rows; SQLite, without statistics, would otherwise scan the
      // book's whole (book_id, …) index for `book_id = ?` (70 ms at a million transactions).
      .where(sql`+${sql.ref('transactions.book_id')}`, '=', bookId)
      .where('transactions.id', 'in', ids)
      .execute(),
    db
      .selectFrom('postings')
      .innerJoin('accounts', 'accounts.id', 'postings.account_id')
      .select([
        'postings.transaction_id',
        'postings.account_id',
        'postings.amount',
        'postings.value',
        'postings.memo',
        'accounts.type',
        'accounts.role',
        'accounts.currency',
        'accounts.archived',
      ])
      .where('postings.transaction_id', 'in', ids)
      .orderBy('postings.transaction_id')
      .orderBy('postings.position')
      .execute(),
    db
      .selectFrom('transaction_tags')
      .select(['transaction_id', 'tag_id'])
      .where('transaction_id', 'in', ids)
      .orderBy('tag_id')
      .execute(),
  ]);
  const byId = new Map<number, Candidate>();
  for (const row of transactions) {
    byId.set(row.id, {
      id: row.id,
      date: row.date,
      description: row.description,
      notes: row.notes,
      currency: row.currency,
      status: row.status,
      payeeId: row.payee_id,
      payeeName: row.payee_name,
      postings: [],
      tagIds: [],
    });
  }
  for (const row of postings) {
    byId.get(row.transaction_id)?.postings.push({
      accountId: row.account_id,
      amount: toMinor(row.amount),
      value: toMinor(row.value),
      memo: row.memo,
      type: row.type,
      role: row.role,
      currency: row.currency,
      archived: toFlag(row.archived),
    });
  }
  for (const row of tags) byId.get(row.transaction_id)?.tagIds.push(row.tag_id);
  return ids.flatMap((id) => byId.get(id) ?? []);
}
