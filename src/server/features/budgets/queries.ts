import type { Selectable } from 'kysely';
import type { Recurrence } from '../../../core/budget/index.ts';
import type { IsoDate } from '../../../core/calendar/date.ts';
import type { Db } from '../../../db/connect.ts';
import type { BudgetTable } from '../../../db/schema-budgets.ts';
import { sumMinor, toMinor } from '../../../db/values.ts';

export type BudgetRow = Selectable<BudgetTable>;

export interface BudgetAmountRow {
  from: IsoDate;
  amount: bigint;
}

/** A budget row with its amounts (oldest first) and its recurrence parsed. */
export interface LoadedBudget {
  row: BudgetRow;
  recurrence: Recurrence;
  amounts: BudgetAmountRow[];
}

export interface ExpenseCategory {
  id: number;
  parentId: number | null;
  groupId: number | null;
  currency: string;
}

/** The book's budgets (or the one of `id`) with their amounts: two queries whatever their number. */
export async function loadBudgets(db: Db, bookId: number, id?: number): Promise<LoadedBudget[]> {
  let query = db.selectFrom('budgets').selectAll().where('book_id', '=', bookId);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return [];
  const amounts = await db
    .selectFrom('budget_amounts')
    .select(['budget_id', 'from_date', 'amount'])
    .where(
      'budget_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('budget_id')
    .orderBy('from_date')
    .execute();
  const byBudget = new Map<number, BudgetAmountRow[]>();
  for (const amount of amounts) {
    const list = byBudget.get(amount.budget_id) ?? [];
    list.push({ from: amount.from_date as IsoDate, amount: toMinor(amount.amount) });
    byBudget.set(amount.budget_id, list);
  }
  return rows.map((row) => ({
    row,
    recurrence: JSON.parse(row.recurrence) as Recurrence,
    amounts: byBudget.get(row.id) ?? [],
  }));
}

/** Every expense category of the book: what budget targets resolve against. */
export async function loadExpenseCategories(db: Db, bookId: number): Promise<ExpenseCategory[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'parent_id', 'group_id', 'currency'])
    .where('book_id', '=', bookId)
    .where('type', '=', 'expense')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    parentId: row.parent_id,
    groupId: row.group_id,
    currency: row.currency,
  }));
}

/**
 * The categories a budget counts: its category or the group's categories, each with its
 * subcategories, of the budget's currency (other currencies would need exchange rates).
 */
export function targetCategoryIds(row: BudgetRow, categories: readonly ExpenseCategory[]): number[] {
  const roots = categories.filter((c) =>
    row.category_id !== null ? c.id === row.category_id : c.groupId === row.group_id,
  );
  const included = new Set(roots.map((c) => c.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of categories) {
      if (c.parentId !== null && included.has(c.parentId) && !included.has(c.id)) {
        included.add(c.id);
        grew = true;
      }
    }
  }
  return categories.filter((c) => included.has(c.id) && c.currency === row.currency).map((c) => c.id);
}

export interface DaySum {
  accountId: number;
  date: IsoDate;
  total: bigint;
}

/**
 * Net postings per category and day over [from, to], in one GROUP BY on the indexed postings:
 * spending positive, refunds negative. Transfers between own accounts touch no category.
 */
export async function daySums(
  db: Db,
  bookId: number,
  accountIds: readonly number[],
  range: { from: string; to: string },
): Promise<DaySum[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectFrom('postings')
    .select((eb) => ['postings.account_id', 'postings.date', sumMinor(eb.ref('postings.amount')).as('total')])
    .where('postings.book_id', '=', bookId)
    .where('postings.account_id', 'in', [...accountIds])
    .where('postings.date', '>=', range.from)
    .where('postings.date', '<=', range.to)
    .groupBy(['postings.account_id', 'postings.date'])
    .execute();
  return rows.map((row) => ({
    accountId: row.account_id,
    date: row.date as IsoDate,
    total: toMinor(row.total),
  }));
}
