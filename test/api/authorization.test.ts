import { beforeAll, expect, it } from 'vitest';
import { setAdmin } from '../../src/server/features/auth/users.ts';
import type { App } from '../../src/server/types.ts';
import { Client, type Reply, signUp, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Route {
  method: Method;
  path: string;
  /** Required query parameters, filled with plausible values (`from=2026-01-01`). */
  query: string;
}

interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema?: { format?: string } }[];
}

const eur = (amount: string) => ({ amount, currency: 'EUR' });

/** Every route of the API, read from the OpenAPI document so a new route is covered the day it lands. */
async function apiRoutes(app: App): Promise<Route[]> {
  const document = (await app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, Operation>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([method, operation]) => {
        const required = (operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
        const query = required
          .map((p) => `${p.name}=${p.schema?.format === 'date' ? '2026-01-01' : '1'}`)
          .join('&');
        return { method: method.toUpperCase() as Method, path, query: query ? `?${query}` : '' };
      }),
  );
}

const OWNER_ONLY = new Set([
  'PATCH /api/v1/books/{bookId}',
  'DELETE /api/v1/books/{bookId}',
  'PATCH /api/v1/books/{bookId}/members/{userId}',
  'DELETE /api/v1/books/{bookId}/members/{userId}',
]);
const PUBLIC = new Set(['POST /api/v1/auth/register', 'POST /api/v1/auth/login']);

describeEachDatabase('authorisation on every route', (ctx) => {
  let app: App;
  let routes: Route[];
  let owner: Client;
  let base: string;
  let bookId: number;
  const ids: Record<string, number> = {};
  const roles: Record<'viewer' | 'editor' | 'stranger' | 'admin', Client> = {} as never;
  let strangerBookId: number;

  /** The path with real ids: `{id}` becomes an id of the resource the path names; `{month}` a month. */
  function concrete(path: string, book = bookId): string {
    return path
      .replace('{bookId}', String(book))
      .replace('{userId}', String(owner.user!.id))
      .replace('{month}', '2026-01')
      .replace('{categoryId}', String(ids.categories))
      .replace(/\/([a-z-]+)\/\{id\}/, (_m, resource: string) => `/${resource}/${ids[resource] ?? 1}`);
  }

  function call(client: Client, route: Route, book = bookId): Promise<Reply> {
    const url = concrete(route.path, book) + route.query;
    return route.method === 'GET' ? client.get(url) : client.request(route.method, url, {});
  }

  beforeAll(async () => {
    app = await testApp(ctx.database);
    routes = await apiRoutes(app);
    ({
      client: owner,
      base,
      book: { id: bookId },
    } = await signUpWithBook(app));
    ids.accounts = (
      await owner.post(`${base}/accounts`, { name: 'Checking', type: 'asset', openingBalance: eur('50.00') })
    ).body.id;
    ids.categories = (await owner.post(`${base}/categories`, { name: 'Food', kind: 'expense' })).body.id;
    ids['category-groups'] = (
      await owner.post(`${base}/category-groups`, { name: 'Living', kind: 'expense' })
    ).body.id;
    ids.payees = (await owner.post(`${base}/payees`, { name: 'Shop' })).body.id;
    ids.tags = (await owner.post(`${base}/tags`, { name: 'holiday' })).body.id;
    ids.transactions = (
      await owner.post(`${base}/transactions`, {
        date: '2026-05-01',
        postings: [
          { accountId: ids.accounts, amount: eur('-5.00') },
          { accountId: ids.categories, amount: eur('5.00') },
        ],
      })
    ).body.id;
    ids.budgets = (
      await owner.post(`${base}/budgets`, {
        name: 'Food',
        categoryId: ids.categories,
        recurrence: { kind: 'monthly', startDay: 1 },
        amounts: [{ from: '2026-01-01', amount: eur('4.00') }],
      })
    ).body.id;
    ids.rules = (
      await owner.post(`${base}/rules`, {
        name: 'Shop',
        actions: [{ type: 'setCategory', categoryId: ids.categories }],
      })
    ).body.id;
    const statement = 'Date,Description,Amount\n2026-01-02,Coffee,-3.50\n';
    ids.imports = (
      await owner.post(`${base}/imports`, {
        fileName: 'a.csv',
        content: Buffer.from(statement).toString('base64'),
        accountId: ids.accounts,
      })
    ).body.id;
    ids['import-profiles'] = (await owner.get(`${base}/import-profiles`)).body[0]?.id;
    expect(Object.values(ids).every((id) => Number.isInteger(id))).toBe(true);

    for (const role of ['viewer', 'editor'] as const) {
      roles[role] = await signUp(app, role);
      await ctx.database.db
        .insertInto('book_members')
        .values({
          book_id: bookId,
          user_id: roles[role].user!.id,
          role,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
    const stranger = await signUpWithBook(app);
    roles.stranger = stranger.client;
    strangerBookId = stranger.book.id;
    roles.admin = await signUp(app, 'admin');
    await setAdmin(ctx.database.db, roles.admin.user!.id, true, new Date().toISOString());
  });

  it('covers the book-scoped routes of every feature', () => {
    const scoped = routes.filter((r) => r.path.startsWith('/api/v1/books/{bookId}'));
    for (const resource of [
      'accounts',
      'categories',
      'category-groups',
      'payees',
      'tags',
      'transactions',
      'members',
    ]) {
      expect(scoped.some((r) => r.path.includes(`/${resource}`))).toBe(true);
    }
    expect(scoped.length).toBeGreaterThan(30);
  });

  it('answers 401 to anonymous callers everywhere but register and login', async () => {
    const anonymous = new Client(app);
    for (const route of routes.filter(
      (r) => r.path.startsWith('/api/v1') && !PUBLIC.has(`${r.method} ${r.path}`),
    )) {
      const reply = await call(anonymous, route);
      expect([route.method, route.path, reply.status, reply.body?.code]).toEqual([
        route.method,
        route.path,
        401,
        'UNAUTHENTICATED',
      ]);
    }
  });

  it('answers 404 to another user and to an admin who is not a member, and changes nothing', async () => {
    const before = await owner.get(`${base}/transactions`);
    for (const who of ['stranger', 'admin'] as const) {
      for (const route of routes.filter((r) => r.path.startsWith('/api/v1/books/{bookId}'))) {
        const reply = await call(roles[who], route);
        expect([who, route.method, route.path, reply.status, reply.body?.code]).toEqual([
          who,
          route.method,
          route.path,
          404,
          'NOT_FOUND',
        ]);
      }
    }
    expect((await owner.get(`${base}/transactions`)).body).toEqual(before.body);
  });

  it("does not let another user reach this book's items through their own book", async () => {
    const before = await owner.get(`${base}/transactions`);
    for (const route of routes.filter(
      (r) => r.path.startsWith('/api/v1/books/{bookId}/') && r.path.includes('{id}'),
    )) {
      const reply = await call(roles.stranger, route, strangerBookId);
      expect([route.method, route.path, reply.status >= 400 && reply.status < 500]).toEqual([
        route.method,
        route.path,
        true,
      ]);
      expect([route.method, route.path, reply.status]).not.toEqual([route.method, route.path, 200]);
      expect([route.method, route.path, reply.status]).not.toEqual([route.method, route.path, 204]);
    }
    expect((await owner.get(`${base}/transactions`)).body).toEqual(before.body);
    expect((await owner.get(`${base}/accounts/${ids.accounts}`)).status).toBe(200);
  });

  it('lets a viewer read everything and write nothing', async () => {
    const before = await owner.get(`${base}/transactions`);
    for (const route of routes.filter((r) => r.path.startsWith('/api/v1/books/{bookId}'))) {
      const reply = await call(roles.viewer, route);
      if (route.method === 'GET') {
        expect([route.path, reply.status]).toEqual([route.path, 200]);
      } else {
        expect([route.method, route.path, reply.status, reply.body?.code]).toEqual([
          route.method,
          route.path,
          403,
          'FORBIDDEN',
        ]);
      }
    }
    expect((await owner.get(`${base}/transactions`)).body).toEqual(before.body);
  });

  it('lets an editor write but not manage the book; the owner may', async () => {
    for (const route of routes.filter((r) => OWNER_ONLY.has(`${r.method} ${r.path}`))) {
      const reply = await call(roles.editor, route);
      expect([route.method, route.path, reply.status, reply.body?.code]).toEqual([
        route.method,
        route.path,
        403,
        'FORBIDDEN',
      ]);
    }
    const edited = await roles.editor.post(`${base}/transactions`, {
      date: '2026-05-02',
      postings: [
        { accountId: ids.accounts, amount: eur('-1.00') },
        { accountId: ids.categories, amount: eur('1.00') },
      ],
    });
    expect(edited.status).toBe(201);
    expect(edited.body.createdBy).toBe(roles.editor.user!.id);
    expect((await roles.editor.patch(base, { name: 'Mine now' })).status).toBe(403);
    const renamed = await owner.patch(base, { name: 'Renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Renamed');
    const members = await roles.viewer.get(`${base}/members`);
    expect(members.body.map((m: any) => m.role).sort()).toEqual(['editor', 'owner', 'viewer']);
  });
});
