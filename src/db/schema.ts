import type { ColumnType, Generated } from 'kysely';
import type { BudgetSchema } from './schema-budgets.ts';
import type { EnvelopeSchema } from './schema-envelope.ts';
import type { ImportSchema } from './schema-import.ts';

/**
 * The database as Kysely sees it. One code path for SQLite and PostgreSQL shapes these types:
 * - flags are integers 0/1 (SQLite has no boolean, and better-sqlite3 cannot bind one);
 * - calendar dates are 'YYYY-MM-DD' (TEXT on SQLite, DATE on PostgreSQL, read back as text);
 * - instants are ISO-8601 UTC strings (TEXT / TIMESTAMPTZ, read back as ISO strings);
 * - money is BIGINT minor units: SQLite reads it as a number, pg as a string; `toMinor()` in
 *   `src/db/values.ts` makes a bigint of either.
 */
type Id = Generated<number>;
type Flag = ColumnType<number, number | undefined, number>;
type MinorUnits = ColumnType<number | string, bigint | number | string, bigint | number | string>;
type Instant = string;

export interface UserTable {
  id: Id;
  email: string;
  name: string;
  password_hash: string;
  is_admin: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token: a database leak does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Instant;
  expires_at: Instant;
  user_agent: string | null;
}

export interface BookTable {
  id: Id;
  name: string;
  base_currency: string;
  created_at: Instant;
  updated_at: Instant;
}

export interface BookMemberTable {
  book_id: number;
  user_id: number;
  role: 'owner' | 'editor' | 'viewer';
  created_at: Instant;
}

export interface CategoryGroupTable {
  id: Id;
  book_id: number;
  name: string;
  /** `foldText(name)`: what uniqueness and search compare (see src/core/text/fold.ts). */
  name_key: string;
  kind: 'income' | 'expense';
  position: number;
  hidden: Flag;
  created_at: Instant;
  updated_at: Instant;
}

export interface AccountTable {
  id: Id;
  book_id: number;
  name: string;
  /** `foldText(name)`: what uniqueness and search compare (see src/core/text/fold.ts). */
  name_key: string;
  type: 'asset' | 'liability' | 'income' | 'expense' | 'equity';
  subtype: string | null;
  currency: string;
  parent_id: number | null;
  /** Categories (income and expense accounts) belong to a category group. */
  group_id: number | null;
  /** What the system uses the account for: 'opening_balances' for the equity account it posts opening balances against. */
  role: string | null;
  notes: string | null;
  archived: Flag;
  hidden: Flag;
  /** The sum of all postings' amounts: a cache kept in the same database transaction as the postings, checked by `moneta check`. */
  balance: ColumnType<number | string, bigint | number | undefined, bigint | number | string>;
  /** An expense category's monthly target in minor units (envelope "fill targets"); null: none. */
  target: ColumnType<number | string | null, bigint | number | null | undefined, bigint | number | null>;
  created_at: Instant;
  updated_at: Instant;
}

export interface PayeeTable {
  id: Id;
  book_id: number;
  name: string;
  /** `foldText(name)`: what uniqueness and search compare (see src/core/text/fold.ts). */
  name_key: string;
  default_category_id: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TagTable {
  id: Id;
  book_id: number;
  name: string;
  /** `foldText(name)`: what uniqueness and search compare (see src/core/text/fold.ts). */
  name_key: string;
  color: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TransactionTable {
  id: Id;
  book_id: number;
  date: string;
  currency: string;
  /** Σ of the positive values (what moved), in `currency`: lets amount filters use an index. */
  total: MinorUnits;
  payee_id: number | null;
  description: string;
  notes: string | null;
  /** `foldText` of the description, notes and posting memos: what text search matches. */
  search_text: ColumnType<string, string | undefined, string>;
  status: 'pending' | 'cleared' | 'reconciled';
  created_by: number | null;
  created_at: Instant;
  updated_by: number | null;
  updated_at: Instant;
  /** The import batch that wrote it, if any (undoing the batch deletes it). */
  import_batch_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** '<accountId>:id:<file id>' or '<accountId>:hash:<content hash>': how a re-import recognises it. */
  import_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The reconciliation that reconciled it, if one did (migration 0014). */
  reconciliation_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A finished reconciliation of an account against a statement (migration 0014). */
export interface ReconciliationTable {
  id: Id;
  book_id: number;
  account_id: number;
  statement_date: string;
  /** The statement's closing balance, in the account's currency. */
  statement_balance: MinorUnits;
  transaction_count: number;
  created_by: number | null;
  created_at: Instant;
}

export interface PostingTable {
  id: Id;
  book_id: number;
  transaction_id: number;
  account_id: number;
  /** The transaction's date, repeated so an account's register and balance read one index. */
  date: string;
  /** In the account's currency. */
  amount: MinorUnits;
  /** In the transaction's currency; equals `amount` when the currencies are the same. */
  value: MinorUnits;
  memo: string | null;
  position: number;
}

/**
 * The monthly roll-up of an account's postings (migration 0006): what reports and balances read
 * for whole months instead of a million postings. Kept in the same database transaction as the
 * postings, rebuilt by `moneta check --rebuild` and verified by `moneta check`. A month with no
 * postings has no row.
 */
export interface AccountMonthTable {
  book_id: number;
  account_id: number;
  /** 'YYYY-MM'. */
  month: string;
  /** Σ of the month's postings' amounts, in the account's currency. */
  amount: MinorUnits;
  postings: ColumnType<number | string, number, number | string>;
}

export interface TransactionTagTable {
  transaction_id: number;
  tag_id: number;
  book_id: number;
}

export interface Schema extends BudgetSchema, EnvelopeSchema, ImportSchema {
  users: UserTable;
  sessions: SessionTable;
  books: BookTable;
  book_members: BookMemberTable;
  category_groups: CategoryGroupTable;
  accounts: AccountTable;
  payees: PayeeTable;
  tags: TagTable;
  transactions: TransactionTable;
  postings: PostingTable;
  account_months: AccountMonthTable;
  transaction_tags: TransactionTagTable;
  reconciliations: ReconciliationTable;
}
