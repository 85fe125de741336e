import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connect.ts';
import { toCount } from '../db/values.ts';
import type { Io } from './io.ts';
import { runCli } from './run.ts';

let folder: string;
let database: string;
const file = (name: string) => join(folder, name);

/** An in-process console: lines printed, and what was written to standard output as a stream. */
function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  let written = '';
  stdout.on('data', (chunk: Buffer) => {
    written += chunk.toString();
  });
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const io: Io = { env: {}, stdin, stdout, out: (line) => out.push(line), err: (line) => err.push(line) };
  return { io, out, err, written: () => written };
}

async function moneta(...args: string[]) {
  const console = fakeIo();
  const code = await runCli([...args, '--database', database], console.io);
  return { code, ...console };
}

async function bookCount(): Promise<number> {
  const db = openDatabase(database);
  try {
    const row = await db.db
      .selectFrom('books')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return toCount(row.n);
  } finally {
    await db.close();
  }
}

function hasHledger(): boolean {
  try {
    execFileSync('hledger', ['--version']);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'moneta-export-cli-'));
  database = file('moneta.db');
  const demo = await moneta('demo', '--years', '1', '--seed', '7');
  expect(demo.code).toBe(0);
}, 60_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('moneta backup and restore', () => {
  it('backs up a book by name and restores it into a new book for the only user', async () => {
    const backup = await moneta('backup', '--book', 'Demo household', '--out', file('demo.json'));
    expect(backup.err).toEqual([]);
    expect(backup.code).toBe(0);
    expect(backup.out[0]).toMatch(
      /^Backed up book 1 “Demo household” to .*demo\.json: \d+ transactions, 20 accounts/,
    );
    const document = JSON.parse(readFileSync(file('demo.json'), 'utf8'));
    expect(document).toMatchObject({ format: 'moneta-backup', version: 1, book: { id: 1 } });

    const restore = await moneta('restore', file('demo.json'), '--name', 'Restored');
    expect(restore.err).toEqual([]);
    expect(restore.code).toBe(0);
    expect(restore.out[0]).toMatch(/^Restored book 2 “Restored” for demo@example\.com in \d+\.\d\d s:$/);
    expect(restore.out[1]).toContain(`${document.transactions.length} transactions`);

    const again = await moneta('backup', '--book', '2');
    expect(again.code).toBe(0);
    const copy = JSON.parse(again.written());
    expect(copy.book.name).toBe('Restored');
    const figures = (doc: any) =>
      doc.transactions.map((t: any) => [t.date, t.description, t.postings.map((p: any) => p.amount)]);
    expect(figures(copy)).toEqual(figures(document));
  });

  it('writes nothing for a file that is not a backup, and says why', async () => {
    const before = await bookCount();
    writeFileSync(file('not.json'), '{"format": "moneta-backup",');
    const notJson = await moneta('restore', file('not.json'));
    expect(notJson.code).toBe(1);
    expect(notJson.err[0]).toMatch(/^moneta restore: .*not\.json is not a readable JSON file/);

    const document = JSON.parse(readFileSync(file('demo.json'), 'utf8'));
    writeFileSync(file('v99.json'), JSON.stringify({ ...document, version: 99 }));
    const v99 = await moneta('restore', file('v99.json'));
    expect(v99.code).toBe(1);
    expect(v99.err[0]).toContain('Backup version 99 is not one this Moneta reads');

    document.transactions[0].postings[0].accountId = 999_999;
    Object.assign(document.transactions[1].postings[0], { amount: '0.01', value: '0.01' });
    writeFileSync(file('broken.json'), JSON.stringify(document));
    const broken = await moneta('restore', file('broken.json'));
    expect(broken.code).toBe(1);
    expect(broken.err).toEqual([
      expect.stringMatching(/^moneta restore: The backup cannot be restored: .* \(and 1 more problem\)$/),
      '  /transactions/0/postings/0/accountId: There is no account 999999 in the backup.',
      expect.stringMatching(/^ {2}\/transactions\/1\/postings: The postings sum to/),
    ]);

    const missing = await moneta('restore', file('nowhere.json'));
    expect(missing.code).toBe(1);
    const nobody = await moneta('restore', file('demo.json'), '--owner', 'nobody@example.com');
    expect(nobody.err).toEqual(['moneta restore: There is no user nobody@example.com.']);
    expect((await moneta('restore')).code).toBe(2);
    expect((await moneta('restore', file('demo.json'), '--name', ' ')).code).toBe(2);
    expect(await bookCount()).toBe(before);
  });
});

describe('moneta export', () => {
  it('writes an hledger journal of the whole book', async () => {
    const journal = await moneta(
      'export',
      '--book',
      '1',
      '--format',
      'journal',
      '--out',
      file('book.journal'),
    );
    expect(journal.err).toEqual([]);
    expect(journal.out[0]).toMatch(
      /^Exported book 1 “Demo household” as journal to .*book\.journal \(\d+ bytes\)\.$/,
    );
    const text = readFileSync(file('book.journal'), 'utf8');
    expect(text).toContain('\naccount assets:Checking  ; type: A, id:');
    if (hasHledger())
      execFileSync('hledger', ['-f', file('book.journal'), '--strict', 'check', 'ordereddates']);
  });

  it('writes the CSV of filtered transactions to standard output', async () => {
    const csv = await moneta(
      'export',
      '--book',
      '1',
      '--account',
      'checking',
      '--from',
      '2026-01-01',
      '--status',
      'cleared',
    );
    expect(csv.code).toBe(0);
    expect(csv.out).toEqual([]);
    const lines = csv.written().trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^date,transaction_id,type,account,/);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines.slice(1))
      expect(line).toMatch(/^2026-\d\d-\d\d,\d+,(transaction|split),Checking,.*,cleared,/);
    const split = await moneta('export', '--book', '1', '--category', 'Household', '--search', 'shop');
    expect(split.written()).toMatch(/,split,[^,]+,Household,/);
  });

  it('refuses a wrong command line with 2, and an unknown book or name with 1', async () => {
    expect((await moneta('export', '--format', 'csv')).code).toBe(2);
    expect((await moneta('export', '--book', '1', '--format', 'xlsx')).code).toBe(2);
    expect((await moneta('export', '--book', '1', '--format', 'journal', '--tag', 'x')).code).toBe(2);
    expect((await moneta('export', '--book', '1', '--from', '2026-02-30')).code).toBe(2);
    expect((await moneta('export', '--book', '1', '--status', 'done')).code).toBe(2);
    expect((await moneta('export', '--book', '1', '--min-amount', '-5')).code).toBe(2);
    const unknown = await moneta('export', '--book', 'Nope');
    expect(unknown.err).toEqual(["moneta export: There is no book 'Nope'."]);
    const account = await moneta('export', '--book', '1', '--account', 'Groceries');
    expect(account.err).toEqual(['moneta export: There is no account “Groceries” in book 1.']);
    await moneta('restore', file('demo.json'));
    const twice = await moneta('backup', '--book', 'Demo household');
    expect(twice.code).toBe(1);
    expect(twice.err[0]).toMatch(/Several books are called 'Demo household': give its id \(1, \d+\)\./);
  });

  it('prints help for each command', async () => {
    for (const command of ['export', 'backup', 'restore']) {
      const { code, out } = await moneta(command, '--help');
      expect(code).toBe(0);
      expect(out.join('\n')).toContain(`Usage: moneta ${command}`);
    }
  });
});
