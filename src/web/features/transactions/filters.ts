import type { TransactionQueryJson } from '../../api/types.ts';

/**
 * The filters of the all-transactions page and how they live in the URL's query string, so a view
 * can be bookmarked, shared and reloaded. Pure: the page renders it, the tests check it.
 *
 * Reading is forgiving: a value the API would refuse (a hand-edited `?from=yesterday`) is left
 * out rather than turned into an error page. Writing is canonical: fixed key order, empty values
 * left out, so the same view always has the same address.
 */
export const STATUSES = ['pending', 'cleared', 'reconciled'] as const;
export type Status = (typeof STATUSES)[number];

export interface TransactionFilters {
  /** The text box as typed (spaces and all); trimmed only when it becomes a query. */
  q: string;
  from: string;
  to: string;
  accountId: number | null;
  categoryId: number | null;
  payeeId: number | null;
  tagId: number | null;
  status: Status | null;
  /** Exact non-negative decimal strings (`"12.50"`), or '' for no bound. */
  minAmount: string;
  maxAmount: string;
}

export const NO_FILTERS: TransactionFilters = {
  q: '',
  from: '',
  to: '',
  accountId: null,
  categoryId: null,
  payeeId: null,
  tagId: null,
  status: null,
  minAmount: '',
  maxAmount: '',
};

/** The URL's keys, in the order they are written. */
export const FILTER_KEYS = [
  'q',
  'from',
  'to',
  'accountId',
  'categoryId',
  'payeeId',
  'tagId',
  'status',
  'minAmount',
  'maxAmount',
] as const satisfies readonly (keyof TransactionFilters)[];

/** The filters naming an item of the book, which may be deleted or merged away after a bookmark. */
export const ID_FILTERS = [
  'accountId',
  'categoryId',
  'payeeId',
  'tagId',
] as const satisfies readonly (keyof TransactionFilters)[];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** The API's bound on amounts: up to 20 whole digits and 20 decimals, no sign. */
const AMOUNT = /^\d{1,20}(\.\d{1,20})?$/;
const MAX_QUERY = 200;

function id(text: string | null): number | null {
  if (text === null || !/^[1-9]\d{0,15}$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function date(text: string | null): string {
  return text !== null && ISO_DATE.test(text) ? text : '';
}

/** An amount bound as the API takes it: the sign dropped (a bound is on the size), else ''. */
export function amountBound(text: string | null): string {
  if (text === null) return '';
  const unsigned = text.trim().replace(/^[-+]/, '');
  return AMOUNT.test(unsigned) ? unsigned : '';
}

export function filtersFromSearch(search: URLSearchParams): TransactionFilters {
  const status = search.get('status');
  return {
    q: (search.get('q') ?? '').slice(0, MAX_QUERY),
    from: date(search.get('from')),
    to: date(search.get('to')),
    accountId: id(search.get('accountId')),
    categoryId: id(search.get('categoryId')),
    payeeId: id(search.get('payeeId')),
    tagId: id(search.get('tagId')),
    status: STATUSES.includes(status as Status) ? (status as Status) : null,
    minAmount: amountBound(search.get('minAmount')),
    maxAmount: amountBound(search.get('maxAmount')),
  };
}

/** The query string of the filters: set ones only, in FILTER_KEYS order. */
export function searchFromFilters(filters: TransactionFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === null || value === '') continue;
    search.set(key, String(value));
  }
  return search;
}

/** The filters with some changed: what a control hands the URL. */
export function withFilter(
  filters: TransactionFilters,
  change: Partial<TransactionFilters>,
): TransactionFilters {
  return { ...filters, ...change };
}

/** The change that drops these id filters (any other name is ignored). */
export function withoutIdFilters(names: readonly string[]): Partial<TransactionFilters> {
  return Object.fromEntries(ID_FILTERS.filter((key) => names.includes(key)).map((key) => [key, null]));
}

export function hasFilters(filters: TransactionFilters): boolean {
  return FILTER_KEYS.some((key) => {
    const value = filters[key];
    return key === 'q' ? (value as string).trim() !== '' : value !== null && value !== '';
  });
}

/** The API query of the filters (without cursor and limit). */
export function queryOf(filters: TransactionFilters): TransactionQueryJson {
  const query: TransactionQueryJson = {};
  const q = filters.q.trim();
  if (q) query.q = q;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  if (filters.accountId !== null) query.accountId = filters.accountId;
  if (filters.categoryId !== null) query.categoryId = filters.categoryId;
  if (filters.payeeId !== null) query.payeeId = filters.payeeId;
  if (filters.tagId !== null) query.tagId = filters.tagId;
  if (filters.status !== null) query.status = filters.status;
  if (filters.minAmount) query.minAmount = filters.minAmount;
  if (filters.maxAmount) query.maxAmount = filters.maxAmount;
  return query;
}
