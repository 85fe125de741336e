import type { BackupDocument } from '../../../core/export/backup-types.ts';
import type { Db } from '../../../db/connect.ts';
import { fromFlag } from '../../../db/values.ts';
import { rebuildEnvelopeYears } from '../envelope/years.ts';
import { insertNumbered, insertRows, mapped, minor } from './restore-rows.ts';

/** Limit budgets with their amounts and alerts. */
export async function restoreBudgets(
  trx: Db,
  bookId: number,
  doc: BackupDocument,
  accounts: ReadonlyMap<number, number>,
  groups: ReadonlyMap<number, number>,
): Promise<void> {
  const budgets = await insertNumbered(trx, 'budgets', doc.budgets, (b) => ({
    book_id: bookId,
    name: b.name,
    category_id: mapped(accounts, b.categoryId),
    group_id: mapped(groups, b.groupId),
    recurrence: JSON.stringify(b.recurrence),
    rollover: b.rollover,
    currency: b.currency,
    created_at: b.createdAt,
    updated_at: b.updatedAt,
  }));
  const amounts = doc.budgets.flatMap((b) =>
    b.amounts.map((a) => ({
      budget_id: budgets.get(b.id)!,
      from_date: a.from,
      amount: minor(a.amount, b.currency),
    })),
  );
  await insertRows(trx, 'budget_amounts', amounts);
  const notifications = doc.notifications.map((n) => ({
    book_id: bookId,
    budget_id: budgets.get(n.budgetId)!,
    period_start: n.periodStart,
    period_end: n.periodEnd,
    threshold: n.threshold,
    spent: minor(n.spent, n.currency),
    available: minor(n.available, n.currency),
    currency: n.currency,
    created_at: n.createdAt,
    dismissed_at: n.dismissedAt,
  }));
  await insertRows(trx, 'notifications', notifications);
}

/**
 * The envelope mode, its assignments and its moves (in the book's base currency), and its years
 * computed from them and the roll-ups (which the ledger's restore has rebuilt before).
 */
export async function restoreEnvelope(
  trx: Db,
  bookId: number,
  doc: BackupDocument,
  accounts: ReadonlyMap<number, number>,
): Promise<void> {
  const { settings, assignments, moves } = doc.envelope;
  const base = doc.book.baseCurrency;
  if (settings) {
    await trx
      .insertInto('envelope_settings')
      .values({
        book_id: bookId,
        enabled: fromFlag(settings.enabled),
        started_month: settings.startedMonth,
        updated_at: settings.updatedAt,
      })
      .execute();
  }
  const assignmentRows = assignments.map((a) => ({
    book_id: bookId,
    month: a.month,
    category_id: accounts.get(a.categoryId)!,
    amount: minor(a.amount, base),
    updated_at: a.updatedAt,
  }));
  await insertRows(trx, 'envelope_assignments', assignmentRows);
  const moveRows = moves.map((m) => ({
    book_id: bookId,
    month: m.month,
    from_category_id: accounts.get(m.fromCategoryId)!,
    to_category_id: accounts.get(m.toCategoryId)!,
    amount: minor(m.amount, base),
    created_by: null,
    created_at: m.createdAt,
  }));
  await insertRows(trx, 'envelope_moves', moveRows);
  await rebuildEnvelopeYears(trx, bookId);
}
