/**
 * The README's curl example, run exactly as written (a new user pastes it): after `moneta demo`, with
 * `moneta serve` on a fresh SQLite database. Only the port differs: `localhost:3000` becomes the test
 * server's. Skipped with a notice where curl is not installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const hasCurl = (() => {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('curl is not installed: the README curl example test is skipped.');
    return false;
  }
})();

/** The shell block that follows `after` in the README. */
function readmeBlock(after: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const from = readme.indexOf(after);
  expect(from, `README has "${after}"`).toBeGreaterThan(-1);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  expect(block, `a sh block follows "${after}"`).not.toBeNull();
  return block![1]!;
}

describe.skipIf(!hasCurl)('the README curl example', () => {
  let folder: string;
  let port: number;
  let server: ReturnType<typeof spawn> | undefined;
  const env = () => ({ ...process.env, DATABASE_URL: join(folder, 'moneta.db'), MONETA_WEB: 'off' });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'moneta-readme-'));
    execFileSync(process.execPath, ['bin/moneta.mjs', 'demo', '--years', '1'], { cwd: ROOT, env: env() });
    port = 20_000 + Math.floor(Math.random() * 20_000);
    server = spawn(process.execPath, ['bin/moneta.mjs', 'serve', '--port', String(port)], {
      cwd: ROOT,
      env: { ...env(), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (reply) => reply.ok,
        () => false,
      );
      if (ready) break;
      if (tries > 200) throw new Error('moneta serve did not become ready');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(() => {
    server?.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates a book and an account and lists it, as pasted', () => {
    const script = readmeBlock('The same API a browser will use').replaceAll(
      'localhost:3000',
      `localhost:${port}`,
    );
    const output = execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: folder,
      encoding: 'utf8',
      env: process.env,
    });
    const lines = output.trim().split('\n');
    const created = JSON.parse(lines[0]!);
    expect(created).toMatchObject({ name: 'Checking', balance: { amount: '1500.00', currency: 'EUR' } });
    const listed = JSON.parse(lines.at(-1)!);
    expect(JSON.stringify(listed)).toContain('"Checking"');
  });
});
