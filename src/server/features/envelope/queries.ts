import { isOnBudget } from '../../../core/budget/on-budget.ts';
import type { AccountSubtype } from '../../../core/ledger/account.ts';
import type { Db } from '../../../db/connect.ts';
import { sumMinor, toFlag, toMinor } from '../../../db/values.ts';

/** Months are 'YYYY-MM', both ends included. */
export interface MonthRange {
  from: string;
  to: string;
}

/**
 * Σ of the postings on these expense categories per category and month, double-entry signs
 * (spending positive, refunds negative), read from the monthly roll-ups (`account_months`, kept
 * in every write's transaction): envelope months are whole calendar months, so no posting is read.
 */
export async function monthlySpending(
  db: Db,
  bookId: number,
  categoryIds: readonly number[],
  months: MonthRange,
) {
  if (categoryIds.length === 0) return [];
  const rows = await db
    .selectFrom('account_months')
    .select(['account_id', 'month', 'amount'])
    .where('book_id', '=', bookId)
    .where('account_id', 'in', categoryIds)
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .execute();
  return rows.map((row) => ({ categoryId: row.account_id, month: row.month, total: toMinor(row.amount) }));
}

/** Σ of the postings on these income categories per month (income negative), from the roll-ups. */
export async function monthlyIncome(db: Db, incomeIds: readonly number[], months: MonthRange) {
  if (incomeIds.length === 0) return [];
  const rows = await db
    .selectFrom('account_months')
    .select((eb) => ['month', sumMinor(eb.ref('amount')).as('total')])
    .where('account_id', 'in', incomeIds)
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .groupBy('month')
    .execute();
  return rows.map((row) => ({ month: row.month, total: toMinor(row.total) }));
}

export interface EnvelopeCategoryRow {
  id: number;
  name: string;
  archived: boolean;
}

/** What an envelope month needs of the book's accounts in its base currency, read in one query. */
export interface EnvelopeAccounts {
  /** The expense categories, in the order the budget lists them. */
  categories: EnvelopeCategoryRow[];
  incomeIds: number[];
  /** The accounts whose balance is money to budget (`isOnBudget`). */
  onBudgetIds: number[];
}

export async function envelopeAccounts(db: Db, bookId: number, currency: string): Promise<EnvelopeAccounts> {
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('category_groups', 'category_groups.id', 'accounts.group_id')
    .select([
      'accounts.id',
      'accounts.name',
      'accounts.type',
      'accounts.subtype',
      'accounts.archived',
      'category_groups.name as group_name',
      'category_groups.position as group_position',
    ])
    .where('accounts.book_id', '=', bookId)
    .where('accounts.currency', '=', currency)
    .execute();
  const categories = rows
    .filter((row) => row.type === 'expense')
    .sort(
      (a, b) =>
        (a.group_position ?? Number.MAX_SAFE_INTEGER) - (b.group_position ?? Number.MAX_SAFE_INTEGER) ||
        (a.group_name ?? '').localeCompare(b.group_name ?? '') ||
        a.name.localeCompare(b.name) ||
        a.id - b.id,
    )
    .map((row) => ({ id: row.id, name: row.name, archived: toFlag(row.archived) }));
  return {
    categories,
    incomeIds: rows.filter((row) => row.type === 'income').map((row) => row.id),
    onBudgetIds: rows
      .filter((row) => isOnBudget(row.type, row.subtype as AccountSubtype | null))
      .map((row) => row.id),
  };
}

/** The book's expense categories in its base currency, in the order the budget lists them. */
export async function envelopeCategories(
  db: Db,
  bookId: number,
  currency: string,
): Promise<EnvelopeCategoryRow[]> {
  return (await envelopeAccounts(db, bookId, currency)).categories;
}

export function getSettings(db: Db, bookId: number) {
  return db.selectFrom('envelope_settings').selectAll().where('book_id', '=', bookId).executeTakeFirst();
}

/** The first month with an assignment or a move, if any. */
export async function firstActiveMonth(db: Db, bookId: number): Promise<string | undefined> {
  const assigned = await db
    .selectFrom('envelope_assignments')
    .select((eb) => eb.fn.min('month').as('month'))
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  const moved = await db
    .selectFrom('envelope_moves')
    .select((eb) => eb.fn.min('month').as('month'))
    .where('book_id', '=', bookId)
    .executeTakeFirst();
  const months = [assigned?.month, moved?.month].filter((m): m is string => typeof m === 'string');
  return months.sort()[0];
}

export async function assignmentsBetween(db: Db, bookId: number, from: string, to: string) {
  const rows = await db
    .selectFrom('envelope_assignments')
    .select(['month', 'category_id', 'amount'])
    .where('book_id', '=', bookId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .execute();
  return rows.map((row) => ({ month: row.month, categoryId: row.category_id, amount: toMinor(row.amount) }));
}

export interface MoveRow {
  id: number;
  month: string;
  from: number;
  to: number;
  amount: bigint;
  createdAt: string;
}

export async function movesBetween(db: Db, bookId: number, from: string, to: string): Promise<MoveRow[]> {
  const rows = await db
    .selectFrom('envelope_moves')
    .selectAll()
    .where('book_id', '=', bookId)
    .where('month', '>=', from)
    .where('month', '<=', to)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    month: row.month,
    from: row.from_category_id,
    to: row.to_category_id,
    amount: toMinor(row.amount),
    createdAt: row.created_at,
  }));
}

/**
 * Σ of the postings on these income categories over the months (income negative). By the
 * categories' ids PostgreSQL reads the roll-ups through their key (0.2 ms at 1M), where a join
 * with the accounts scans every roll-up row (1.7 ms).
 */
export async function incomeTotal(db: Db, incomeIds: readonly number[], months: MonthRange) {
  if (incomeIds.length === 0) return 0n;
  const row = await db
    .selectFrom('account_months')
    .select((eb) => sumMinor(eb.ref('amount')).as('total'))
    .where('account_id', 'in', incomeIds)
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .executeTakeFirst();
  return toMinor(row?.total);
}

/**
 * The balance of the on-budget accounts at the end of the month before `start`, from the monthly
 * roll-ups: what there was to assign when the budget started.
 */
export async function startingBalance(db: Db, onBudgetIds: readonly number[], start: string) {
  if (onBudgetIds.length === 0) return 0n;
  const row = await db
    .selectFrom('account_months')
    .select((eb) => sumMinor(eb.ref('amount')).as('total'))
    .where('account_id', 'in', onBudgetIds)
    .where('month', '<', start)
    .executeTakeFirst();
  return toMinor(row?.total);
}

/** The kept envelope years of the book's categories over [from, to], oldest first. */
export async function envelopeYearsBetween(db: Db, bookId: number, from: number, to: number) {
  const rows = await db
    .selectFrom('envelope_years')
    .select(['category_id', 'assigned', 'spent', 'low'])
    .where('book_id', '=', bookId)
    .where('year', '>=', from)
    .where('year', '<=', to)
    .orderBy('year')
    .execute();
  return rows.map((row) => ({
    categoryId: row.category_id,
    block: { assigned: toMinor(row.assigned), spent: toMinor(row.spent), low: toMinor(row.low) },
  }));
}
