/**
 * The security headers depend on how the request arrived: `upgrade-insecure-requests` and HSTS only
 * over TLS (directly or as a trusted proxy says), never over plain HTTP, where the upgrade would send
 * a LAN browser to an https nothing serves (the app stayed blank at http://moneta.lan:3000).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/types.ts';
import { testApp } from '../support/api.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';

describe('security headers over plain HTTP and over TLS', () => {
  let database: TestDatabase;
  let app: App;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
    app = await testApp(database.database, { trustProxy: 1 });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy']);

  it('leaves upgrade-insecure-requests and HSTS out of answers over plain HTTP', async () => {
    for (const url of ['/', '/healthz', '/api/v1/auth/me']) {
      const reply = await app.inject({ url, headers: { host: 'moneta.lan:3000' } });
      expect(csp(reply.headers)).toContain("default-src 'self'");
      expect(csp(reply.headers)).not.toContain('upgrade-insecure-requests');
      expect(reply.headers['strict-transport-security']).toBeUndefined();
      expect(reply.headers['cross-origin-opener-policy']).toBeUndefined();
    }
  });

  it('adds both when a trusted proxy says the request came over https', async () => {
    const reply = await app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(csp(reply.headers)).toContain('upgrade-insecure-requests');
    expect(csp(reply.headers)).toContain("default-src 'self'");
    expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('does not believe X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    const direct = await testApp(database.database, { trustProxy: false });
    const reply = await direct.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(csp(reply.headers)).not.toContain('upgrade-insecure-requests');
    expect(reply.headers['strict-transport-security']).toBeUndefined();
    await direct.close();
  });
});
