/**
 * Pages of transactions are kept, serialised, between writes (ReadCache). These tests check that no
 * write, through the API, past it or through another instance, ever leaves a page stale, and that a
 * kept page never lets in a caller the book gate would refuse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { App } from '../../src/server/types.ts';
import { Client, expectProblem, signUp, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase, postgresAdminUrl } from '../support/databases.ts';

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** A second connection (pool) to the block's database: what another server instance would have. */
async function secondConnection(ctx: { dialect: string; database: Database }): Promise<Database | null> {
  if (ctx.dialect === 'sqlite') return null; // an in-memory database has one connection; see below
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(ctx.database.db);
  const url = new URL(postgresAdminUrl()!);
  url.pathname = `/${rows[0]!.name}`;
  return openDatabase(url.toString());
}

/** The same user's session on another app: cookies and CSRF tokens live in the database. */
function sameSession(app: App, client: Client): Client {
  const other = new Client(app);
  other.cookie = client.cookie;
  other.csrfToken = client.csrfToken;
  other.user = client.user;
  return other;
}

describeEachDatabase('kept pages of transactions', (ctx) => {
  let app: App;
  let ada: Client;
  let base: string;
  let bookId: number;
  const id = {} as Record<'checking' | 'food', number>;

  const page = async (client: Client = ada, query = 'limit=50') => {
    const reply = await client.get(`${base}/transactions?${query}`);
    expect(reply.status).toBe(200);
    return reply;
  };
  const descriptions = async (client: Client = ada) =>
    (await page(client)).body.items.map((t: { description: string }) => t.description);
  const spend = async (description: string, amount: string, client: Client = ada) => {
    const reply = await client.post(`${base}/transactions`, {
      date: '2026-03-01',
      description,
      payeeName: 'Market',
      postings: [
        { accountId: id.checking, amount: eur(`-${amount}`) },
        { accountId: id.food, amount: eur(amount) },
      ],
    });
    expect(reply.status).toBe(201);
    return reply.body as { id: number; payee: { id: number } };
  };

  beforeAll(async () => {
    app = await testApp(ctx.database);
    let book: { id: number };
    ({ client: ada, base, book } = await signUpWithBook(app));
    bookId = book.id;
    id.checking = (await ada.post(`${base}/accounts`, { name: 'Checking', type: 'asset' })).body.id;
    id.food = (await ada.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives a kept page byte for byte as it was computed', async () => {
    await spend('bread', '2.50');
    const first = await ada.request('GET', `${base}/transactions?limit=50`);
    const again = await ada.request('GET', `${base}/transactions?limit=50`);
    const raw = await app.inject({
      method: 'GET',
      url: `${base}/transactions?limit=50`,
      headers: { cookie: ada.cookie! },
    });
    expect(again.body).toEqual(first.body);
    expect(again.contentType).toBe('application/json; charset=utf-8');
    expect(raw.body).toBe(JSON.stringify(first.body));
    expect(first.body.items[0]).toMatchObject({ description: 'bread', total: eur('2.50') });
  });

  it('shows every write through the API at once: create, edit, payee rename, tag, delete', async () => {
    const milk = await spend('milk', '1.20');
    expect(await descriptions()).toContain('milk');
    await ada.patch(`${base}/transactions/${milk.id}`, { description: 'oat milk' });
    expect(await descriptions()).toContain('oat milk');
    expect((await ada.patch(`${base}/payees/${milk.payee.id}`, { name: 'Corner shop' })).status).toBe(200);
    expect((await page()).body.items[0].payee.name).toBe('Corner shop');
    const tag = (await ada.post(`${base}/tags`, { name: 'dairy' })).body;
    await ada.patch(`${base}/transactions/${milk.id}`, { tagIds: [tag.id] });
    expect((await page()).body.items.find((t: { id: number }) => t.id === milk.id).tags).toEqual([
      { id: tag.id, name: 'dairy' },
    ]);
    expect((await ada.delete(`${base}/transactions/${milk.id}`)).status).toBe(204);
    expect(await descriptions()).not.toContain('oat milk');
  });

  it('shows writes that bypass the API at once (another connection on PostgreSQL)', async () => {
    const eggs = await spend('eggs', '3.00');
    expect(await descriptions()).toContain('eggs');
    await ctx.database.db
      .updateTable('transactions')
      .set({ description: 'free-range eggs' })
      .where('id', '=', eggs.id)
      .execute();
    expect(await descriptions()).toContain('free-range eggs');
    await ctx.database.db
      .updateTable('payees')
      .set({ name: 'Farm' })
      .where('id', '=', eggs.payee.id)
      .execute();
    expect((await page()).body.items[0].payee.name).toBe('Farm');
    await ctx.database.db.deleteFrom('transactions').where('id', '=', eggs.id).execute();
    expect(await descriptions()).not.toContain('free-range eggs');
  });

  it('keeps the pages of different queries and books apart', async () => {
    await spend('apples', '4.00');
    await spend('pears', '5.00');
    expect((await page(ada, 'limit=1')).body.items).toHaveLength(1);
    expect((await page(ada, 'limit=2')).body.items).toHaveLength(2);
    const other = (await ada.post('/api/v1/books', { name: 'Club', baseCurrency: 'EUR' })).body;
    const otherPage = await ada.get(`/api/v1/books/${other.id}/transactions?limit=50`);
    expect(otherPage.body.items).toEqual([]);
    expect((await page()).body.items.length).toBeGreaterThan(1);
  });

  it('refuses a stranger, a removed member and a logged-out session though the page is kept', async () => {
    const bob = await signUp(app, 'Bob');
    const join = (role: 'viewer' | 'editor') =>
      ctx.database.db
        .insertInto('book_members')
        .values({ book_id: bookId, user_id: bob.user!.id, role, created_at: new Date().toISOString() })
        .execute();
    await page(); // kept
    expectProblem(await bob.get(`${base}/transactions?limit=50`), 404, 'NOT_FOUND');
    await join('viewer');
    expect((await page(bob)).body).toEqual((await page()).body);
    expect((await ada.delete(`${base}/members/${bob.user!.id}`)).status).toBe(204);
    expectProblem(await bob.get(`${base}/transactions?limit=50`), 404, 'NOT_FOUND');
    await join('viewer');
    await page(bob);
    await ctx.database.db.deleteFrom('book_members').where('user_id', '=', bob.user!.id).execute();
    expectProblem(await bob.get(`${base}/transactions?limit=50`), 404, 'NOT_FOUND');
    await join('editor');
    await page(bob);
    const cookie = bob.cookie;
    expect((await bob.post('/api/v1/auth/logout')).status).toBe(204);
    bob.cookie = cookie;
    expectProblem(await bob.get(`${base}/transactions?limit=50`), 401, 'UNAUTHENTICATED');
  });

  it('shows the writes and membership changes of another instance at once', async () => {
    let second = await secondConnection(ctx);
    let folder: string | null = null;
    let first: Database | null = null;
    let reader = app;
    let readerAda = ada;
    let readerBase = base;
    if (!second) {
      // SQLite: two connections to one file, as two processes would have.
      folder = mkdtempSync(join(tmpdir(), 'moneta-cache-'));
      first = openDatabase(join(folder, 'moneta.db'));
      await migrateToLatest(first);
      second = openDatabase(join(folder, 'moneta.db'));
      reader = await testApp(first);
      const signedUp = await signUpWithBook(reader);
      readerAda = signedUp.client;
      readerBase = signedUp.base;
    }
    const writer = await testApp(second);
    const writerAda = sameSession(writer, readerAda);
    const accounts = {
      checking: (await writerAda.post(`${readerBase}/accounts`, { name: 'Wallet', type: 'asset' })).body.id,
      food: (await writerAda.post(`${readerBase}/categories`, { name: 'Snacks', kind: 'expense' })).body.id,
    };
    const read = async () =>
      (await readerAda.get(`${readerBase}/transactions?limit=50`)).body.items.map(
        (t: { description: string }) => t.description,
      );
    const before = await read();
    const created = await writerAda.post(`${readerBase}/transactions`, {
      date: '2026-04-01',
      description: 'crisps',
      postings: [
        { accountId: accounts.checking, amount: eur('-1.00') },
        { accountId: accounts.food, amount: eur('1.00') },
      ],
    });
    expect(created.status).toBe(201);
    expect(await read()).toEqual(['crisps', ...before]);
    await writerAda.patch(`${readerBase}/transactions/${created.body.id}`, { description: 'nuts' });
    expect((await read())[0]).toBe('nuts');
    expect((await writerAda.post('/api/v1/auth/logout')).status).toBe(204);
    expectProblem(await readerAda.get(`${readerBase}/transactions?limit=50`), 401, 'UNAUTHENTICATED');
    await writer.close();
    await second.close();
    if (folder) {
      await reader.close();
      await first?.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
