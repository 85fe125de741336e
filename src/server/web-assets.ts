/**
 * The built web app: whether `dist/web` is older than its sources, how to build it (Vite),
 * and the routes that serve it (hashed assets cached for a year, `index.html` for every page path).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './types.ts';

/** The repository (or installed package) root: `src/server/../..`. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the web bundle is made of: the app, what it imports from the server side, and the tool chain. */
export const WEB_SOURCES: readonly string[] = [
  'src/web',
  'src/contract',
  'src/core',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.json',
];

/** Test files sit beside the code in `src/core` but never reach the bundle. */
const NOT_BUNDLED = /\.(?:test|spec)\.[cm]?[jt]sx?$/;

export function webDist(root: string = REPO_ROOT): string {
  return join(root, 'dist', 'web');
}

/**
 * The newest modification time (ms) among the web app's sources, 0 when none exist. Directories count
 * too, so that deleting or renaming a file (which leaves every remaining file's mtime alone) is noticed.
 */
export function newestWebSourceMtime(root: string = REPO_ROOT): number {
  let newest = 0;
  const visit = (path: string): void => {
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path);
    } catch {
      return;
    }
    if (info.isDirectory()) {
      newest = Math.max(newest, info.mtimeMs);
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && !entry.startsWith('.')) visit(join(path, entry));
      }
    } else if (info.isFile() && !NOT_BUNDLED.test(path)) {
      newest = Math.max(newest, info.mtimeMs);
    }
  };
  for (const source of WEB_SOURCES) visit(join(root, source));
  return newest;
}

/** True when `dist/web/index.html` is missing or older than any of the web app's sources. */
export function isWebBuildStale(root: string = REPO_ROOT): boolean {
  let builtAt: number;
  try {
    builtAt = statSync(join(webDist(root), 'index.html')).mtimeMs;
  } catch {
    return true;
  }
  return newestWebSourceMtime(root) > builtAt;
}

export interface BuildResult {
  readonly outDir: string;
  readonly durationMs: number;
}

/** Runs Vite's CLI (`vite build`) in a child process; resolves when it exits 0. */
function runViteBuild(root: string, outDir: string): Promise<void> {
  const require = createRequire(join(root, 'package.json'));
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(root, 'vite.config.ts'), '--mode', 'production'];
  args.push('--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn');
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Vite bakes NODE_ENV into the bundle: under NODE_ENV=test (Vitest) or development, React's
      // development build would ship.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.once('error', failed);
    child.once('exit', (code, signal) => {
      if (code === 0) done();
      else
        failed(
          new Error(
            `vite build ${signal ? `was stopped by ${signal}` : `exited with code ${code}`} (its output is above)`,
          ),
        );
    });
  });
}

/** Moves `from` to `to`, replacing it; retried, as another build (another test run) may be doing the same. */
function replaceFolder(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    rmSync(to, { recursive: true, force: true });
    try {
      renameSync(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw error;
    }
  }
}

/**
 * Builds the web app with Vite (the root's `vite.config.ts`) into `dist/web`, and logs one line with the
 * duration. Vite runs in a child process: in the server's own process its bundler would stay resident
 * (≈ 500 MB RSS instead of ≈ 160 MB). The build goes to a staging folder that replaces `dist/web` only
 * once complete, so an interrupted build never leaves a half-written app that looks fresh; `index.html`
 * is then dated to the build's start, so a source saved while the build ran still counts as newer.
 */
export async function buildWeb(
  root: string = REPO_ROOT,
  { log = console.log }: { log?: (line: string) => void } = {},
): Promise<BuildResult> {
  const started = Date.now();
  const outDir = webDist(root);
  const staging = `${outDir}.building-${process.pid}`;
  try {
    await runViteBuild(root, staging);
    const startedAt = new Date(started);
    utimesSync(join(staging, 'index.html'), startedAt, startedAt);
    replaceFolder(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const durationMs = Date.now() - started;
  log(`web app built in ${(durationMs / 1000).toFixed(1)} s`);
  return { outDir, durationMs };
}

/** Whether the web app's sources are here (an install may ship `dist/web` alone). */
export function hasWebSources(root: string = REPO_ROOT): boolean {
  return existsSync(join(root, 'src', 'web', 'index.html'));
}

/** Builds the web app when its sources are here and `dist/web` is missing or stale; null when it did not. */
export async function ensureWebBuild(
  root: string = REPO_ROOT,
  options: { log?: (line: string) => void } = {},
): Promise<BuildResult | null> {
  return hasWebSources(root) && isWebBuildStale(root) ? buildWeb(root, options) : null;
}

/** Whether `webRoot` holds a built app. */
export function hasWebBuild(webRoot: string): boolean {
  return existsSync(join(webRoot, 'index.html'));
}

const ASSETS = '/assets/';
/** Vite names everything under /assets/ by content hash: a URL there never changes meaning. */
const IMMUTABLE = { maxAge: 365 * 24 * 3600 * 1000, immutable: true } as const;

/** Paths the server owns: a miss there is the API's 404 (problem+json), never the app's page. */
function isServerPath(pathname: string): boolean {
  return (
    pathname === '/api' ||
    pathname.startsWith('/api/') ||
    pathname.startsWith('/healthz') ||
    pathname.startsWith('/readyz')
  );
}

function pathnameOf(url: string): string | null {
  const raw = url.split('?')[0]!.split('#')[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

export interface WebAppOptions {
  /** The built app's folder (`dist/web`), holding `index.html` and `assets/`. */
  readonly webRoot: string;
}

/**
 * Serves the built web app: its files as they are (`/assets/*` cached for a year, the rest revalidated),
 * and `index.html` for any other GET, so that `/accounts/12` loaded or reloaded in the browser reaches the
 * app's router. Unknown `/api/*` paths keep their problem+json 404. Pre-compressed `.br`/`.gz` siblings
 * written by the build are sent to clients that accept them.
 *
 * Register it before the auth plugin: page loads and assets then never look up the session (no database
 * query per asset, and no refreshed session cookie on a response that caches may keep).
 */
export async function webAppRoutes(app: App, { webRoot }: WebAppOptions): Promise<void> {
  const root = resolve(webRoot);
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    index: false,
    dotfiles: 'ignore',
  });

  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });

  const isFile = async (pathname: string): Promise<boolean> => {
    const file = resolve(root, `.${pathname}`);
    if (!file.startsWith(root + sep)) return false;
    try {
      return (await stat(file)).isFile();
    } catch {
      return false;
    }
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = pathnameOf(request.url);
    if (pathname === null || isServerPath(pathname)) return reply.callNotFound();
    if (pathname !== '/' && (await isFile(pathname))) {
      if (pathname.startsWith(ASSETS)) return reply.sendFile(pathname, IMMUTABLE);
      return reply.header('cache-control', 'no-cache').sendFile(pathname, { cacheControl: false });
    }
    // A missing hashed asset (a tab left open across an upgrade) or file is a 404, not a page: HTML
    // served as a script only trades a clear error for a confusing one. Page paths get the app.
    const acceptsHtml = (request.headers.accept ?? '').includes('text/html');
    if (pathname.startsWith(ASSETS) || (extname(pathname) !== '' && !acceptsHtml)) {
      return reply.callNotFound();
    }
    return sendIndex(reply);
  };

  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
