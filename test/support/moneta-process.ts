/**
 * The real `moneta` executable in a child process, as an operator runs it: for tests that need a
 * second process on the same database (an import while the API writes) or a `kill -9`.
 *
 *   const cli = spawnMoneta(['import', file, '--book', '1', '--account', '2', '--database', url]);
 *   expect(await cli.exited, cli.output()).toBe(0);
 *
 *   const server = await startServer(url);      // `moneta serve`, API only, ready to answer
 *   await server.process.kill9();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './postgres-cluster.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MonetaProcess {
  readonly child: ChildProcess;
  /** Its exit code once it has ended (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  /** Whether it has ended. */
  readonly done: boolean;
  /** What it printed so far, standard output and error interleaved. */
  output(): string;
  /** Ends it at once with SIGKILL (nothing runs in it afterwards) and waits until it is gone. */
  kill9(): Promise<void>;
}

export function spawnMoneta(args: readonly string[], env: Record<string, string> = {}): MonetaProcess {
  const child = spawn(process.execPath, ['bin/moneta.mjs', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let done = false;
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      done = true;
      resolve(code);
    });
  });
  return {
    child,
    exited,
    get done() {
      return done;
    },
    output: () => output,
    async kill9() {
      if (!done) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface SpawnedServer {
  readonly process: MonetaProcess;
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
}

/** `moneta serve` on a free port, serving the API only; resolves once `/readyz` answers. */
export async function startServer(databaseUrl: string): Promise<SpawnedServer> {
  const port = await findFreePort();
  const server = spawnMoneta(['serve', '--port', String(port), '--host', '127.0.0.1'], {
    DATABASE_URL: databaseUrl,
    MONETA_WEB: 'off',
  });
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${origin}/readyz`).then(
      (reply) => reply.ok,
      () => false,
    );
    if (ready) return { process: server, origin };
    if (server.done || tries > 300) {
      await server.kill9();
      throw new Error(`moneta serve did not become ready:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
