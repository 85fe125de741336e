import type { ColumnType, Generated } from 'kysely';

/**
 * Tables of envelope (zero-based) budgeting. Months are 'YYYY-MM' text on both databases; money is
 * BIGINT minor units of the book's base currency (see `toMinor` in `values.ts`).
 */
type MinorUnits = ColumnType<number | string, bigint | number | string, bigint | number | string>;

/** One row per book that has chosen envelope mode (or left it again). */
export interface EnvelopeSettingsTable {
  book_id: number;
  /** 0/1. */
  enabled: number;
  /** 'YYYY-MM': the first month the envelope budget counts from. */
  started_month: string;
  updated_at: string;
}

/** What the user assigned to a category in a month (moves are kept apart, in `envelope_moves`). */
export interface EnvelopeAssignmentTable {
  book_id: number;
  month: string;
  category_id: number;
  amount: MinorUnits;
  updated_at: string;
}

/** The log of moves between categories (covering overspending is a move). */
export interface EnvelopeMoveTable {
  id: Generated<number>;
  book_id: number;
  month: string;
  from_category_id: number;
  to_category_id: number;
  /** Positive. */
  amount: MinorUnits;
  created_by: number | null;
  created_at: string;
}

/**
 * Per expense category and calendar year, what an envelope month needs of that year, kept by every
 * write in its own transaction (see `src/db/envelope-years.ts` and `src/core/budget/envelope-years.ts`).
 */
export interface EnvelopeYearTable {
  book_id: number;
  category_id: number;
  year: number;
  /** Σ assigned, moves in and out included. */
  assigned: MinorUnits;
  /** Σ net spending. */
  spent: MinorUnits;
  /** The lowest running sum of (assigned − spent) within the year, from zero: ≤ 0. */
  low: MinorUnits;
}

export interface EnvelopeSchema {
  envelope_settings: EnvelopeSettingsTable;
  envelope_assignments: EnvelopeAssignmentTable;
  envelope_moves: EnvelopeMoveTable;
  envelope_years: EnvelopeYearTable;
}
