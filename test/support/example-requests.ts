/**
 * A valid request for every operation of the API against a probe book: the base that the
 * authorisation probe puts another book's ids into, and that the schema fuzzer breaks one field of
 * at a time (so its requests get past validation into the services). An operation with a body and
 * no example here fails both probes.
 */
import { idTarget } from './id-fields.ts';
import type { JsonSchema, Operation, OperationRequest } from './openapi-operations.ts';
import { PROBE_MONTH, PROBE_STATEMENT, type ProbeBook, pathValues } from './probe-book.ts';

/** What the auth operations need besides the book: who the caller is. */
export interface Caller {
  email: string;
  password: string;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });
const books = '/api/v1/books/{bookId}';
const statement = Buffer.from(PROBE_STATEMENT).toString('base64');

type Example = (book: ProbeBook, caller: Caller, unique: string) => unknown;

/** One example body per operation, or several where one body cannot hold every id field at once. */
const BODIES: Readonly<Record<string, Example | Example[]>> = {
  'POST /api/v1/auth/register': (_book, caller, unique) => ({
    email: `probe-${unique}@example.com`,
    password: caller.password,
    name: 'Probe',
  }),
  'POST /api/v1/auth/login': (_book, caller) => ({ email: caller.email, password: caller.password }),
  'POST /api/v1/auth/password': (_book, caller) => ({
    currentPassword: caller.password,
    newPassword: `${caller.password} again`,
  }),
  'POST /api/v1/books': (_book, _caller, unique) => ({ name: `Book ${unique}`, baseCurrency: 'EUR' }),
  'POST /api/v1/books/restore': (book) => book.backup,
  [`PATCH ${books}`]: (_book, _caller, unique) => ({ name: `Book ${unique}` }),
  [`PATCH ${books}/members/{userId}`]: () => ({ role: 'owner' }),
  [`POST ${books}/accounts`]: (book, _caller, unique) => ({
    name: `Account ${unique}`,
    type: 'asset',
    parentId: book.ids.accounts,
    openingBalance: eur('1.00'),
  }),
  [`PATCH ${books}/accounts/{id}`]: (book) => ({ notes: 'probe', parentId: book.spare.accounts }),
  [`POST ${books}/accounts/{id}/reconciliations`]: () => ({
    statementDate: '2000-02-29',
    statementBalance: eur('0.00'),
  }),
  [`POST ${books}/category-groups`]: (_book, _caller, unique) => ({
    name: `Group ${unique}`,
    kind: 'expense',
  }),
  [`PATCH ${books}/category-groups/{id}`]: () => ({ hidden: false }),
  [`POST ${books}/categories`]: (book, _caller, unique) => ({
    name: `Category ${unique}`,
    kind: 'expense',
    groupId: book.ids['category-groups'],
    parentId: book.ids.categories,
  }),
  [`PATCH ${books}/categories/{id}`]: (book) => ({
    groupId: book.ids['category-groups'],
    parentId: book.spare.categories,
    target: eur('4.00'),
  }),
  [`POST ${books}/categories/{id}/merge`]: (book) => ({ into: book.spare.categories }),
  [`POST ${books}/categories/starter-sets`]: () => ({ set: 'household', language: 'de' }),
  [`POST ${books}/payees`]: (book, _caller, unique) => ({
    name: `Payee ${unique}`,
    defaultCategoryId: book.ids.categories,
  }),
  [`PATCH ${books}/payees/{id}`]: (book) => ({ defaultCategoryId: book.ids.categories }),
  [`POST ${books}/payees/{id}/merge`]: (book) => ({ into: book.spare.payees }),
  [`POST ${books}/tags`]: (_book, _caller, unique) => ({ name: `Tag ${unique}` }),
  [`PATCH ${books}/tags/{id}`]: () => ({ color: null }),
  [`POST ${books}/transactions`]: (book) => transaction(book),
  [`PATCH ${books}/transactions/{id}`]: (book) => transaction(book),
  [`POST ${books}/transactions/bulk-update`]: (book) => ({
    ids: [book.ids.transactions],
    set: {
      categoryId: book.spare.categories,
      payeeId: book.ids.payees,
      addTagIds: [book.ids.tags],
      removeTagIds: [book.ids.tags],
      status: 'cleared',
    },
  }),
  [`POST ${books}/transactions/bulk-delete`]: (book) => ({ ids: [book.ids.transactions] }),
  [`POST ${books}/transactions/bulk-restore`]: (book) => ({
    transactions: [{ id: book.ids.transactions, ...transaction(book) }],
  }),
  // A budget is for a category or for a group.
  [`POST ${books}/budgets`]: [
    (book, _caller, unique) => ({
      name: `Budget ${unique}`,
      categoryId: book.ids.categories,
      recurrence: { kind: 'monthly', startDay: 1 },
      amounts: [{ from: '2026-01-01', amount: eur('4.00') }],
    }),
    (book, _caller, unique) => ({
      name: `Budget ${unique}`,
      groupId: book.ids['category-groups'],
      recurrence: { kind: 'yearly' },
      amounts: [{ from: '2026-01-01', amount: eur('40.00') }],
    }),
  ],
  [`PATCH ${books}/budgets/{id}`]: [
    (book) => ({ categoryId: book.ids.categories }),
    (book) => ({ groupId: book.ids['category-groups'] }),
  ],
  [`POST ${books}/budgets/{id}/amounts`]: () => ({ from: '2026-02-01', amount: eur('5.00') }),
  [`PUT ${books}/envelope/settings`]: () => ({ enabled: true, startMonth: PROBE_MONTH }),
  [`PUT ${books}/envelope/months/{month}/assignments/{categoryId}`]: () => ({ amount: eur('2.00') }),
  [`PUT ${books}/envelope/assignments`]: (book) => ({
    cells: [{ month: PROBE_MONTH, categoryId: book.ids.categories, amount: eur('3.00') }],
  }),
  [`POST ${books}/envelope/months/{month}/fill`]: (book) => ({
    strategy: 'copy-last-month',
    categoryIds: [book.ids.categories],
  }),
  [`POST ${books}/envelope/months/{month}/moves`]: (book) => ({
    from: book.ids.categories,
    to: book.spare.categories,
    amount: eur('0.50'),
  }),
  [`POST ${books}/rules`]: (book, _caller, unique) => ({ name: `Rule ${unique}`, ...ruleParts(book) }),
  [`PATCH ${books}/rules/{id}`]: (book) => ruleParts(book),
  [`POST ${books}/rules/reorder`]: (book) => ({ ids: [book.ids.rules] }),
  [`POST ${books}/rules/apply`]: (book) => ({
    ruleIds: [book.ids.rules],
    filter: { accountId: book.ids.accounts, from: '2026-01-01' },
    dryRun: true,
  }),
  [`POST ${books}/imports/preview`]: (book) => importFile(book),
  [`POST ${books}/imports`]: (book) => ({
    ...importFile(book),
    categories: [{ index: 0, categoryId: book.ids.categories }],
  }),
  [`POST ${books}/imports/previews/{previewId}/commit`]: (book) => ({
    exclude: [1],
    include: [0],
    categories: [{ index: 0, categoryId: book.ids.categories }],
    profileName: 'Probe preview',
  }),
  [`POST ${books}/import-profiles`]: (book, _caller, unique) => ({
    name: `Profile ${unique}`,
    accountId: book.ids.accounts,
    mapping: book.mapping,
  }),
  [`PATCH ${books}/import-profiles/{id}`]: (book) => ({ accountId: book.ids.accounts }),
};

function transaction(book: ProbeBook) {
  return {
    date: '2026-01-15',
    payeeId: book.ids.payees,
    tagIds: [book.ids.tags],
    description: 'Probe',
    postings: [
      { accountId: book.ids.accounts, amount: eur('-2.00') },
      { accountId: book.ids.categories, amount: eur('2.00'), memo: 'probe' },
    ],
  };
}

function ruleParts(book: ProbeBook) {
  return {
    conditions: [{ field: 'account', operator: 'in', accountIds: [book.ids.accounts] }],
    actions: [
      { type: 'addTag', tagId: book.ids.tags },
      {
        type: 'split',
        parts: [{ categoryId: book.ids.categories, percent: '50' }, { categoryId: book.spare.categories }],
      },
    ],
  };
}

function importFile(book: ProbeBook) {
  return {
    fileName: 'probe.csv',
    content: statement,
    accountId: book.ids.accounts,
    statementAccounts: [{ statement: 0, accountId: book.ids.accounts }],
    profileId: book.ids['import-profiles'],
  };
}

/** A plausible value of a query parameter; an id parameter names the probe book's item. */
function queryValue(operation: Operation, name: string, schema: JsonSchema, book: ProbeBook) {
  const resource = idTarget(operation, name, schema);
  if (resource) return String(book.ids[resource]);
  if (schema.format === 'date') return name === 'to' ? '2026-12-31' : '2026-01-01';
  if (schema.enum) return String(schema.enum[0]);
  if (typeof schema.default === 'string') return schema.default;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'integer') return Number(schema.default ?? schema.minimum ?? 1);
  if (/Amount$|^amount$/.test(name)) return '1.00';
  return name === 'cursor' ? undefined : 'Probe';
}

let made = 0;

/**
 * Valid requests for `operation` against `book` (every query parameter given, but a cursor): one,
 * or one per example body where the operation has several.
 */
export function exampleRequests(operation: Operation, book: ProbeBook, caller: Caller): OperationRequest[] {
  const query: OperationRequest['query'] = {};
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    const value = queryValue(operation, parameter.name, parameter.schema, book);
    if (value !== undefined) query[parameter.name] = value;
  }
  const path = pathValues(operation.path, book);
  if (!operation.body) return [{ path, query, body: undefined }];
  const examples = BODIES[operation.key];
  if (!examples) throw new Error(`${operation.key}: add an example body to example-requests.ts`);
  return [examples].flat().map((example) => {
    made += 1;
    return { path, query, body: example(book, caller, `${process.pid}-${made}`) };
  });
}

/** The first valid request for `operation` against `book`. */
export const exampleRequest = (operation: Operation, book: ProbeBook, caller: Caller): OperationRequest =>
  exampleRequests(operation, book, caller)[0]!;
