/**
 * A book holding one item of every kind the API addresses by id, made through the API, for the
 * probes that call every operation (authorisation matrix, schema fuzzing):
 *
 *   const book = await probeBook(owner, base);
 *   book.ids.accounts; book.ids['import-profiles']; book.spare.categories
 */
import { expect } from 'vitest';
import type { Client } from './api.ts';

/** What an id in a path, query or body can name: the path segment of its collection. */
export const RESOURCES = [
  'accounts',
  'categories',
  'category-groups',
  'payees',
  'tags',
  'transactions',
  'budgets',
  'notifications',
  'moves',
  'rules',
  'imports',
  'import-profiles',
  'members',
  'reconciliations',
] as const;
export type Resource = (typeof RESOURCES)[number];

export interface ProbeBook {
  bookId: number;
  base: string;
  ids: Record<Resource, number>;
  /** A second item, where an operation needs two (a merge's target, a move's other category). */
  spare: { accounts: number; categories: number; payees: number };
  /** The CSV mapping the import saved as a profile. */
  mapping: Record<string, unknown>;
  /** The book's backup document, as restore takes it. */
  backup: unknown;
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });
export const PROBE_MONTH = '2026-01';
export const PROBE_PREVIEW_ID = '00000000-0000-4000-8000-000000000000';
export const PROBE_STATEMENT = 'Date,Description,Amount\n2026-01-02,Coffee,-3.50\n';

/** Fills the book at `base` (owned by `owner`) with one of everything. */
export async function probeBook(owner: Client, base: string): Promise<ProbeBook> {
  const made = async (url: string, body: unknown = {}, method: 'POST' | 'PUT' = 'POST') => {
    const reply = await owner.request(method, `${base}${url}`, body);
    if (reply.status >= 300) throw new Error(`${url}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const group = (await made('/category-groups', { name: 'Living', kind: 'expense' })).id;
  const account = (await made('/accounts', { name: 'Checking', type: 'asset', openingBalance: eur('50.00') }))
    .id;
  const savings = (await made('/accounts', { name: 'Savings', type: 'asset' })).id;
  const food = (await made('/categories', { name: 'Food', kind: 'expense', groupId: group })).id;
  const fun = (await made('/categories', { name: 'Fun', kind: 'expense', groupId: group })).id;
  const shop = (await made('/payees', { name: 'Shop', defaultCategoryId: food })).id;
  const market = (await made('/payees', { name: 'Market' })).id;
  const tag = (await made('/tags', { name: 'holiday' })).id;
  const budget = (
    await made('/budgets', {
      name: 'Food',
      categoryId: food,
      recurrence: { kind: 'monthly', startDay: 1 },
      amounts: [{ from: '2000-01-01', amount: eur('4.00') }],
    })
  ).id;
  // Today: over the budget in a period that has not ended, so it raises a notification.
  const transaction = (
    await made('/transactions', {
      date: new Date().toISOString().slice(0, 10),
      payeeId: shop,
      tagIds: [tag],
      postings: [
        { accountId: account, amount: eur('-5.00') },
        { accountId: food, amount: eur('5.00') },
      ],
    })
  ).id;
  const rule = (
    await made('/rules', {
      name: 'Shop',
      conditions: [{ field: 'account', operator: 'in', accountIds: [account] }],
      actions: [{ type: 'setCategory', categoryId: food }],
    })
  ).id;
  const content = Buffer.from(PROBE_STATEMENT).toString('base64');
  const imported = (await made('/imports', { fileName: 'a.csv', content, accountId: account })).id;
  const [profile] = (await owner.get(`${base}/import-profiles`)).body;
  await made('/envelope/settings', { enabled: true, startMonth: PROBE_MONTH }, 'PUT');
  await made(`/envelope/months/${PROBE_MONTH}/assignments/${food}`, { amount: eur('10.00') }, 'PUT');
  const move = (
    await made(`/envelope/months/${PROBE_MONTH}/moves`, { from: food, to: fun, amount: eur('1.00') })
  ).id;
  // Nothing cleared before 2000: a reconciliation of no transaction, which the probes may undo.
  const reconciliation = (
    await made(`/accounts/${account}/reconciliations`, {
      statementDate: '2000-01-31',
      statementBalance: eur('0.00'),
    })
  ).id;
  const [notification] = (await owner.get(`${base}/notifications`)).body;
  const backup = (await owner.get(`${base}/backup`)).body;
  const book: ProbeBook = {
    bookId: Number(base.split('/').at(-1)),
    base,
    ids: {
      accounts: account,
      categories: food,
      'category-groups': group,
      payees: shop,
      tags: tag,
      transactions: transaction,
      budgets: budget,
      notifications: notification?.id,
      moves: move,
      rules: rule,
      imports: imported,
      'import-profiles': profile?.id,
      members: owner.user!.id,
      reconciliations: reconciliation,
    },
    spare: { accounts: savings, categories: fun, payees: market },
    mapping: profile?.mapping,
    backup,
  };
  expect(Object.entries(book.ids).filter(([, id]) => !Number.isInteger(id))).toEqual([]);
  return book;
}

/** The values of an operation's path parameters in `book`: `{id}` names an item of the segment before it. */
export function pathValues(path: string, book: ProbeBook): Record<string, string | number> {
  const values: Record<string, string | number> = { bookId: book.bookId, month: PROBE_MONTH };
  for (const [, resource, name] of path.matchAll(/\/([a-z-]+)\/\{(\w+)\}/g)) {
    if (name === 'bookId' || name === 'month') continue;
    // A preview is its user's alone: the probes ask for one that is no one's (404).
    if (name === 'previewId') {
      values[name] = PROBE_PREVIEW_ID;
      continue;
    }
    values[name!] = book.ids[pathResource(resource!, name!)];
  }
  return values;
}

/** The resource a path parameter names: `{id}` that of the collection before it, `{categoryId}` a category. */
export function pathResource(collection: string, name: string): Resource {
  if (name === 'userId') return 'members';
  if (name === 'categoryId') return 'categories';
  const resource = collection as Resource;
  if (!RESOURCES.includes(resource)) throw new Error(`no probe item for /${collection}/{${name}}`);
  return resource;
}

/** Everything the book holds, as its backup shows it (without the moment of the backup). */
export async function bookSnapshot(owner: Client, base: string): Promise<unknown> {
  const reply = await owner.get(`${base}/backup`);
  if (reply.status !== 200) throw new Error(`backup: ${reply.status} ${JSON.stringify(reply.body)}`);
  const { exportedAt: _exportedAt, ...rest } = reply.body;
  return rest;
}
