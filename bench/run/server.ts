/** The Moneta server as a separate process, as users run it: its own memory, reached over HTTP. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { findFreePort } from '../../test/support/postgres-cluster.ts';

export interface RunningServer {
  base: string;
  process: ChildProcess;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    // As `npm start` runs it (package.json): a 2 MB young generation keeps the heap from
    // growing by ~100 MB under a high allocation rate, at no measured cost in requests/s.
    ['--max-semi-space-size=2', 'bin/moneta.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, MONETA_WEB: 'off', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    base,
    process: child,
    peakRssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Logs in as the bench user: the cookie header and CSRF token of the session. */
export async function logIn(
  base: string,
  email: string,
  password: string,
): Promise<{ cookie: string; csrf: string }> {
  const reply = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!reply.ok) throw new Error(`login failed: ${reply.status} ${await reply.text()}`);
  const cookie = reply.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await reply.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** One GET: total milliseconds as the client saw them, and the server's own (Server-Timing). */
/**
 * One GET, timed by the client and by the server (`Server-Timing`). `Cache-Control: no-cache`
 * makes the server compute the answer afresh instead of giving a kept one: the figure is the
 * query's, not the read cache's.
 */
export async function timedGet(url: string, cookie: string): Promise<{ client: number; server: number }> {
  const started = performance.now();
  const reply = await fetch(url, {
    headers: { cookie, 'accept-encoding': 'identity', 'cache-control': 'no-cache' },
  });
  await reply.arrayBuffer();
  const client = performance.now() - started;
  if (!reply.ok) throw new Error(`GET ${url}: ${reply.status}`);
  const server = Number(/dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? Number.NaN);
  return { client, server };
}
