/**
 * Backup → restore → backup gives the same content: the demo household (742 transactions) with
 * tags, parents, hidden and archived rows, budgets and their alerts, the envelope, import batches,
 * profiles and rules, compared whole (timestamps included, the book's too) after numbering every id
 * by its row's position.
 */
import { beforeAll, expect, it } from 'vitest';
import { planDemo } from '../../src/cli/demo/plan.ts';
import { writeDemo } from '../../src/cli/demo/write.ts';
import { remapImportKey, remapRule } from '../../src/core/export/backup-references.ts';
import type { BackupDocument } from '../../src/core/export/backup-types.ts';
import { checkIntegrity } from '../../src/server/features/integrity/check.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, signUp, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const NOW = '2026-06-30T12:00:00.000Z';
const eur = (amount: string) => ({ amount, currency: 'EUR' });

/**
 * The document with each id replaced by its row's position in its collection (1-based), in every
 * place that refers to it. Everything else must survive a round trip, timestamps included (the
 * book's too): only the time of the export itself is blanked.
 */
function byPosition(doc: BackupDocument) {
  const positions = (rows: readonly { id: number }[]) =>
    new Map(rows.map((row, index) => [row.id, index + 1]));
  const groups = positions(doc.categoryGroups);
  const accounts = positions(doc.accounts);
  const payees = positions(doc.payees);
  const tags = positions(doc.tags);
  const batches = positions(doc.importBatches);
  const reconciliations = positions(doc.reconciliations);
  const budgets = positions(doc.budgets);
  const at = (map: Map<number, number>, id: number | null) =>
    id === null ? null : (map.get(id) ?? `dangling ${id}`);
  return {
    ...doc,
    exportedAt: 'now',
    book: { ...doc.book, id: 0 },
    categoryGroups: doc.categoryGroups.map((g) => ({ ...g, id: at(groups, g.id) })),
    accounts: doc.accounts.map((a) => ({
      ...a,
      id: at(accounts, a.id),
      parentId: at(accounts, a.parentId),
      groupId: at(groups, a.groupId),
    })),
    payees: doc.payees.map((p) => ({
      ...p,
      id: at(payees, p.id),
      defaultCategoryId: at(accounts, p.defaultCategoryId),
    })),
    tags: doc.tags.map((t) => ({ ...t, id: at(tags, t.id) })),
    importBatches: doc.importBatches.map((b) => ({
      ...b,
      id: at(batches, b.id),
      accountId: at(accounts, b.accountId),
    })),
    reconciliations: doc.reconciliations.map((r) => ({
      ...r,
      id: at(reconciliations, r.id),
      accountId: at(accounts, r.accountId),
    })),
    transactions: doc.transactions.map((t, index) => ({
      ...t,
      id: index + 1,
      reconciliationId: at(reconciliations, t.reconciliationId),
      payeeId: at(payees, t.payeeId),
      tagIds: t.tagIds.map((id) => at(tags, id)),
      importBatchId: at(batches, t.importBatchId),
      importKey: t.importKey && remapImportKey(t.importKey, accounts),
      postings: t.postings.map((p) => ({ ...p, accountId: at(accounts, p.accountId) })),
    })),
    budgets: doc.budgets.map((b) => ({
      ...b,
      id: at(budgets, b.id),
      categoryId: at(accounts, b.categoryId),
      groupId: at(groups, b.groupId),
    })),
    notifications: doc.notifications.map((n) => ({ ...n, budgetId: at(budgets, n.budgetId) })),
    envelope: {
      settings: doc.envelope.settings,
      assignments: doc.envelope.assignments.map((a) => ({ ...a, categoryId: at(accounts, a.categoryId) })),
      moves: doc.envelope.moves.map((m) => ({
        ...m,
        fromCategoryId: at(accounts, m.fromCategoryId),
        toCategoryId: at(accounts, m.toCategoryId),
      })),
    },
    importProfiles: doc.importProfiles.map((p, index) => ({
      ...p,
      id: index + 1,
      accountId: at(accounts, p.accountId),
    })),
    rules: doc.rules.map((r, index) => ({
      ...r,
      id: index + 1,
      ...remapRule(r, { account: accounts, category: accounts, tag: tags }),
    })),
  };
}

/** The demo household, and through the API and beneath it everything else a book can hold. */
async function richBook(app: App, ctx: { database: { db: any } }) {
  const client = await signUp(app, 'Owner');
  const db = ctx.database.db;
  const { bookId } = await writeDemo(
    db,
    client.user!.id,
    planDemo({ seed: 42, years: 2, endDate: '2026-11-21' }),
    NOW,
  );
  const base = `/api/v1/books/${bookId}`;
  const ok = async (reply: Promise<any>) => {
    const answer = await reply;
    if (answer.status >= 300) throw new Error(`${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const list = async (path: string) => ok(client.get(`${base}${path}`));
  const accounts: any[] = await list('/accounts?includeArchived=true');
  const categories: any[] = [
    ...(await list('/accounts?type=expense&includeArchived=true')),
    ...(await list('/accounts?type=income&includeArchived=true')),
  ];
  const byName = (rows: any[], name: string) => rows.find((row) => row.name === name).id as number;
  const checking = byName(accounts, 'Checking');
  const groceries = byName(categories, 'Groceries');
  const rent = byName(categories, 'Rent');
  const groups: any[] = await list('/category-groups');

  const bank = (await ok(client.post(`${base}/accounts`, { name: 'Bank', type: 'asset' }))).id;
  const sub = await ok(
    client.post(`${base}/accounts`, {
      name: 'Sub',
      type: 'asset',
      parentId: bank,
      openingBalance: eur('12.34'),
      openingDate: '2026-01-01',
      notes: 'kept\nas is',
    }),
  );
  // A parent created after its child: restore must not depend on the order of ids.
  const late = (await ok(client.post(`${base}/accounts`, { name: 'Late parent', type: 'asset' }))).id;
  await ok(client.patch(`${base}/accounts/${bank}`, { parentId: late }));
  await ok(client.post(`${base}/accounts/${sub.id}/archive`));
  await ok(client.patch(`${base}/category-groups/${groups[0].id}`, { hidden: true }));
  const holiday = (await ok(client.post(`${base}/tags`, { name: 'holiday', color: '#ff0000' }))).id;
  const work = (await ok(client.post(`${base}/tags`, { name: 'Work' }))).id;
  const page = await list('/transactions?limit=5');
  for (const tx of page.items)
    await ok(client.patch(`${base}/transactions/${tx.id}`, { tagIds: [work, holiday] }));
  const payees: any[] = await list('/payees');
  await ok(client.patch(`${base}/payees/${payees[0].id}`, { defaultCategoryId: groceries }));
  await ok(client.patch(`${base}/categories/${groceries}`, { target: eur('320.00') }));
  // The checking account reconciled against a statement: the history and the transactions it reconciled.
  for (const tx of page.items) await ok(client.patch(`${base}/transactions/${tx.id}`, { status: 'cleared' }));
  const latest = page.items[0].date as string;
  const statement = await list(`/accounts/${checking}/cleared?date=${latest}`);
  await ok(
    client.post(`${base}/accounts/${checking}/reconciliations`, {
      statementDate: latest,
      statementBalance: statement.cleared,
    }),
  );
  const budget = await ok(
    client.post(`${base}/budgets`, {
      name: 'Food',
      categoryId: groceries,
      recurrence: { kind: 'monthly', startDay: 25 },
      rollover: 'unspent',
      amounts: [
        { from: '2025-01-25', amount: eur('300.00') },
        { from: '2026-01-25', amount: eur('350.00') },
      ],
    }),
  );
  await ok(
    client.post(`${base}/budgets`, {
      name: 'Home',
      groupId: groups.find((g) => g.kind === 'expense').id,
      recurrence: { kind: 'custom', start: '2026-01-01', end: '2026-12-31' },
      amounts: [{ from: '2026-01-01', amount: eur('9999.99') }],
    }),
  );
  await ok(client.request('PUT', `${base}/envelope/settings`, { enabled: true, startMonth: '2026-01' }));
  await ok(
    client.request('PUT', `${base}/envelope/months/2026-02/assignments/${groceries}`, {
      amount: eur('250.00'),
    }),
  );
  await ok(
    client.request('PUT', `${base}/envelope/months/2026-02/assignments/${rent}`, { amount: eur('950.00') }),
  );
  await ok(
    client.post(`${base}/envelope/months/2026-02/moves`, {
      from: rent,
      to: groceries,
      amount: eur('10.50'),
    }),
  );

  // Import batches, profiles, rules and alerts, written beneath the API (their features are elsewhere).
  const alert = { book_id: bookId, budget_id: budget.id, period_start: '2026-05-25', currency: 'EUR' };
  await db
    .insertInto('notifications')
    .values([
      {
        ...alert,
        period_end: '2026-06-24',
        threshold: 80,
        spent: 29000,
        available: 6000,
        created_at: NOW,
        dismissed_at: NOW,
      },
      {
        ...alert,
        period_end: '2026-06-24',
        threshold: 100,
        spent: 36000,
        available: -1000,
        created_at: NOW,
        dismissed_at: null,
      },
    ])
    .execute();
  const file = { book_id: bookId, created_at: NOW, file_sha256: 'f'.repeat(64) };
  const batch = await db
    .insertInto('import_batches')
    .values([
      {
        ...file,
        account_id: checking,
        format: 'ofx',
        file_name: 'may.ofx',
        transaction_count: 3,
        skipped_count: 1,
        created_by: client.user!.id,
      },
      {
        ...file,
        account_id: null,
        format: 'csv',
        file_name: 'old.csv',
        transaction_count: 0,
        skipped_count: 0,
        undone_at: NOW,
        undone_by: client.user!.id,
      },
    ])
    .returning('id')
    .execute()
    .then((rows: { id: number }[]) => ({ id: Math.min(...rows.map((row) => row.id)) }));
  for (const [n, tx] of page.items.slice(0, 3).entries()) {
    await db
      .updateTable('transactions')
      .set({ import_batch_id: batch.id, import_key: `${checking}:id:FIT-${n}` })
      .where('id', '=', tx.id)
      .execute();
  }
  await db
    .insertInto('import_profiles')
    .values({
      book_id: bookId,
      account_id: checking,
      name: 'Bank CSV',
      name_key: 'bank csv',
      mapping: JSON.stringify({ delimiter: ';', dateColumn: 0, descriptionColumns: [2, 3] }),
      header_key: 'date|amount|text',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto('rules')
    .values([
      {
        book_id: bookId,
        name: 'Rewe is food',
        position: 1,
        enabled: 1,
        match: 'all',
        conditions: JSON.stringify([
          { field: 'payee', operator: 'contains', value: 'rewe' },
          { field: 'account', operator: 'in', accountIds: [checking, bank] },
        ]),
        actions: JSON.stringify([
          { type: 'setCategory', categoryId: groceries },
          { type: 'addTag', tagId: work },
          {
            type: 'split',
            parts: [
              { categoryId: rent, amount: '1.00', percent: null },
              { categoryId: groceries, amount: null, percent: null },
            ],
          },
        ]),
        created_at: NOW,
        updated_at: NOW,
      },
      {
        book_id: bookId,
        name: 'Off',
        position: 0,
        enabled: 0,
        match: 'any',
        conditions: '[]',
        actions: '[]',
        created_at: NOW,
        updated_at: NOW,
      },
    ])
    .execute();
  return { client, base, bookId };
}

/** What a book's rows hold beyond the backup: cached balances and totals, the search text. */
async function derived(db: any, bookId: number) {
  const accounts = await db
    .selectFrom('accounts')
    .select(['name', 'balance'])
    .where('book_id', '=', bookId)
    .orderBy('id')
    .execute();
  const transactions = await db
    .selectFrom('transactions')
    .select(['total', 'search_text'])
    .where('book_id', '=', bookId)
    .orderBy('id')
    .execute();
  return {
    accounts: accounts.map((a: any) => [a.name, String(a.balance)]),
    transactions: transactions.map((t: any) => [String(t.total), t.search_text]),
  };
}

/** The backup of the previous database's run: restoring it here crosses databases. */
let previous: BackupDocument | undefined;

describeEachDatabase('backup and restore round trip', (ctx) => {
  let app: App;
  let owner: Client;
  let source: { base: string; bookId: number };
  let first: BackupDocument;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    const book = await richBook(app, ctx);
    owner = book.client;
    source = book;
    const reply = await owner.get(`${book.base}/backup`);
    expect(reply.status).toBe(200);
    first = reply.body;
  }, 120_000);

  it('backs up every table of the book, with money as exact decimal strings', async () => {
    const reply = await owner.get(`${source.base}/backup`);
    expect(reply.contentType).toBe('application/json; charset=utf-8');
    expect(reply.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="moneta-backup-${source.bookId}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(first).toMatchObject({
      format: 'moneta-backup',
      version: 1,
      book: { id: source.bookId, name: 'Demo household', baseCurrency: 'EUR' },
    });
    const counts = Object.fromEntries(
      Object.entries(first)
        .filter(([, v]) => Array.isArray(v))
        .map(([k, v]) => [k, (v as unknown[]).length]),
    );
    expect(counts).toEqual({
      categoryGroups: 5,
      accounts: 23,
      payees: 41,
      tags: 2,
      importBatches: 2,
      reconciliations: 1,
      transactions: 743,
      budgets: 2,
      notifications: 2,
      importProfiles: 1,
      rules: 2,
    });
    expect(first.transactions.filter((t) => t.reconciliationId !== null).length).toBe(
      first.reconciliations[0]!.transactionCount,
    );
    expect(first.reconciliations[0]!.transactionCount).toBeGreaterThan(0);
    expect(first.envelope.assignments).toHaveLength(2);
    expect(first.accounts.filter((a) => a.target !== null).map((a) => [a.name, a.target])).toEqual([
      ['Groceries', '320.00'],
    ]);
    expect(first.envelope.moves).toEqual([expect.objectContaining({ amount: '10.50', month: '2026-02' })]);
    expect(JSON.stringify(first)).not.toMatch(/"(amount|value|spent|available)":\s*-?\d/);
    expect(JSON.stringify(first)).not.toMatch(/@|password|email/i);
    expect(first.transactions.some((t) => t.postings.some((p) => p.amount !== p.value))).toBe(true);
  });

  it('restores into a new book that backs up identically apart from ids, timestamps included', async () => {
    const booksBefore = (await owner.get('/api/v1/books')).body.length;
    const restored = await owner.post('/api/v1/books/restore', first);
    expect(restored.status).toBe(201);
    expect(restored.body.book).toMatchObject({ name: 'Demo household', baseCurrency: 'EUR', role: 'owner' });
    expect(restored.body.counts).toMatchObject({
      transactions: 743,
      postings: first.transactions.reduce((n, t) => n + t.postings.length, 0),
    });
    expect((await owner.get('/api/v1/books')).body.length).toBe(booksBefore + 1);
    const newId = restored.body.book.id;
    expect(newId).not.toBe(source.bookId);

    const second: BackupDocument = (await owner.get(`/api/v1/books/${newId}/backup`)).body;
    expect(second.accounts.map((a) => a.id)).not.toEqual(first.accounts.map((a) => a.id));
    expect(byPosition(second)).toEqual(byPosition(first));
    expect(await derived(ctx.database.db, newId)).toEqual(await derived(ctx.database.db, source.bookId));
    expect((await checkIntegrity(ctx.database.db, { bookId: newId })).problems).toEqual([]);
  });

  it('restores for another user, who alone can see the new book, under the name asked for', async () => {
    const other = await signUp(app, 'Other');
    const restored = await other.post('/api/v1/books/restore?name=Copy%20of%20home', first);
    expect(restored.status).toBe(201);
    expect(restored.body.book.name).toBe('Copy of home');
    expect((await other.get('/api/v1/books')).body.map((b: any) => b.id)).toEqual([restored.body.book.id]);
    expect((await owner.get(`/api/v1/books/${restored.body.book.id}`)).status).toBe(404);
    const copy: BackupDocument = (await other.get(`/api/v1/books/${restored.body.book.id}/backup`)).body;
    expect(byPosition({ ...copy, book: { ...copy.book, name: first.book.name } })).toEqual(byPosition(first));
  });

  it('lets every member back up the book, and nobody else', async () => {
    const stranger = await signUp(app, 'Stranger');
    expect((await stranger.get(`${source.base}/backup`)).status).toBe(404);
    await ctx.database.db
      .insertInto('book_members')
      .values({ book_id: source.bookId, user_id: stranger.user!.id, role: 'viewer', created_at: NOW })
      .execute();
    expect((await stranger.get(`${source.base}/backup`)).status).toBe(200);
  });

  it('restores a backup made on the other database identically', async () => {
    if (previous) {
      const restored = await owner.post('/api/v1/books/restore', previous);
      expect(restored.status).toBe(201);
      const again: BackupDocument = (await owner.get(`/api/v1/books/${restored.body.book.id}/backup`)).body;
      expect(byPosition(again)).toEqual(byPosition(previous));
    }
    previous = first;
  });
});
