import { expect, it } from 'vitest';
import { migrateToLatest, migrateToNothing } from '../../src/db/migrate.ts';
import { Client, expectProblem, PASSWORD, signUp, testApp, uniqueEmail } from '../support/api.ts';
import { describeEachDatabase, openTestDatabase } from '../support/databases.ts';

describeEachDatabase('the server around the API', (ctx) => {
  it('serves health, readiness, the home page and the interactive docs', async () => {
    const app = await testApp(ctx.database);
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.json()).toEqual({ status: 'ready', database: ctx.dialect });
    // The server's own time, for benchmarks and devtools.
    expect(ready.headers['server-timing']).toMatch(/^app;dur=\d+\.\d{3}$/);
    const home = await app.inject({ url: '/' });
    expect(home.headers['content-type']).toMatch(/text\/html/);
    expect(home.body).toContain('href="/api/docs"');
    expect(home.headers['content-security-policy']).toContain("default-src 'self'");
    const docs = await app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    expectProblem(await new Client(app).get('/nowhere'), 404, 'ROUTE_NOT_FOUND');
    await app.close();
  });

  it('publishes an OpenAPI 3.1 document where every operation has its schemas', async () => {
    const app = await testApp(ctx.database);
    const document = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(
      ([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    for (const { path, method, op } of operations.filter((o) => o.path.startsWith('/api/v1'))) {
      const success = Object.keys(op.responses ?? {}).filter((status) => status.startsWith('2'));
      expect([path, method, success.length > 0]).toEqual([path, method, true]);
      expect([path, method, Boolean(op.responses['4XX'] ?? op.responses['4xx'])]).toEqual([
        path,
        method,
        true,
      ]);
      expect([path, method, typeof op.summary]).toEqual([path, method, 'string']);
      if (
        ['post', 'patch', 'put'].includes(method) &&
        !path.endsWith('/logout') &&
        !path.includes('/archive') &&
        !path.includes('/unarchive') &&
        !path.endsWith('/dismiss') &&
        !path.endsWith('/undo')
      ) {
        expect([path, method, Boolean(op.requestBody)]).toEqual([path, method, true]);
      }
    }
    const posting = JSON.stringify(document.paths['/api/v1/books/{bookId}/transactions'].post.requestBody);
    expect(posting).toContain('"additionalProperties":false');
    await app.close();
  });

  it('closes registration when configured to (the first user excepted)', async () => {
    const open = await testApp(ctx.database);
    await signUp(open);
    await open.close();
    const app = await testApp(ctx.database, { registration: 'closed' });
    const reply = await new Client(app).post('/api/v1/auth/register', {
      email: uniqueEmail(),
      password: PASSWORD,
      name: 'X',
    });
    expectProblem(reply, 403, 'REGISTRATION_DISABLED');
    await app.close();
  });

  it('rotates the session at login, and a password change ends the other sessions', async () => {
    const app = await testApp(ctx.database);
    const email = uniqueEmail('eve');
    const laptop = await signUp(app, 'Eve', email);
    const firstCookie = laptop.cookie;
    await laptop.post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(laptop.cookie).not.toBe(firstCookie);
    const stale = new Client(app);
    stale.cookie = firstCookie;
    expectProblem(await stale.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');

    const phone = new Client(app);
    await phone.post('/api/v1/auth/login', { email, password: PASSWORD });
    expectProblem(
      await laptop.post('/api/v1/auth/password', {
        currentPassword: 'wrong password!',
        newPassword: 'a new long password',
      }),
      401,
      'INVALID_CREDENTIALS',
    );
    expectProblem(
      await laptop.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }),
      422,
      'WEAK_PASSWORD',
    );
    expect(
      (
        await laptop.post('/api/v1/auth/password', {
          currentPassword: PASSWORD,
          newPassword: 'a new long password',
        })
      ).status,
    ).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expectProblem(await phone.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectProblem(
      await new Client(app).post('/api/v1/auth/login', { email, password: PASSWORD }),
      401,
      'INVALID_CREDENTIALS',
    );
    expect(
      (await new Client(app).post('/api/v1/auth/login', { email, password: 'a new long password' })).status,
    ).toBe(200);
    await app.close();
  });

  it('migrates down to nothing and up again', async () => {
    const fresh = await openTestDatabase(ctx.dialect);
    try {
      expect(await migrateToNothing(fresh.database)).toEqual([
        'reverted 2026_11_21_0014_reconciliations',
        'reverted 2026_11_21_0012_category_targets',
        'reverted 2026_11_21_0011_envelope_years',
        'reverted 2026_11_21_0010_import_previews',
        'reverted 2026_11_21_0008_import_progress',
        'reverted 2026_11_21_0007_transaction_search',
        'reverted 2026_11_21_0006_account_months',
        'reverted 2026_11_21_0005_posting_lookup',
        'reverted 2026_11_21_0004_import',
        'reverted 2026_11_21_0003_envelope',
        'reverted 2026_11_21_0002_budgets',
        'reverted 2026_11_21_0001_ledger',
      ]);
      expect(await migrateToLatest(fresh.database)).toEqual([
        'applied 2026_11_21_0001_ledger',
        'applied 2026_11_21_0002_budgets',
        'applied 2026_11_21_0003_envelope',
        'applied 2026_11_21_0004_import',
        'applied 2026_11_21_0005_posting_lookup',
        'applied 2026_11_21_0006_account_months',
        'applied 2026_11_21_0007_transaction_search',
        'applied 2026_11_21_0008_import_progress',
        'applied 2026_11_21_0010_import_previews',
        'applied 2026_11_21_0011_envelope_years',
        'applied 2026_11_21_0012_category_targets',
        'applied 2026_11_21_0014_reconciliations',
      ]);
      expect(await migrateToLatest(fresh.database)).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });
});

describeEachDatabase('cookies behind a TLS proxy', (ctx) => {
  it('marks the session cookie Secure when the proxy says the request came over https', async () => {
    const app = await testApp(ctx.database, { trustProxy: 1 });
    const email = (await signUp(app, 'Tess')).user!.email;
    const secure = await new Client(app).request(
      'POST',
      '/api/v1/auth/login',
      { email, password: PASSWORD },
      { headers: { 'x-forwarded-proto': 'https' } },
    );
    expect(secure.headers['set-cookie']).toMatch(/; Secure/);
    expect(secure.headers['strict-transport-security']).toBeDefined();
    const plain = await new Client(app).post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(plain.headers['set-cookie']).not.toMatch(/Secure/);
    await app.close();
  });
});

describeEachDatabase('compression', (ctx) => {
  it('compresses API answers over 1 KiB for clients that accept it, and leaves small ones alone', async () => {
    const app = await testApp(ctx.database);
    const large = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(large.headers['content-encoding']).toBe('br');
    const small = await app.inject({ url: '/healthz', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.json().openapi).toBe('3.1.0');
    await app.close();
  });
});
