import type { Static } from 'typebox';
import type { SuggestionQuery, Suggestions } from '../../contract/rules.ts';
import { queryString, request } from './http.ts';
import type {
  AccountJson,
  AddStarterSetJson,
  ApplyRequestJson,
  ApplyResultJson,
  AuthOptionsJson,
  BalanceJson,
  BalanceSheetJson,
  BookJson,
  BudgetAmountJson,
  BudgetHistoryJson,
  BudgetJson,
  BudgetOverviewJson,
  BudgetPatchJson,
  BudgetStatusJson,
  BulkTransactionChangeJson,
  BulkTransactionResultJson,
  CashFlowJson,
  CategoryGroupJson,
  CategoryJson,
  CategoryPatchJson,
  CategoryTotalsJson,
  ClearedBalanceJson,
  EnvelopeAssignmentJson,
  EnvelopeMonthJson,
  EnvelopeMoveInputJson,
  EnvelopeMoveJson,
  EnvelopeSettingsInputJson,
  EnvelopeSettingsJson,
  ImportBatchJson,
  ImportChoicesJson,
  ImportCommitJson,
  ImportFileJson,
  ImportPreviewJson,
  ImportPreviewPageJson,
  ImportProfileJson,
  IncomeExpenseJson,
  IncomeStatementJson,
  MemberJson,
  MoneyJson,
  NetWorthJson,
  NewAccountJson,
  NewBudgetJson,
  NewCategoryJson,
  NewReconciliationJson,
  NewRuleJson,
  NewTransactionJson,
  NotificationJson,
  PayeeJson,
  ReconciliationJson,
  RegisterJson,
  RestoredTransactionJson,
  RuleJson,
  RulePatchJson,
  SessionJson,
  SpendingJson,
  StarterSetAddedJson,
  StarterSetJson,
  TagJson,
  TransactionJson,
  TransactionPageJson,
  TransactionPatchJson,
  TransactionQueryJson,
  TransactionSummaryJson,
  TransactionSummaryQueryJson,
  TrendJson,
} from './types.ts';

/** Every call the web app makes, typed by the server's contract. */
const book = (bookId: number) => `/api/v1/books/${bookId}`;

/** A report's query: a range (or a date) and optional filters; `format=csv` makes it a download. */
export type ReportQuery = Record<string, string | number | undefined>;

/** The address of one report (`spending`, `categories/12/trend`, …), JSON or `format: 'csv'`. */
export const reportUrl = (bookId: number, name: string, query: ReportQuery) =>
  `${book(bookId)}/reports/${name}${queryString(query)}`;

export const api = {
  auth: {
    me: () => request<SessionJson>('GET', '/api/v1/auth/me'),
    login: (body: { email: string; password: string }) =>
      request<SessionJson>('POST', '/api/v1/auth/login', body),
    /** Answers the same for a new and a taken e-mail, without a session: log in next. */
    register: (body: { email: string; password: string; name: string }) =>
      request<{ status: 'accepted' }>('POST', '/api/v1/auth/register', body),
    options: () => request<AuthOptionsJson>('GET', '/api/v1/auth/options'),
    logout: () => request<void>('POST', '/api/v1/auth/logout'),
    changePassword: (body: { currentPassword: string; newPassword: string }) =>
      request<void>('POST', '/api/v1/auth/password', body),
  },
  books: {
    list: () => request<BookJson[]>('GET', '/api/v1/books'),
    create: (body: { name: string; baseCurrency: string }) =>
      request<BookJson>('POST', '/api/v1/books', body),
    update: (bookId: number, body: { name?: string; baseCurrency?: string }) =>
      request<BookJson>('PATCH', book(bookId), body),
    members: (bookId: number) => request<MemberJson[]>('GET', `${book(bookId)}/members`),
  },
  accounts: {
    list: (bookId: number, options: { includeArchived?: boolean } = {}) =>
      request<AccountJson[]>('GET', `${book(bookId)}/accounts${queryString(options)}`),
    create: (bookId: number, body: NewAccountJson) =>
      request<AccountJson>('POST', `${book(bookId)}/accounts`, body),
    update: (
      bookId: number,
      id: number,
      body: Partial<Pick<AccountJson, 'name' | 'subtype' | 'notes' | 'hidden'>>,
    ) => request<AccountJson>('PATCH', `${book(bookId)}/accounts/${id}`, body),
    archive: (bookId: number, id: number, archived: boolean) =>
      request<AccountJson>('POST', `${book(bookId)}/accounts/${id}/${archived ? 'archive' : 'unarchive'}`),
    balance: (bookId: number, id: number, date?: string) =>
      request<BalanceJson>('GET', `${book(bookId)}/accounts/${id}/balance${queryString({ date })}`),
    register: (bookId: number, id: number, options: { cursor?: string; limit?: number }) =>
      request<RegisterJson>('GET', `${book(bookId)}/accounts/${id}/register${queryString(options)}`),
  },
  /** An account against its bank statements: what is cleared, finishing, the history, undo. */
  reconciliations: {
    cleared: (bookId: number, accountId: number, date: string) =>
      request<ClearedBalanceJson>(
        'GET',
        `${book(bookId)}/accounts/${accountId}/cleared${queryString({ date })}`,
      ),
    list: (bookId: number, accountId: number) =>
      request<ReconciliationJson[]>('GET', `${book(bookId)}/accounts/${accountId}/reconciliations`),
    finish: (bookId: number, accountId: number, body: NewReconciliationJson) =>
      request<ReconciliationJson>('POST', `${book(bookId)}/accounts/${accountId}/reconciliations`, body),
    undo: (bookId: number, accountId: number, id: number) =>
      request<void>('DELETE', `${book(bookId)}/accounts/${accountId}/reconciliations/${id}`),
  },
  categories: {
    list: (bookId: number) => request<CategoryJson[]>('GET', `${book(bookId)}/categories`),
    /** Archived ones too: names for old transactions. */
    listAll: (bookId: number) =>
      request<CategoryJson[]>('GET', `${book(bookId)}/categories${queryString({ includeArchived: true })}`),
    create: (bookId: number, body: NewCategoryJson) =>
      request<CategoryJson>('POST', `${book(bookId)}/categories`, body),
    update: (bookId: number, id: number, body: CategoryPatchJson) =>
      request<CategoryJson>('PATCH', `${book(bookId)}/categories/${id}`, body),
    merge: (bookId: number, id: number, into: number) =>
      request<CategoryJson>('POST', `${book(bookId)}/categories/${id}/merge`, { into }),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/categories/${id}`),
    starterSets: (bookId: number, language: string) =>
      request<StarterSetJson[]>('GET', `${book(bookId)}/categories/starter-sets${queryString({ language })}`),
    addStarterSet: (bookId: number, body: AddStarterSetJson) =>
      request<StarterSetAddedJson>('POST', `${book(bookId)}/categories/starter-sets`, body),
  },
  groups: {
    list: (bookId: number) => request<CategoryGroupJson[]>('GET', `${book(bookId)}/category-groups`),
    create: (bookId: number, body: { name: string; kind: 'income' | 'expense' }) =>
      request<CategoryGroupJson>('POST', `${book(bookId)}/category-groups`, body),
    update: (bookId: number, id: number, body: { name?: string; hidden?: boolean }) =>
      request<CategoryGroupJson>('PATCH', `${book(bookId)}/category-groups/${id}`, body),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/category-groups/${id}`),
  },
  payees: {
    list: (bookId: number, q?: string) =>
      request<PayeeJson[]>('GET', `${book(bookId)}/payees${queryString({ q })}`),
    update: (bookId: number, id: number, body: { name?: string; defaultCategoryId?: number | null }) =>
      request<PayeeJson>('PATCH', `${book(bookId)}/payees/${id}`, body),
    merge: (bookId: number, id: number, into: number) =>
      request<PayeeJson>('POST', `${book(bookId)}/payees/${id}/merge`, { into }),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/payees/${id}`),
  },
  tags: {
    list: (bookId: number) => request<TagJson[]>('GET', `${book(bookId)}/tags`),
    create: (bookId: number, body: { name: string; color?: string }) =>
      request<TagJson>('POST', `${book(bookId)}/tags`, body),
    update: (bookId: number, id: number, body: { name?: string; color?: string | null }) =>
      request<TagJson>('PATCH', `${book(bookId)}/tags/${id}`, body),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/tags/${id}`),
  },
  reports: {
    categoryTotals: (bookId: number, query: { from: string; to: string; interval?: 'none' | 'month' }) =>
      request<CategoryTotalsJson>('GET', `${book(bookId)}/reports/category-totals${queryString(query)}`),
    spending: (bookId: number, query: ReportQuery) =>
      request<SpendingJson>('GET', reportUrl(bookId, 'spending', query)),
    incomeExpense: (bookId: number, query: ReportQuery) =>
      request<IncomeExpenseJson>('GET', reportUrl(bookId, 'income-expense', query)),
    netWorth: (bookId: number, query: ReportQuery) =>
      request<NetWorthJson>('GET', reportUrl(bookId, 'net-worth', query)),
    cashFlow: (bookId: number, query: ReportQuery) =>
      request<CashFlowJson>('GET', reportUrl(bookId, 'cash-flow', query)),
    balanceSheet: (bookId: number, query: ReportQuery) =>
      request<BalanceSheetJson>('GET', reportUrl(bookId, 'balance-sheet', query)),
    incomeStatement: (bookId: number, query: ReportQuery) =>
      request<IncomeStatementJson>('GET', reportUrl(bookId, 'income-statement', query)),
    trend: (bookId: number, categoryId: number, query: ReportQuery) =>
      request<TrendJson>('GET', reportUrl(bookId, `categories/${categoryId}/trend`, query)),
  },
  transactions: {
    list: (bookId: number, query: TransactionQueryJson) =>
      request<TransactionPageJson>('GET', `${book(bookId)}/transactions${queryString(query)}`),
    get: (bookId: number, id: number) =>
      request<TransactionJson>('GET', `${book(bookId)}/transactions/${id}`),
    create: (bookId: number, body: NewTransactionJson) =>
      request<TransactionJson>('POST', `${book(bookId)}/transactions`, body),
    update: (bookId: number, id: number, body: TransactionPatchJson) =>
      request<TransactionJson>('PATCH', `${book(bookId)}/transactions/${id}`, body),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/transactions/${id}`),
    summary: (bookId: number, query: TransactionSummaryQueryJson) =>
      request<TransactionSummaryJson>('GET', `${book(bookId)}/transactions/summary${queryString(query)}`),
    bulkUpdate: (bookId: number, ids: number[], set: BulkTransactionChangeJson) =>
      request<BulkTransactionResultJson>('POST', `${book(bookId)}/transactions/bulk-update`, { ids, set }),
    bulkDelete: (bookId: number, ids: number[]) =>
      request<BulkTransactionResultJson>('POST', `${book(bookId)}/transactions/bulk-delete`, { ids }),
    bulkRestore: (bookId: number, transactions: RestoredTransactionJson[]) =>
      request<BulkTransactionResultJson>('POST', `${book(bookId)}/transactions/bulk-restore`, {
        transactions,
      }),
  },
  budgets: {
    list: (bookId: number) => request<BudgetJson[]>('GET', `${book(bookId)}/budgets`),
    create: (bookId: number, body: NewBudgetJson) =>
      request<BudgetJson>('POST', `${book(bookId)}/budgets`, body),
    update: (bookId: number, id: number, body: BudgetPatchJson) =>
      request<BudgetJson>('PATCH', `${book(bookId)}/budgets/${id}`, body),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/budgets/${id}`),
    setAmount: (bookId: number, id: number, body: BudgetAmountJson) =>
      request<BudgetJson>('POST', `${book(bookId)}/budgets/${id}/amounts`, body),
    status: (bookId: number, id: number, query: { asOf?: string; periods?: number } = {}) =>
      request<BudgetStatusJson>('GET', `${book(bookId)}/budgets/${id}/status${queryString(query)}`),
    history: (bookId: number, id: number, query: { asOf?: string; periods?: number } = {}) =>
      request<BudgetHistoryJson>('GET', `${book(bookId)}/budgets/${id}/history${queryString(query)}`),
    overview: (bookId: number, asOf?: string) =>
      request<BudgetOverviewJson>('GET', `${book(bookId)}/budgets/overview${queryString({ asOf })}`),
  },
  envelope: {
    settings: (bookId: number) => request<EnvelopeSettingsJson>('GET', `${book(bookId)}/envelope/settings`),
    saveSettings: (bookId: number, body: EnvelopeSettingsInputJson) =>
      request<EnvelopeSettingsJson>('PUT', `${book(bookId)}/envelope/settings`, body),
    month: (bookId: number, month: string) =>
      request<EnvelopeMonthJson>('GET', `${book(bookId)}/envelope/months/${month}`),
    assign: (bookId: number, month: string, categoryId: number, amount: MoneyJson) =>
      request<EnvelopeAssignmentJson>(
        'PUT',
        `${book(bookId)}/envelope/months/${month}/assignments/${categoryId}`,
        { amount },
      ),
    move: (bookId: number, month: string, body: EnvelopeMoveInputJson) =>
      request<EnvelopeMoveJson>('POST', `${book(bookId)}/envelope/months/${month}/moves`, body),
    undoMove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/envelope/moves/${id}`),
  },
  imports: {
    preview: (bookId: number, body: ImportFileJson) =>
      request<ImportPreviewJson>('POST', `${book(bookId)}/imports/preview`, body),
    commit: (bookId: number, body: ImportCommitJson) =>
      request<ImportBatchJson>('POST', `${book(bookId)}/imports`, body),
    previewRows: (
      bookId: number,
      previewId: string,
      query: { filter: string; cursor?: string; limit?: number },
    ) =>
      request<ImportPreviewPageJson>(
        'GET',
        `${book(bookId)}/imports/previews/${previewId}/rows${queryString(query)}`,
      ),
    commitPreview: (bookId: number, previewId: string, body: ImportChoicesJson) =>
      request<ImportBatchJson>('POST', `${book(bookId)}/imports/previews/${previewId}/commit`, body),
    list: (bookId: number) => request<ImportBatchJson[]>('GET', `${book(bookId)}/imports`),
    undo: (bookId: number, id: number) =>
      request<ImportBatchJson>('POST', `${book(bookId)}/imports/${id}/undo`, {}),
    profiles: (bookId: number) => request<ImportProfileJson[]>('GET', `${book(bookId)}/import-profiles`),
  },
  rules: {
    list: (bookId: number) => request<RuleJson[]>('GET', `${book(bookId)}/rules`),
    create: (bookId: number, body: NewRuleJson) => request<RuleJson>('POST', `${book(bookId)}/rules`, body),
    update: (bookId: number, id: number, body: RulePatchJson) =>
      request<RuleJson>('PATCH', `${book(bookId)}/rules/${id}`, body),
    remove: (bookId: number, id: number) => request<void>('DELETE', `${book(bookId)}/rules/${id}`),
    reorder: (bookId: number, ids: number[]) =>
      request<RuleJson[]>('POST', `${book(bookId)}/rules/reorder`, { ids }),
    apply: (bookId: number, body: ApplyRequestJson) =>
      request<ApplyResultJson>('POST', `${book(bookId)}/rules/apply`, body),
    /** Learned categories for a transaction being written (payee, description, the amount's sign). */
    suggestions: (bookId: number, query: Static<typeof SuggestionQuery>) =>
      request<Static<typeof Suggestions>>('GET', `${book(bookId)}/suggestions${queryString(query)}`),
  },
  notifications: {
    list: (bookId: number, options: { includeDismissed?: boolean } = {}) =>
      request<NotificationJson[]>('GET', `${book(bookId)}/notifications${queryString(options)}`),
    dismiss: (bookId: number, id: number) =>
      request<NotificationJson>('POST', `${book(bookId)}/notifications/${id}/dismiss`),
  },
};
