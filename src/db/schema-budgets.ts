import type { ColumnType, Generated } from 'kysely';

/** Tables of limit budgets and their notifications (made by the 2026_11_21_0002_budgets migration). */
type MinorUnits = ColumnType<number | string, bigint | number | string, bigint | number | string>;

export interface BudgetTable {
  id: Generated<number>;
  book_id: number;
  name: string;
  /** Exactly one of category_id and group_id is set (a CHECK says so). */
  category_id: number | null;
  group_id: number | null;
  /** The core's `Recurrence` as JSON text. */
  recurrence: string;
  rollover: 'none' | 'unspent' | 'both';
  /** All amounts are in this currency: the category's, or for a group the book's base currency or one of its categories'. */
  currency: string;
  created_at: string;
  updated_at: string;
}

/** The limit per period from the first period that starts on or after `from`. */
export interface BudgetAmountTable {
  budget_id: number;
  from_date: string;
  amount: MinorUnits;
}

export interface NotificationTable {
  id: Generated<number>;
  book_id: number;
  budget_id: number;
  period_start: string;
  period_end: string;
  threshold: number;
  /** What the period had spent and had available when the alert fired, in `currency`. */
  spent: MinorUnits;
  available: MinorUnits;
  currency: string;
  created_at: string;
  dismissed_at: string | null;
}

export interface BudgetSchema {
  budgets: BudgetTable;
  budget_amounts: BudgetAmountTable;
  notifications: NotificationTable;
}
