import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { findUserByEmail } from '../server/features/auth/users.ts';
import type { Io } from './io.ts';
import { runCli } from './run.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'correct horse battery';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'moneta-cli-'));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the real `moneta` executable, as an operator would. */
function moneta(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/moneta.mjs', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** An in-process terminal-less console; `answers` make stdin a scripted terminal instead. */
function fakeIo(env: Record<string, string> = {}, answers?: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: answers !== undefined });
  const stdout = new PassThrough();
  let shown = '';
  stdout.on('data', (chunk: Buffer) => {
    shown += chunk.toString();
    for (const [prompt, answer] of Object.entries(answers ?? {})) {
      if (shown.endsWith(prompt)) setImmediate(() => stdin.write(`${answer}\r`)); // typed after the prompt shows
    }
  });
  const io: Io = { env, stdin, stdout, out: (line) => out.push(line), err: (line) => err.push(line) };
  return { io, out, err, shown: () => shown };
}

describe('the moneta executable', () => {
  it('migrates, writes a demo, and checks it', { timeout: 60_000 }, async () => {
    const env = { DATABASE_URL: join(folder, 'spawned', 'moneta.db') };
    const migrated = await moneta(['migrate'], env);
    expect(migrated).toMatchObject({ code: 0, stderr: '' });
    expect(migrated.stdout).toContain('applied 2026_11_21_0001_ledger');

    const demo = await moneta(['demo', '--years', '1', '--seed', '7'], env);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Demo user: demo@example.com  password: moneta-demo-password');

    const checked = await moneta(['check'], env);
    expect(checked).toMatchObject({ code: 0, stderr: '' });
    // The demo's five accounts and fourteen categories, as the web app shows them, and Opening Balances.
    expect(checked.stdout).toMatch(
      /^OK: \d+ transactions, \d+ postings, 5 accounts, 14 categories and 1 equity account in 1 book checked\n$/,
    );
  });

  it('creates an administrator from flags, and refuses a bad command line with code 2', {
    timeout: 30_000,
  }, async () => {
    const file = join(folder, 'admin', 'moneta.db');
    const created = await moneta(
      ['createadmin', '--email', 'Root@Example.com', '--name', 'Root', '--password', PASSWORD],
      {
        DATABASE_URL: file,
      },
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Created administrator root@example\.com \(user \d+\)\./);
    const database = openDatabase(file);
    try {
      expect((await findUserByEmail(database.db, 'root@example.com'))?.isAdmin).toBe(true);
    } finally {
      await database.close();
    }

    const wrong = await moneta(['check', '--bogus'], { DATABASE_URL: file });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Unknown option '--bogus'");
  });
});

describe('moneta commands in-process', () => {
  const database = () => join(folder, 'in-process.db');

  it('prints help for every command', async () => {
    for (const command of ['migrate', 'createadmin', 'serve', 'demo', 'check']) {
      const { io, out } = fakeIo();
      expect(await runCli([command, '--help'], io)).toBe(0);
      expect(out.join('\n')).toContain(`Usage: moneta ${command}`);
    }
    const { io, err } = fakeIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(err.join('\n')).toContain("unknown command 'frobnicate'");
  });

  it('migrates down and up again', async () => {
    const up = fakeIo();
    expect(await runCli(['migrate', '--database', database()], up.io)).toBe(0);
    const down = fakeIo();
    expect(await runCli(['migrate', '--down', '--database', database()], down.io)).toBe(0);
    expect(down.out).toEqual(['reverted 2026_11_21_0014_reconciliations']);
    // A command on the data says what is missing rather than failing on a missing column.
    const behind = fakeIo();
    expect(await runCli(['check', '--database', database()], behind.io)).toBe(1);
    expect(behind.err.join('\n')).toContain(
      'The database needs 1 migration (2026_11_21_0014_reconciliations): run moneta migrate',
    );
    const again = fakeIo();
    expect(await runCli(['migrate', '--database', database()], again.io)).toBe(0);
    expect(again.out).toEqual(['applied 2026_11_21_0014_reconciliations']);
  });

  it('asks for nothing without a terminal: missing flags are a usage error', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['createadmin', '--email', 'x@example.com', '--database', database()], io)).toBe(2);
    expect(err.join('\n')).toContain('give --name, --password');
  });

  it('takes the password from MONETA_ADMIN_PASSWORD and reports a weak one plainly', async () => {
    const weak = fakeIo({ MONETA_ADMIN_PASSWORD: 'short' });
    const args = ['createadmin', '--email', 'ada@example.com', '--name', 'Ada', '--database', database()];
    expect(await runCli(args, weak.io)).toBe(1);
    expect(weak.err).toEqual(['moneta createadmin: Use at least 10 characters.']);

    const strong = fakeIo({ MONETA_ADMIN_PASSWORD: PASSWORD });
    expect(await runCli(args, strong.io)).toBe(0);
    expect(strong.out.at(-1)).toMatch(/^Created administrator ada@example\.com/);
  });

  it('makes an existing user an administrator only with --force', async () => {
    const demo = fakeIo();
    const db = ['--database', database()];
    expect(await runCli(['demo', '--years', '1', '--email', 'bob@example.com', ...db], demo.io)).toBe(0);

    const refused = fakeIo();
    expect(await runCli(['createadmin', '--email', 'bob@example.com', ...db], refused.io)).toBe(1);
    expect(refused.err.join('\n')).toContain('--force');

    const forced = fakeIo();
    expect(await runCli(['createadmin', '--email', 'bob@example.com', '--force', ...db], forced.io)).toBe(0);
    expect(forced.out.at(-1)).toContain('is now an administrator');
  });

  it('asks in a terminal, hiding the password and asking for it twice', async () => {
    const { io, out, shown } = fakeIo(
      {},
      {
        'E-mail: ': 'eve@example.com',
        'Name: ': 'Eve',
        'Password: ': PASSWORD,
        'Password (again): ': PASSWORD,
      },
    );
    expect(await runCli(['createadmin', '--database', database()], io)).toBe(0);
    expect(out.at(-1)).toMatch(/^Created administrator eve@example\.com/);
    expect(shown()).toContain('eve@example.com'); // echoed
    expect(shown()).not.toContain(PASSWORD); // not echoed
  });

  it('lists the problems of a corrupt ledger and exits 1', async () => {
    const db = openDatabase(database());
    try {
      await db.db.updateTable('accounts').set({ balance: 1 }).where('name', '=', 'Checking').execute();
    } finally {
      await db.close();
    }
    const { io, out } = fakeIo();
    expect(await runCli(['check', '--database', database()], io)).toBe(1);
    expect(out[0]).toMatch(
      /^cached-balance: Account \d+ “Checking” \(book \d+\) has a cached balance of 0\.01 EUR/,
    );
    expect(out.at(-1)).toMatch(/^FAILED: 1 problem in \d+ transactions/);

    const missing = fakeIo();
    expect(await runCli(['check', '--book', '999', '--database', database()], missing.io)).toBe(1);
    expect(missing.err).toEqual(['moneta check: There is no book 999.']);
  });
});
