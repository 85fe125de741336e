/**
 * The API's types, taken from the same TypeBox contract the server validates with: one source of
 * truth. Type-only imports: none of the schema code reaches the browser bundle.
 */
import type { Static } from 'typebox';
import type { Account, Balance, NewAccount, Register, RegisterEntry } from '../../contract/accounts.ts';
import type { AuthOptions, SessionInfo, User } from '../../contract/auth.ts';
import type { Book, Member } from '../../contract/books.ts';
import type {
  Budget,
  BudgetAmount,
  BudgetHistory,
  BudgetOverview,
  BudgetPatch,
  BudgetPeriod,
  BudgetStatus,
  NewBudget,
  Notification,
  PeriodLabel,
  Recurrence,
  RolloverMode,
} from '../../contract/budgets.ts';
import type { Category, CategoryPatch, NewCategory } from '../../contract/categories.ts';
import type { CategoryGroup } from '../../contract/category-groups.ts';
import type { AddStarterSet, StarterSet, StarterSetAdded } from '../../contract/category-starters.ts';
import type { MoneyJson } from '../../contract/common.ts';
import type {
  Assignment as EnvelopeAssignment,
  EnvelopeCategory,
  EnvelopeMonth,
  Move as EnvelopeMove,
  MoveInput as EnvelopeMoveInput,
  EnvelopeSettings,
  EnvelopeSettingsInput,
} from '../../contract/envelope.ts';
import type { RestoreResult } from '../../contract/exports.ts';
import type {
  CsvMapping,
  ImportBatch,
  ImportChoices,
  ImportCommit,
  ImportFile,
  ImportPreview,
  ImportPreviewPage,
  ImportProfile,
} from '../../contract/imports.ts';
import type { Payee } from '../../contract/payees.ts';
import type { ClearedBalance, NewReconciliation, Reconciliation } from '../../contract/reconciliations.ts';
import type { CashFlow, IncomeExpense, Spending, Trend } from '../../contract/report-flows.ts';
import type { BalanceSheet, IncomeStatement, NetWorth } from '../../contract/report-statements.ts';
import type { CategoryTotals } from '../../contract/reports.ts';
import type {
  ApplyRequest,
  ApplyResult,
  NewRule,
  Rule,
  RuleAction,
  RuleChange,
  RuleCondition,
  RulePatch,
  SplitPart,
} from '../../contract/rules.ts';
import type { Tag } from '../../contract/tags.ts';
import type {
  BulkTransactionChange,
  BulkTransactionResult,
  RestoredTransaction,
} from '../../contract/transaction-bulk.ts';
import type {
  NewTransaction,
  PostingInput,
  Transaction,
  TransactionPage,
  TransactionPatch,
  TransactionQuery,
  TransactionSummary,
  TransactionSummaryQuery,
} from '../../contract/transactions.ts';

export type { MoneyJson };
export type UserJson = Static<typeof User>;
export type SessionJson = Static<typeof SessionInfo>;
export type AuthOptionsJson = Static<typeof AuthOptions>;
export type RestoreResultJson = Static<typeof RestoreResult>;
export type BookJson = Static<typeof Book>;
export type MemberJson = Static<typeof Member>;
export type AccountJson = Static<typeof Account>;
export type NewAccountJson = Static<typeof NewAccount>;
export type BalanceJson = Static<typeof Balance>;
export type RegisterJson = Static<typeof Register>;
export type RegisterEntryJson = Static<typeof RegisterEntry>;
/** Categories are income and expense accounts, with a monthly target. */
export type CategoryJson = Static<typeof Category>;
export type CategoryPatchJson = Static<typeof CategoryPatch>;
export type NewCategoryJson = Static<typeof NewCategory>;
export type CategoryGroupJson = Static<typeof CategoryGroup>;
export type StarterSetJson = Static<typeof StarterSet>;
export type AddStarterSetJson = Static<typeof AddStarterSet>;
export type StarterSetAddedJson = Static<typeof StarterSetAdded>;
export type PayeeJson = Static<typeof Payee>;
export type TagJson = Static<typeof Tag>;
export type TransactionJson = Static<typeof Transaction>;
export type NewTransactionJson = Static<typeof NewTransaction>;
export type TransactionPatchJson = Static<typeof TransactionPatch>;
export type PostingInputJson = Static<typeof PostingInput>;
export type TransactionPageJson = Static<typeof TransactionPage>;
export type TransactionQueryJson = Static<typeof TransactionQuery>;
export type TransactionSummaryQueryJson = Static<typeof TransactionSummaryQuery>;
export type TransactionSummaryJson = Static<typeof TransactionSummary>;
export type BulkTransactionChangeJson = Static<typeof BulkTransactionChange>;
export type BulkTransactionResultJson = Static<typeof BulkTransactionResult>;
export type RestoredTransactionJson = Static<typeof RestoredTransaction>;
export type CategoryTotalsJson = Static<typeof CategoryTotals>;
export type SpendingJson = Static<typeof Spending>;
export type IncomeExpenseJson = Static<typeof IncomeExpense>;
export type CashFlowJson = Static<typeof CashFlow>;
export type TrendJson = Static<typeof Trend>;
export type BalanceSheetJson = Static<typeof BalanceSheet>;
export type IncomeStatementJson = Static<typeof IncomeStatement>;
export type NetWorthJson = Static<typeof NetWorth>;
export type BudgetJson = Static<typeof Budget>;
export type NewBudgetJson = Static<typeof NewBudget>;
export type BudgetPatchJson = Static<typeof BudgetPatch>;
export type BudgetAmountJson = Static<typeof BudgetAmount>;
export type BudgetPeriodJson = Static<typeof BudgetPeriod>;
export type BudgetStatusJson = Static<typeof BudgetStatus>;
export type BudgetOverviewJson = Static<typeof BudgetOverview>;
export type BudgetHistoryJson = Static<typeof BudgetHistory>;
export type PeriodLabelJson = Static<typeof PeriodLabel>;
export type RecurrenceJson = Static<typeof Recurrence>;
export type RolloverModeJson = Static<typeof RolloverMode>;
export type NotificationJson = Static<typeof Notification>;
export type EnvelopeSettingsJson = Static<typeof EnvelopeSettings>;
export type EnvelopeSettingsInputJson = Static<typeof EnvelopeSettingsInput>;
export type EnvelopeMonthJson = Static<typeof EnvelopeMonth>;
export type EnvelopeCategoryJson = Static<typeof EnvelopeCategory>;
export type EnvelopeAssignmentJson = Static<typeof EnvelopeAssignment>;
export type EnvelopeMoveJson = Static<typeof EnvelopeMove>;
export type EnvelopeMoveInputJson = Static<typeof EnvelopeMoveInput>;
export type CsvMappingJson = Static<typeof CsvMapping>;
export type ImportFileJson = Static<typeof ImportFile>;
export type ImportCommitJson = Static<typeof ImportCommit>;
export type ImportPreviewJson = Static<typeof ImportPreview>;
export type ImportPreviewPageJson = Static<typeof ImportPreviewPage>;
export type ImportChoicesJson = Static<typeof ImportChoices>;
export type ImportPreviewRowJson = ImportPreviewJson['rows'][number];
export type ImportStatementJson = ImportPreviewJson['statements'][number];
export type ImportBatchJson = Static<typeof ImportBatch>;
export type ImportProfileJson = Static<typeof ImportProfile>;
export type RuleJson = Static<typeof Rule>;
export type NewRuleJson = Static<typeof NewRule>;
export type RulePatchJson = Static<typeof RulePatch>;
export type RuleConditionJson = Static<typeof RuleCondition>;
export type RuleActionJson = Static<typeof RuleAction>;
export type SplitPartJson = Static<typeof SplitPart>;
export type ApplyRequestJson = Static<typeof ApplyRequest>;
export type ApplyResultJson = Static<typeof ApplyResult>;
export type RuleChangeJson = Static<typeof RuleChange>;
export type ClearedBalanceJson = Static<typeof ClearedBalance>;
export type NewReconciliationJson = Static<typeof NewReconciliation>;
export type ReconciliationJson = Static<typeof Reconciliation>;
