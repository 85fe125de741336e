/** The shape of a version 1 backup document, field by field (see backup-types.ts). */
import { STATEMENT_FORMATS } from '../import/types.ts';
import { ACCOUNT_SUBTYPES, ACCOUNT_TYPES } from '../ledger/account.ts';
import { TRANSACTION_STATUSES } from '../ledger/transaction.ts';
import {
  addedLater,
  addedLaterList,
  boolean,
  currencyCode,
  date,
  decimal,
  type Field,
  id,
  instant,
  integer,
  jsonObject,
  list,
  month,
  nullable,
  oneOf,
  record,
  text,
} from './backup-fields.ts';
import type {
  BackupAccount,
  BackupBook,
  BackupBudget,
  BackupCategoryGroup,
  BackupDocument,
  BackupEnvelope,
  BackupImportBatch,
  BackupImportProfile,
  BackupNotification,
  BackupPayee,
  BackupPosting,
  BackupReconciliation,
  BackupRule,
  BackupTag,
  BackupTransaction,
} from './backup-types.ts';

/** The range of an integer column on PostgreSQL. */
const MAX_INT = 2_147_483_647;

/** Text limits: generous beside the API's (names 200, descriptions 500, notes 10,000). */
const name = text(1_000);
const short = text(10_000, { blank: true });
const long = text(100_000, { blank: true });
const stamps = { createdAt: instant, updatedAt: instant };

const book = record<BackupBook>({ id, name, baseCurrency: currencyCode, ...stamps });

const categoryGroup = record<BackupCategoryGroup>({
  id,
  name,
  kind: oneOf(['income', 'expense']),
  position: integer(-MAX_INT, MAX_INT),
  hidden: boolean,
  ...stamps,
});

const account = record<BackupAccount>({
  id,
  name,
  type: oneOf(ACCOUNT_TYPES),
  subtype: nullable(oneOf(ACCOUNT_SUBTYPES)),
  currency: currencyCode,
  parentId: nullable(id),
  groupId: nullable(id),
  role: nullable(text(100)),
  notes: nullable(long),
  archived: boolean,
  hidden: boolean,
  target: addedLater(decimal),
  ...stamps,
});

const payee = record<BackupPayee>({ id, name, defaultCategoryId: nullable(id), ...stamps });

const tag = record<BackupTag>({ id, name, color: nullable(text(100)), ...stamps });

const importBatch = record<BackupImportBatch>({
  id,
  accountId: nullable(id),
  format: oneOf(STATEMENT_FORMATS),
  fileName: text(1_000, { blank: true }),
  fileSha256: text(200, { blank: true }),
  transactionCount: integer(0, MAX_INT),
  skippedCount: integer(0, MAX_INT),
  createdAt: instant,
  undoneAt: nullable(instant),
});

const reconciliation = record<BackupReconciliation>({
  id,
  accountId: id,
  statementDate: date,
  statementBalance: decimal,
  transactionCount: integer(0, MAX_INT),
  createdAt: instant,
});

const posting = record<BackupPosting>({
  accountId: id,
  amount: decimal,
  value: decimal,
  memo: nullable(short),
});

const transaction = record<BackupTransaction>({
  id,
  date,
  currency: currencyCode,
  payeeId: nullable(id),
  description: short,
  notes: nullable(long),
  status: oneOf(TRANSACTION_STATUSES),
  tagIds: list(id, 1_000),
  importBatchId: nullable(id),
  reconciliationId: addedLater(id),
  importKey: nullable(text(2_000)),
  ...stamps,
  postings: list(posting, 10_000),
});

const budget = record<BackupBudget>({
  id,
  name,
  categoryId: nullable(id),
  groupId: nullable(id),
  recurrence: jsonObject,
  rollover: oneOf(['none', 'unspent', 'both']),
  currency: currencyCode,
  ...stamps,
  amounts: list(record({ from: date, amount: decimal }), 10_000),
});

const notification = record<BackupNotification>({
  budgetId: id,
  periodStart: date,
  periodEnd: date,
  threshold: oneOf80or100(),
  spent: decimal,
  available: decimal,
  currency: currencyCode,
  createdAt: instant,
  dismissedAt: nullable(instant),
});

function oneOf80or100(): Field<number> {
  return (value, path, problems) => {
    if (value === 80 || value === 100) return value;
    problems.add(path, 'Must be 80 or 100.');
    return 100;
  };
}

const envelope = record<BackupEnvelope>({
  settings: nullable(record({ enabled: boolean, startedMonth: month, updatedAt: instant })),
  assignments: list(record({ month, categoryId: id, amount: decimal, updatedAt: instant })),
  moves: list(record({ month, fromCategoryId: id, toCategoryId: id, amount: decimal, createdAt: instant })),
});

const importProfile = record<BackupImportProfile>({
  id,
  accountId: nullable(id),
  name,
  mapping: jsonObject,
  headerKey: nullable(text(100_000, { blank: true })),
  ...stamps,
});

const rule = record<BackupRule>({
  id,
  name,
  position: integer(-MAX_INT, MAX_INT),
  enabled: boolean,
  match: oneOf(['all', 'any']),
  conditions: list(jsonObject, 1_000),
  actions: list(jsonObject, 1_000),
  ...stamps,
});

/** The document after `format` and `version` have been checked. */
export const backupDocument = record<BackupDocument>({
  format: oneOf(['moneta-backup']),
  version: (value, path, problems) => {
    if (value !== 1) problems.add(path, 'Must be 1.');
    return 1;
  },
  exportedAt: instant,
  book,
  categoryGroups: list(categoryGroup),
  accounts: list(account),
  payees: list(payee),
  tags: list(tag),
  importBatches: list(importBatch),
  reconciliations: addedLaterList(reconciliation),
  transactions: list(transaction),
  budgets: list(budget),
  notifications: list(notification),
  envelope,
  importProfiles: list(importProfile),
  rules: list(rule),
});
