/**
 * Browser tests under Vitest: Playwright (playwright-core) driving Debian's Chromium against the real
 * server, with the built web app, on a throwaway SQLite database.
 *
 *   describeInBrowser('sign-up', (ctx) => {
 *     it('creates an account', async () => {
 *       const { page, problems } = await ctx.newPage();     // a fresh browser context (no cookies)
 *       await page.goto('/signup');                          // relative to ctx.server.url
 *       …
 *       expect(problems()).toEqual([]);                      // console errors, page errors, CSP violations
 *     });
 *   });
 *
 * Each block gets one server and one browser for its tests (beforeAll / afterAll); `ctx.newPage()` opens
 * a new browser context per call, closed after the test. Use `startWebServer()` / `launchBrowser()`
 * directly for anything else. Without Chromium the block is skipped (the global setup prints the notice
 * once); under CI=true it fails instead. The global setup builds `dist/web` when it is stale.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, inject, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { App } from '../../src/server/types.ts';
import { hasWebBuild, webDist } from '../../src/server/web-assets.ts';
import { CHROMIUM_ARGS, CHROMIUM_REQUIRED_IN_CI, findChromium } from './chromium.ts';

/** The Chromium the global setup found (it prints the notice when there is none), else a fresh look. */
export function chromiumPath(): string | null {
  try {
    return inject('chromiumPath') ?? null;
  } catch {
    return findChromium();
  }
}

/** The global setup's failed web build, if any: the browser suites fail with it rather than time out. */
function webBuildError(): string | null {
  try {
    return inject('webBuildError') ?? null;
  } catch {
    return null;
  }
}

export interface WebServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly app: App;
  /** The server's migrated SQLite database (a file in a temporary folder). */
  readonly database: Database;
  close(): Promise<void>;
}

/**
 * Moneta as `npm start` serves it, with the built web app, on a fresh migrated SQLite database in a
 * temporary folder, listening on 127.0.0.1 on a free port; registration is open unless `config` says.
 */
export async function startWebServer(
  options: { config?: Partial<Config>; webRoot?: string } = {},
): Promise<WebServer> {
  const webRoot = options.webRoot ?? webDist();
  if (!hasWebBuild(webRoot)) {
    throw new Error(
      `No web app build in ${webRoot}: run npm run build:web (the test run's global setup builds it when Chromium is there).`,
    );
  }
  const folder = mkdtempSync(join(tmpdir(), 'moneta-web-'));
  const database = openDatabase(join(folder, 'moneta.db'));
  let app: App | undefined;
  try {
    await migrateToLatest(database);
    // Registration open unless a test says otherwise: the suites sign up several users per server.
    const config = { ...loadConfig({}), registration: 'open' as const, ...options.config };
    app = await buildApp({ database, config, webRoot });
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await app?.close();
    await database.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error(`Unexpected address ${address}`);
  const started = app;
  return {
    url: `http://127.0.0.1:${address.port}`,
    app: started,
    database,
    async close() {
      try {
        await started.close();
        await database.close();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

/** Launches Debian's Chromium (or $CHROMIUM_PATH) headless through playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (executablePath === null) throw new Error(CHROMIUM_REQUIRED_IN_CI);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * Collects what should never happen on a page: console errors (Chromium logs CSP violations there),
 * uncaught exceptions, and CSP violations reported by the page itself. A failed API call the app
 * answers (a 4xx of `/api/…`, such as 401 before login) is the app's business, not a problem.
 */
export async function watchPage(page: Page): Promise<() => string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location().url;
    if (
      /^Failed to load resource: .*status of 4\d\d/.test(text) &&
      new URL(where, 'http://x').pathname.startsWith('/api/')
    ) {
      return;
    }
    problems.push(`console: ${text}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Init scripts run through the DevTools protocol, so the page's CSP does not block this listener.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
  return () => [...problems];
}

export interface BrowserPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far. */
  problems(): string[];
}

export interface BrowserSuiteContext {
  /** The block's server: valid inside tests and hooks (after beforeAll). */
  readonly server: WebServer;
  readonly browser: Browser;
  /** A page in a new browser context (its own cookies) with `baseURL` = the server; closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<BrowserPage>;
}

/**
 * Like `describe`, for tests in a real browser: the body gets a context with a running server and
 * Chromium. Skipped when Chromium is absent (notice printed once per run by the global setup); under
 * CI=true a missing Chromium fails the block instead.
 */
export function describeInBrowser(title: string, body: (ctx: BrowserSuiteContext) => void): void {
  const executable = chromiumPath();
  if (executable === null) {
    if (process.env.CI === 'true') {
      describe(title, () => {
        it('runs in Chromium', () => {
          throw new Error(CHROMIUM_REQUIRED_IN_CI);
        });
      });
    } else {
      describe.skip(title, () => body(unavailable(title)));
    }
    return;
  }
  const buildError = webBuildError();
  if (buildError !== null) {
    describe(title, () => {
      it('has a built web app', () => {
        throw new Error(`The web app failed to build:\n${buildError}`);
      });
    });
    return;
  }
  describe(title, () => {
    let server: WebServer | undefined;
    let browser: Browser | undefined;
    const opened: BrowserContext[] = [];
    const ctx: BrowserSuiteContext = {
      get server() {
        if (!server) throw new Error(`ctx.server of "${title}" is only available inside tests and hooks.`);
        return server;
      },
      get browser() {
        if (!browser) throw new Error(`ctx.browser of "${title}" is only available inside tests and hooks.`);
        return browser;
      },
      async newPage(options = {}) {
        const context = await ctx.browser.newContext({ baseURL: ctx.server.url, ...options });
        opened.push(context);
        const page = await context.newPage();
        return { page, context, problems: await watchPage(page) };
      },
    };
    beforeAll(async () => {
      const [startedServer, launched] = await Promise.allSettled([startWebServer(), launchBrowser()]);
      if (startedServer.status === 'fulfilled') server = startedServer.value;
      if (launched.status === 'fulfilled') browser = launched.value;
      if (startedServer.status === 'rejected') throw startedServer.reason;
      if (launched.status === 'rejected') throw launched.reason;
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((context) => context.close()));
    });
    afterAll(async () => {
      await Promise.allSettled([browser?.close(), server?.close()]);
      browser = undefined;
      server = undefined;
    });
    body(ctx);
  });
}

function unavailable(title: string): BrowserSuiteContext {
  const fail = (): never => {
    throw new Error(`"${title}" is skipped: Chromium is not installed.`);
  };
  return {
    get server() {
      return fail();
    },
    get browser() {
      return fail();
    },
    newPage: async () => fail(),
  };
}
