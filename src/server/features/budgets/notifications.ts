import { periodLabel, type Recurrence } from '../../../core/budget/index.ts';
import { fail } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import { toMinor } from '../../../db/values.ts';
import { moneyJson } from '../../money-json.ts';

/** The most notifications one list answers (newest first). */
const LIST_LIMIT = 500;

function query(db: Db, bookId: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('budgets', 'budgets.id', 'notifications.budget_id')
    .selectAll('notifications')
    .select(['budgets.name as budget_name', 'budgets.recurrence'])
    .where('notifications.book_id', '=', bookId);
}

type NotificationRow = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;

function notificationJson(row: NotificationRow) {
  const recurrence = JSON.parse(row.recurrence) as Recurrence;
  const period = { start: row.period_start, end: row.period_end } as Parameters<typeof periodLabel>[1];
  return {
    id: row.id,
    kind: 'budget-threshold' as const,
    budgetId: row.budget_id,
    budgetName: row.budget_name,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    periodLabel: periodLabel(recurrence, period),
    threshold: row.threshold as 80 | 100,
    spent: moneyJson(toMinor(row.spent), row.currency),
    available: moneyJson(toMinor(row.available), row.currency),
    createdAt: row.created_at,
    dismissedAt: row.dismissed_at,
  };
}

export async function listNotifications(db: Db, bookId: number, includeDismissed: boolean) {
  let q = query(db, bookId);
  if (!includeDismissed) q = q.where('notifications.dismissed_at', 'is', null);
  const rows = await q
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  return rows.map(notificationJson);
}

/** Dismisses a notification of the book; dismissing it again keeps the first time. */
export async function dismissNotification(db: Db, bookId: number, id: number, now: string) {
  await db
    .updateTable('notifications')
    .set({ dismissed_at: now })
    .where('id', '=', id)
    .where('book_id', '=', bookId)
    .where('dismissed_at', 'is', null)
    .execute();
  const row = await query(db, bookId).where('notifications.id', '=', id).executeTakeFirst();
  if (!row) fail('NOT_FOUND', `There is no notification ${id} in this book.`);
  return notificationJson(row);
}
