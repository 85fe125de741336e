/**
 * Who may call each operation of the API: the authorisation matrix's expectations
 * (test/api/authorization.test.ts), one explicit entry per operation. An operation of the OpenAPI
 * document that is missing here fails the matrix, so no route ships without a decision on who may
 * call it. See docs/testing.md.
 */

export const ACCESS_CLASSES = [
  /** Anyone, logged in or not. */
  'public',
  /** Any logged-in user: their own session and account, their list of books, a new book. */
  'user',
  /** A member of the book in the path, any role: reads. */
  'viewer',
  /** An editor or owner of the book in the path: writes to its finance data. */
  'editor',
  /** Only an owner of the book in the path: the book itself and its members. */
  'owner',
  /** Only an administrator (none yet: the admin area will manage users, never read books). */
  'admin',
] as const;

export type AccessClass = (typeof ACCESS_CLASSES)[number];

const viewer = 'viewer';
const editor = 'editor';
const owner = 'owner';
const books = '/api/v1/books/{bookId}';

export const ACCESS: Readonly<Record<string, AccessClass>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/v1/auth/options': 'public',
  'POST /api/v1/auth/register': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'user',
  'GET /api/v1/auth/me': 'user',
  'POST /api/v1/auth/password': 'user',
  'GET /api/v1/books': 'user',
  'POST /api/v1/books': 'user',
  'POST /api/v1/books/restore': 'user',

  [`GET ${books}`]: viewer,
  [`PATCH ${books}`]: owner,
  [`DELETE ${books}`]: owner,
  [`GET ${books}/members`]: viewer,
  [`PATCH ${books}/members/{userId}`]: owner,
  [`DELETE ${books}/members/{userId}`]: owner,

  [`GET ${books}/transactions/export`]: viewer,
  [`GET ${books}/export/journal`]: viewer,
  [`GET ${books}/backup`]: viewer,

  [`GET ${books}/accounts`]: viewer,
  [`POST ${books}/accounts`]: editor,
  [`GET ${books}/accounts/{id}`]: viewer,
  [`PATCH ${books}/accounts/{id}`]: editor,
  [`DELETE ${books}/accounts/{id}`]: editor,
  [`POST ${books}/accounts/{id}/archive`]: editor,
  [`POST ${books}/accounts/{id}/unarchive`]: editor,
  [`GET ${books}/accounts/{id}/balance`]: viewer,
  [`GET ${books}/accounts/{id}/register`]: viewer,
  [`GET ${books}/accounts/{id}/cleared`]: viewer,
  [`GET ${books}/accounts/{id}/reconciliations`]: viewer,
  [`POST ${books}/accounts/{id}/reconciliations`]: editor,
  [`DELETE ${books}/accounts/{id}/reconciliations/{reconciliationId}`]: editor,

  [`GET ${books}/category-groups`]: viewer,
  [`POST ${books}/category-groups`]: editor,
  [`GET ${books}/category-groups/{id}`]: viewer,
  [`PATCH ${books}/category-groups/{id}`]: editor,
  [`DELETE ${books}/category-groups/{id}`]: editor,

  [`GET ${books}/categories`]: viewer,
  [`POST ${books}/categories`]: editor,
  [`GET ${books}/categories/{id}`]: viewer,
  [`PATCH ${books}/categories/{id}`]: editor,
  [`DELETE ${books}/categories/{id}`]: editor,
  [`POST ${books}/categories/{id}/merge`]: editor,
  [`GET ${books}/categories/starter-sets`]: viewer,
  [`POST ${books}/categories/starter-sets`]: editor,

  [`GET ${books}/payees`]: viewer,
  [`POST ${books}/payees`]: editor,
  [`GET ${books}/payees/{id}`]: viewer,
  [`PATCH ${books}/payees/{id}`]: editor,
  [`DELETE ${books}/payees/{id}`]: editor,
  [`POST ${books}/payees/{id}/merge`]: editor,

  [`GET ${books}/tags`]: viewer,
  [`POST ${books}/tags`]: editor,
  [`GET ${books}/tags/{id}`]: viewer,
  [`PATCH ${books}/tags/{id}`]: editor,
  [`DELETE ${books}/tags/{id}`]: editor,

  [`GET ${books}/transactions`]: viewer,
  [`GET ${books}/transactions/summary`]: viewer,
  [`POST ${books}/transactions`]: editor,
  [`GET ${books}/transactions/{id}`]: viewer,
  [`PATCH ${books}/transactions/{id}`]: editor,
  [`DELETE ${books}/transactions/{id}`]: editor,
  [`POST ${books}/transactions/bulk-update`]: editor,
  [`POST ${books}/transactions/bulk-delete`]: editor,
  [`POST ${books}/transactions/bulk-restore`]: editor,

  [`GET ${books}/reports/category-totals`]: viewer,
  [`GET ${books}/reports/spending`]: viewer,
  [`GET ${books}/reports/income-expense`]: viewer,
  [`GET ${books}/reports/net-worth`]: viewer,
  [`GET ${books}/reports/cash-flow`]: viewer,
  [`GET ${books}/reports/balance-sheet`]: viewer,
  [`GET ${books}/reports/income-statement`]: viewer,
  [`GET ${books}/reports/categories/{id}/trend`]: viewer,

  [`GET ${books}/budgets`]: viewer,
  [`POST ${books}/budgets`]: editor,
  [`GET ${books}/budgets/overview`]: viewer,
  [`GET ${books}/budgets/{id}`]: viewer,
  [`PATCH ${books}/budgets/{id}`]: editor,
  [`DELETE ${books}/budgets/{id}`]: editor,
  [`POST ${books}/budgets/{id}/amounts`]: editor,
  [`GET ${books}/budgets/{id}/status`]: viewer,
  [`GET ${books}/budgets/{id}/history`]: viewer,
  [`GET ${books}/notifications`]: viewer,
  [`POST ${books}/notifications/{id}/dismiss`]: editor,

  [`GET ${books}/envelope/settings`]: viewer,
  [`PUT ${books}/envelope/settings`]: editor,
  [`GET ${books}/envelope/months/{month}`]: viewer,
  [`PUT ${books}/envelope/months/{month}/assignments/{categoryId}`]: editor,
  [`POST ${books}/envelope/months/{month}/moves`]: editor,
  [`DELETE ${books}/envelope/moves/{id}`]: editor,
  [`PUT ${books}/envelope/assignments`]: editor,
  [`POST ${books}/envelope/months/{month}/fill`]: editor,

  [`GET ${books}/rules`]: viewer,
  [`POST ${books}/rules`]: editor,
  [`POST ${books}/rules/reorder`]: editor,
  [`POST ${books}/rules/apply`]: editor,
  [`GET ${books}/rules/{id}`]: viewer,
  [`PATCH ${books}/rules/{id}`]: editor,
  [`DELETE ${books}/rules/{id}`]: editor,
  [`GET ${books}/suggestions`]: viewer,

  [`POST ${books}/imports/preview`]: editor,
  [`POST ${books}/imports`]: editor,
  [`GET ${books}/imports/previews/{previewId}/rows`]: editor,
  [`POST ${books}/imports/previews/{previewId}/commit`]: editor,
  [`GET ${books}/imports`]: viewer,
  [`GET ${books}/imports/{id}`]: viewer,
  [`POST ${books}/imports/{id}/undo`]: editor,
  [`GET ${books}/import-profiles`]: viewer,
  [`POST ${books}/import-profiles`]: editor,
  [`GET ${books}/import-profiles/{id}`]: viewer,
  [`PATCH ${books}/import-profiles/{id}`]: editor,
  [`DELETE ${books}/import-profiles/{id}`]: editor,
};

/** The classes whose operations sit behind the book-access gate. */
export const BOOK_CLASSES: ReadonlySet<AccessClass> = new Set(['viewer', 'editor', 'owner']);
