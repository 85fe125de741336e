/**
 * The full backup of a book: one JSON document holding every table of the book, with the ids the
 * rows have in the database they came from (restore gives them new ones and remaps every
 * reference). Money is an exact decimal string of the currency the row names (a posting's amount
 * in its account's currency, its value in the transaction's; envelope amounts in the book's base
 * currency), never a JSON number. Derived data (cached balances, totals, search text, name keys)
 * is left out: restore computes it again. Users are left out too: a backup carries no e-mail
 * addresses, and who created a row restores as unknown.
 */
import type { StatementFormat } from '../import/types.ts';
import type { AccountSubtype, AccountType } from '../ledger/account.ts';
import type { TransactionStatus } from '../ledger/transaction.ts';

export const BACKUP_FORMAT = 'moneta-backup';
export const BACKUP_VERSION = 1;

export interface BackupBook {
  id: number;
  name: string;
  baseCurrency: string;
  createdAt: string;
  updatedAt: string;
}

export interface BackupCategoryGroup {
  id: number;
  name: string;
  kind: 'income' | 'expense';
  position: number;
  hidden: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BackupAccount {
  id: number;
  name: string;
  type: AccountType;
  subtype: AccountSubtype | null;
  currency: string;
  parentId: number | null;
  groupId: number | null;
  role: string | null;
  notes: string | null;
  archived: boolean;
  hidden: boolean;
  /** An expense category's monthly target, a decimal of its currency; null: none (absent in older backups). */
  target: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupPayee {
  id: number;
  name: string;
  defaultCategoryId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupTag {
  id: number;
  name: string;
  color: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupImportBatch {
  id: number;
  accountId: number | null;
  format: StatementFormat;
  fileName: string;
  fileSha256: string;
  transactionCount: number;
  skippedCount: number;
  createdAt: string;
  undoneAt: string | null;
}

/** A finished reconciliation of an account against a statement. */
export interface BackupReconciliation {
  id: number;
  accountId: number;
  statementDate: string;
  /** The statement's closing balance, in the account's currency. */
  statementBalance: string;
  transactionCount: number;
  createdAt: string;
}

export interface BackupPosting {
  accountId: number;
  /** In the account's currency. */
  amount: string;
  /** In the transaction's currency. */
  value: string;
  memo: string | null;
}

export interface BackupTransaction {
  id: number;
  date: string;
  currency: string;
  payeeId: number | null;
  description: string;
  notes: string | null;
  status: TransactionStatus;
  tagIds: number[];
  importBatchId: number | null;
  /** The reconciliation that reconciled it (left out by backups made before reconciliations: none). */
  reconciliationId: number | null;
  /** '<accountId>:…' as the import wrote it; the account id is remapped on restore. */
  importKey: string | null;
  createdAt: string;
  updatedAt: string;
  postings: BackupPosting[];
}

export interface BackupBudget {
  id: number;
  name: string;
  categoryId: number | null;
  groupId: number | null;
  /** The budget's recurrence, as the budgets API takes it. */
  recurrence: Record<string, unknown>;
  rollover: 'none' | 'unspent' | 'both';
  currency: string;
  createdAt: string;
  updatedAt: string;
  /** In `currency`, oldest first. */
  amounts: { from: string; amount: string }[];
}

export interface BackupNotification {
  budgetId: number;
  periodStart: string;
  periodEnd: string;
  threshold: number;
  spent: string;
  available: string;
  currency: string;
  createdAt: string;
  dismissedAt: string | null;
}

export interface BackupEnvelope {
  settings: { enabled: boolean; startedMonth: string; updatedAt: string } | null;
  assignments: { month: string; categoryId: number; amount: string; updatedAt: string }[];
  moves: { month: string; fromCategoryId: number; toCategoryId: number; amount: string; createdAt: string }[];
}

export interface BackupImportProfile {
  id: number;
  accountId: number | null;
  name: string;
  /** The saved CSV mapping (src/core/import/types.ts), as stored. */
  mapping: Record<string, unknown>;
  headerKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupRule {
  id: number;
  name: string;
  position: number;
  enabled: boolean;
  match: 'all' | 'any';
  /** RuleCondition[] (src/core/rules/types.ts); account ids inside are remapped on restore. */
  conditions: Record<string, unknown>[];
  /** RuleAction[]; category and tag ids inside are remapped on restore. */
  actions: Record<string, unknown>[];
  createdAt: string;
  updatedAt: string;
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  book: BackupBook;
  categoryGroups: BackupCategoryGroup[];
  accounts: BackupAccount[];
  payees: BackupPayee[];
  tags: BackupTag[];
  importBatches: BackupImportBatch[];
  reconciliations: BackupReconciliation[];
  transactions: BackupTransaction[];
  budgets: BackupBudget[];
  notifications: BackupNotification[];
  envelope: BackupEnvelope;
  importProfiles: BackupImportProfile[];
  rules: BackupRule[];
}
