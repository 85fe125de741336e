/**
 * Cold start: from spawning `node bin/moneta.mjs serve` on the reference book to the first 200 of
 * `/readyz`, as an operator's restart would see it. Also the share of it that is tsx loading and
 * transpiling the TypeScript sources (the production build's business, not this bench's): the same
 * process importing the server's modules and stopping there.
 */
import { spawn } from 'node:child_process';
import { findFreePort } from '../../test/support/postgres-cluster.ts';
import { repeat, type Timing, timing } from './stats.ts';

const POLL_MS = 5;

/** Milliseconds from spawn to the first 200 of /readyz; the server is stopped after. */
async function startOnce(databaseUrl: string, web: string): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/moneta.mjs', 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: { ...process.env, DATABASE_URL: databaseUrl, MONETA_WEB: web, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`moneta serve exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** Milliseconds for a process to load the server's modules through tsx, and nothing else. */
function loadModulesOnce(): Promise<number> {
  const script = `const { register } = await import('tsx/esm/api'); register();
    await import(new URL('./src/server/main.ts', 'file://' + process.cwd() + '/').href);`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve(performance.now() - started) : reject(new Error(`exit ${code}`)),
    ),
  );
}

/** A bare `node` that does nothing: what any Node process costs before Moneta's code. */
function bareNodeOnce(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', () => resolve(performance.now() - started)));
}

export interface ColdStart {
  /** API only (MONETA_WEB=off), as the other figures run it. */
  api: Timing;
  /** As `npm start` runs it by default: the web build's staleness check included. */
  withWeb: Timing;
  /** Of which: Node and tsx loading the server's modules, before any of Moneta's own work. */
  modules: Timing;
  bareNode: Timing;
}

export async function measureColdStart(databaseUrl: string, runs: number): Promise<ColdStart> {
  return {
    api: timing(await repeat(runs, () => startOnce(databaseUrl, 'off'))),
    withWeb: timing(await repeat(runs, () => startOnce(databaseUrl, 'auto'))),
    modules: timing(await repeat(runs, loadModulesOnce)),
    bareNode: timing(await repeat(runs, bareNodeOnce)),
  };
}

/** The cold-start figures as rows of the bench's table. */
export async function coldStartRows(databaseUrl: string, runs: number) {
  process.stderr.write('cold start to /readyz…\n');
  const { api, withWeb, modules, bareNode } = await measureColdStart(databaseUrl, runs);
  const row = (name: string, target: string, figure: Timing) => ({
    name,
    target,
    api: { client: figure, server: figure },
  });
  return [
    row('cold start to /readyz (API only)', '≤ 1,000 ms', api),
    row('cold start to /readyz (web build checked)', '≤ 1,000 ms', withWeb),
    row('… of which Node + tsx loading the modules', '', modules),
    row('… of which a bare Node process', '', bareNode),
  ];
}
