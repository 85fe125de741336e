import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/databases.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { App } from './types.ts';
import { ensureWebBuild, isWebBuildStale, newestWebSourceMtime, webDist } from './web-assets.ts';

/** 2024-01-01 plus `minutes`, as a Date for utimes. */
const at = (minutes: number) => new Date(Date.UTC(2024, 0, 1) + minutes * 60_000);

function write(root: string, path: string, minutes: number, content = 'x'): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  utimesSync(file, at(minutes), at(minutes));
}

/** Sets a directory's mtime (creating or deleting a file in it moves that). */
function touchDir(root: string, path: string, minutes: number): void {
  utimesSync(join(root, path), at(minutes), at(minutes));
}

describe('isWebBuildStale', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'moneta-stale-'));
    write(root, 'src/web/index.html', 0);
    write(root, 'src/web/features/accounts/AccountsPage.tsx', 0);
    write(root, 'src/contract/accounts.ts', 0);
    write(root, 'src/core/money/money.ts', 0);
    write(root, 'src/core/money/money.test.ts', 0);
    write(root, 'src/server/app.ts', 0);
    write(root, 'vite.config.ts', 0);
    write(root, 'package-lock.json', 0);
    for (const dir of [
      'src/web/features/accounts',
      'src/web/features',
      'src/web',
      'src/contract',
      'src/core/money',
      'src/core',
    ]) {
      touchDir(root, dir, 0);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = (minutes: number) => write(root, 'dist/web/index.html', minutes);

  it('is stale without a build', () => {
    expect(isWebBuildStale(root)).toBe(true);
    write(root, 'dist/web/assets/app-1234.js', 10);
    expect(isWebBuildStale(root)).toBe(true);
  });

  it('is fresh when the build is newer than every source', () => {
    build(10);
    expect(isWebBuildStale(root)).toBe(false);
    expect(newestWebSourceMtime(root)).toBe(at(0).getTime());
  });

  it.each([
    'src/web/features/accounts/AccountsPage.tsx',
    'src/web/index.html',
    'src/contract/accounts.ts',
    'src/core/money/money.ts',
    'vite.config.ts',
    'package-lock.json',
  ])('is stale once %s changes after the build', (path) => {
    build(10);
    write(root, path, 11);
    expect(isWebBuildStale(root)).toBe(true);
  });

  it('notices new and deleted files through their folder', () => {
    build(10);
    write(root, 'src/web/ui/Button.tsx', 5);
    touchDir(root, 'src/web/ui', 5);
    touchDir(root, 'src/web', 5);
    expect(isWebBuildStale(root)).toBe(false);
    touchDir(root, 'src/web/ui', 12);
    expect(isWebBuildStale(root)).toBe(true);

    build(20);
    rmSync(join(root, 'src/core/money/money.ts'));
    touchDir(root, 'src/core/money', 21);
    expect(isWebBuildStale(root)).toBe(true);
  });

  it('ignores what never reaches the bundle: tests, server code, dot-folders, node_modules', () => {
    build(10);
    write(root, 'src/core/money/money.test.ts', 30);
    write(root, 'src/server/app.ts', 30);
    write(root, 'src/web/node_modules/x/index.js', 30);
    write(root, 'src/web/.cache/y', 30);
    touchDir(root, 'src/web/node_modules', 5);
    touchDir(root, 'src/web/node_modules/x', 5);
    touchDir(root, 'src/web/.cache', 5);
    touchDir(root, 'src/web', 5);
    expect(isWebBuildStale(root)).toBe(false);
  });

  it('does not mind missing source folders', () => {
    rmSync(join(root, 'src/contract'), { recursive: true });
    rmSync(join(root, 'package-lock.json'));
    build(10);
    expect(isWebBuildStale(root)).toBe(false);
    const empty = mkdtempSync(join(tmpdir(), 'moneta-empty-'));
    expect(newestWebSourceMtime(empty)).toBe(0);
    rmSync(empty, { recursive: true });
  });

  it('builds nothing where the web sources are absent (an install that ships dist/web alone)', async () => {
    rmSync(join(root, 'src/web'), { recursive: true });
    expect(isWebBuildStale(root)).toBe(true);
    expect(await ensureWebBuild(root, { log: () => {} })).toBeNull();
  });

  it('builds nothing when the build is fresh', async () => {
    build(10);
    expect(await ensureWebBuild(root, { log: () => {} })).toBeNull();
  });
});

describe('serving the built web app', () => {
  const INDEX = '<!doctype html><html><head><title>Moneta</title></head><body><h1>Moneta</h1></body></html>';
  const SCRIPT = `console.log(${JSON.stringify('moneta '.repeat(300))});`;
  let webRoot: string;
  let test: TestDatabase;
  let app: App;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'moneta-webroot-'));
    write(webRoot, 'index.html', 0, INDEX);
    write(webRoot, 'assets/index-AbC123.js', 0, SCRIPT);
    writeFileSync(join(webRoot, 'assets/index-AbC123.js.br'), brotliCompressSync(SCRIPT));
    write(webRoot, 'robots.txt', 0, 'User-agent: *\n');
    test = await openTestDatabase('sqlite');
    app = await buildApp({ database: test.database, config: loadConfig({}), webRoot });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await test.dispose();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  it('serves index.html at / under the CSP, revalidated on every load', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toBe(INDEX);
  });

  it('answers every other page path with index.html (the app routes in the browser)', async () => {
    for (const url of ['/accounts/123', '/books/1/transactions?q=rent&from=2024-01-01', '/login/']) {
      const page = await get(url);
      expect([url, page.statusCode, page.body]).toEqual([url, 200, INDEX]);
      expect(page.headers['cache-control']).toBe('no-cache');
    }
    const navigation = await get('/payees/Amazon.com', { accept: 'text/html,application/xhtml+xml' });
    expect(navigation.body).toBe(INDEX);
    expect((await app.inject({ method: 'HEAD', url: '/accounts/1' })).statusCode).toBe(200);
  });

  it('caches hashed assets for a year and sends them pre-compressed when accepted', async () => {
    const plain = await get('/assets/index-AbC123.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body).toBe(SCRIPT);
    const compressed = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers.vary).toMatch(/accept-encoding/i);
    expect(compressed.rawPayload.length).toBeLessThan(SCRIPT.length);
  });

  it('serves other files as they are, revalidated', async () => {
    const robots = await get('/robots.txt');
    expect(robots.statusCode).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file with a 404, never with the page', async () => {
    for (const [url, headers] of [
      ['/assets/index-Old999.js', { accept: 'text/html' }],
      ['/favicon.ico', { accept: 'image/avif,image/webp,*/*' }],
      ['/assets/', {}],
    ] as const) {
      const reply = await get(url, headers);
      expect([url, reply.statusCode, reply.headers['content-type']]).toEqual([
        url,
        404,
        'application/problem+json; charset=utf-8',
      ]);
    }
  });

  it('keeps the API, health, and docs as they are, with problem+json 404s under /api', async () => {
    for (const url of ['/api/v1/nope', '/api', '/api/v1/books/1/nothing', '/healthz/deep']) {
      const reply = await get(url, { accept: 'text/html' });
      expect([url, reply.statusCode, reply.json().code]).toEqual([url, 404, 'ROUTE_NOT_FOUND']);
    }
    expect((await app.inject({ method: 'POST', url: '/accounts' })).statusCode).toBe(404);
    expect((await get('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await get('/api/docs/')).body).toContain('swagger-ui');
    const document = (await get('/api/openapi.json')).json();
    expect(Object.keys(document.paths).filter((path) => !path.startsWith('/api/'))).toEqual([
      '/healthz',
      '/readyz',
    ]);
  });

  it('never leaves its folder', async () => {
    for (const url of [
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fpackage.json',
    ]) {
      const reply = await get(url);
      expect(reply.body).not.toMatch(/root:|"name"/);
      if (reply.statusCode === 200) expect(reply.body).toBe(INDEX);
    }
  });
});

describe('the web app option of buildApp', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase('sqlite');
  });
  afterAll(() => test.dispose());

  it('serves the placeholder home page when told to serve no web app', async () => {
    const app = await buildApp({ database: test.database, config: loadConfig({}), webRoot: false });
    const home = await app.inject({ url: '/' });
    expect(home.body).toContain('href="/api/docs"');
    expect((await app.inject({ url: '/accounts/1' })).statusCode).toBe(404);
    await app.close();
  });

  it('refuses a web root without a build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'moneta-nobuild-'));
    await expect(
      buildApp({ database: test.database, config: loadConfig({}), webRoot: empty }),
    ).rejects.toThrow(/index\.html is missing/);
    rmSync(empty, { recursive: true });
  });

  it('looks for the build in dist/web by default', () => {
    expect(webDist()).toMatch(/[\\/]dist[\\/]web$/);
  });
});
