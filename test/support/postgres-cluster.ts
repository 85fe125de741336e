/**
 * A throwaway PostgreSQL cluster for the test run: initdb into a temp dir, start it on a free
 * port on 127.0.0.1 with durability switched off, and remove everything on stop().
 *
 * When running as root (as CI and the dev containers do) the cluster is owned by and run as the
 * `postgres` user through `runuser`, because PostgreSQL refuses to run as root.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PostgresCluster {
  /** Superuser URL of the cluster's `postgres` database, e.g. `postgres://postgres@127.0.0.1:54321/postgres`. */
  readonly url: string;
  readonly port: number;
  /** How long initdb + start took, in milliseconds. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

/** The directory holding `initdb`, `pg_ctl` and `postgres`, or null if PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (!existsSync(join(fromEnv, 'initdb'))) throw new Error(`PG_BIN=${fromEnv} has no initdb`);
    return fromEnv;
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** A TCP port that was free a moment ago (listen on port 0, read it, close). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}

const isRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** The command line for a PostgreSQL tool, wrapped in `runuser -u postgres --` when we are root. */
function command(file: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

function run(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const [cmd, argv] = command(file, args);
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      argv,
      { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (error) {
          const how = error.killed
            ? `was killed (${error.signal ?? 'timeout'})`
            : `exited with code ${error.code}`;
          const message = `\`${[cmd, ...argv].join(' ')}\` ${how}`;
          reject(Object.assign(new Error(message), { stdout, stderr }));
        } else {
          resolve({ stdout, stderr });
        }
      },
    );
    child.stdin?.end();
  });
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log file)';
  }
}

function describeFailure(step: string, error: unknown, logFile?: string): Error {
  const e = error as Error & { stdout?: string; stderr?: string };
  const parts = [`PostgreSQL test cluster: ${step} failed: ${e.message}`];
  if (e.stdout?.trim()) parts.push(`--- stdout ---\n${e.stdout.trimEnd()}`);
  if (e.stderr?.trim()) parts.push(`--- stderr ---\n${e.stderr.trimEnd()}`);
  if (logFile) parts.push(`--- tail of ${logFile} ---\n${tail(logFile)}`);
  return new Error(parts.join('\n'), { cause: error });
}

/**
 * Starts a fresh cluster, or returns null when no PostgreSQL binaries are installed.
 * Throws (with the server log's tail) when the binaries exist but the cluster will not start.
 */
export async function startPostgresCluster(): Promise<PostgresCluster | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const started = performance.now();

  // <base>/data is the cluster, <base> itself is the Unix socket dir and holds the log.
  const base = mkdtempSync(join(tmpdir(), 'moneta-pg-'));
  const dataDir = join(base, 'data');
  const logFile = join(base, 'postgres.log');
  const pgCtl = join(bin, 'pg_ctl');
  let running = false;

  const stopSync = () => {
    if (running) {
      running = false;
      try {
        const [cmd, argv] = command(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        execFileSync(cmd, argv, { cwd: base, stdio: 'ignore', timeout: 30_000 });
      } catch {
        // Best effort at process exit.
      }
    }
    rmSync(base, { recursive: true, force: true });
  };
  // Should the test run die without calling stop(), do not leave a postmaster behind.
  const onExit = () => stopSync();
  process.once('exit', onExit);

  try {
    if (isRoot()) {
      const { uid, gid } = postgresIds();
      chownSync(base, uid, gid);
    }
    try {
      await run(
        join(bin, 'initdb'),
        ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'],
        base,
      );
    } catch (error) {
      throw describeFailure('initdb', error);
    }

    // The port may be taken between finding it and binding it: retry a couple of times.
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      const options = [
        '-c listen_addresses=127.0.0.1',
        `-p ${port}`,
        `-k ${base}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        await run(pgCtl, ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], base);
      } catch (error) {
        if (attempt < 3 && /could not bind|address already in use/i.test(tail(logFile))) continue;
        throw describeFailure('pg_ctl start', error, logFile);
      }
      running = true;
      const startupMs = Math.round(performance.now() - started);
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        startupMs,
        async stop() {
          process.removeListener('exit', onExit);
          if (running) {
            running = false;
            try {
              await run(pgCtl, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], base);
            } catch (error) {
              rmSync(base, { recursive: true, force: true });
              throw describeFailure('pg_ctl stop', error, logFile);
            }
          }
          rmSync(base, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    process.removeListener('exit', onExit);
    stopSync();
    throw error;
  }
}
