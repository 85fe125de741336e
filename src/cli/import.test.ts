import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankCsv } from '../../test/support/bank-csv.ts';
import { formatMinor } from '../core/money/index.ts';
import { openDatabase } from '../db/connect.ts';
import { toCount, toMinor } from '../db/values.ts';
import type { Io } from './io.ts';
import { runCli } from './run.ts';

let folder: string;
let database: string;
const file = (name: string) => join(folder, name);

async function moneta(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdin = Object.assign(new PassThrough(), { isTTY: false });
  const io: Io = {
    env: {},
    stdin,
    stdout: new PassThrough(),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const code = await runCli([...args, '--database', database], io);
  return { code, out, err };
}

/** The checking account's transaction count and balance, read from the database. */
async function checking(): Promise<{ count: number; balance: bigint }> {
  const db = openDatabase(database);
  try {
    const account = await db.db
      .selectFrom('accounts')
      .select(['id', 'balance'])
      .where('name', '=', 'Checking')
      .executeTakeFirstOrThrow();
    const row = await db.db
      .selectFrom('postings')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('account_id', '=', account.id)
      .executeTakeFirstOrThrow();
    return { count: toCount(row.n), balance: toMinor(account.balance) };
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'moneta-import-cli-'));
  database = file('moneta.db');
  expect((await moneta('demo', '--years', '1')).code).toBe(0);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('moneta import', () => {
  it('streams a large CSV file into an account as one batch, and adds nothing the second time', async () => {
    const { text, total } = bankCsv(12_000);
    writeFileSync(file('big.csv'), text, 'latin1');
    const before = await checking();

    const dry = await moneta(
      'import',
      file('big.csv'),
      '--book',
      'Demo household',
      '--account',
      'Checking',
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.out.join('\n')).toMatch(/12000 would be imported/);
    expect(await checking()).toEqual(before);

    const done = await moneta('import', file('big.csv'), '--book', 'Demo household', '--account', 'Checking');
    expect(done.code, done.err.join('\n')).toBe(0);
    expect(done.out.join('\n')).toMatch(/Imported 12000 transactions from big\.csv/);
    expect(done.err.at(-1)).toBe('… 100%');
    const after = await checking();
    expect(after.count - before.count).toBe(12_000);
    expect(after.balance - before.balance).toBe(total);

    const again = await moneta(
      'import',
      file('big.csv'),
      '--book',
      'Demo household',
      '--account',
      'Checking',
    );
    expect(again.out.join('\n')).toMatch(/Imported 0 transactions .*\(12000 skipped\)/);
    expect(await checking()).toEqual(after);
  });

  it('imports an OFX file, and asks for the date format of an ambiguous CSV file', async () => {
    writeFileSync(
      file('s.ofx'),
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>' +
        '<STMTTRN><DTPOSTED>20160105<TRNAMT>-9.99<FITID>X1<NAME>Stream</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>',
    );
    const ofx = await moneta('import', file('s.ofx'), '--book', 'Demo household', '--account', 'Checking');
    expect(ofx.code, ofx.err.join('\n')).toBe(0);
    expect(ofx.out[0]).toMatch(/Imported 1 transactions from s\.ofx/);

    writeFileSync(file('a.csv'), 'Date,Text,Amount\n05/03/2016,A,-1.00\n07/04/2016,B,-2.00\n');
    const asked = await moneta('import', file('a.csv'), '--book', 'Demo household', '--account', 'Checking');
    expect(asked.code).toBe(1);
    expect(asked.err.join('\n')).toMatch(/--date-format DD\/MM\/YYYY/);
    const answered = await moneta(
      'import',
      file('a.csv'),
      '--book',
      'Demo household',
      '--account',
      'Checking',
      '--date-format',
      'DD/MM/YYYY',
    );
    expect(answered.code, answered.err.join('\n')).toBe(0);
  });

  it("prints the statement's closing balance beside the account's, for every format and in a dry run", async () => {
    const euros = (minor: bigint) => `${formatMinor(minor, 2)} EUR`;
    const ofx = (id: string) =>
      '<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>' +
      `<STMTTRN><DTPOSTED>20170105<TRNAMT>-12.50<FITID>${id}<NAME>Bakery</STMTTRN></BANKTRANLIST>` +
      '<LEDGERBAL><BALAMT>1234.56<DTASOF>20170131</LEDGERBAL></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>';
    writeFileSync(file('closing.ofx'), ofx('C1'));
    const before = await checking();
    const args = ['--book', 'Demo household', '--account', 'Checking'];
    const dry = await moneta('import', file('closing.ofx'), ...args, '--dry-run');
    expect(dry.out).toContain(
      `The file's closing balance: 1234.56 EUR on 2017-01-31; the account's balance after the import would be: ${euros(before.balance - 1250n)}.`,
    );
    const done = await moneta('import', file('closing.ofx'), ...args);
    expect(done.code, done.err.join('\n')).toBe(0);
    expect(done.out).toContain(
      `The file's closing balance: 1234.56 EUR on 2017-01-31; the account's balance now: ${euros(before.balance - 1250n)}.`,
    );

    writeFileSync(
      file('closing.csv'),
      'Date,Text,Amount,Balance\n2017-02-01,Rent,-700.00,534.56\n2017-02-02,Refund,20.00,554.56\n',
    );
    const csvDry = await moneta('import', file('closing.csv'), ...args, '--dry-run');
    expect(csvDry.out).toContain(
      `The file's closing balance: 554.56 EUR on 2017-02-02; the account's balance after the import would be: ${euros(before.balance - 1250n - 68000n)}.`,
    );
  });

  it('refuses bad files and bad command lines, writing nothing', async () => {
    const before = await checking();
    writeFileSync(file('junk.bin'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)));
    const junk = await moneta(
      'import',
      file('junk.bin'),
      '--book',
      'Demo household',
      '--account',
      'Checking',
    );
    expect(junk.code).toBe(1);
    expect(junk.err.join('\n')).toMatch(/not text|binary|cannot be read/i);
    writeFileSync(file('ragged.csv'), 'Booked,Memo,Value\n2016-01-01,A,-1.00\n2016-01-02,B\n');
    const ragged = await moneta(
      'import',
      file('ragged.csv'),
      '--book',
      'Demo household',
      '--account',
      'Checking',
    );
    expect(ragged.code).toBe(1);
    expect(ragged.err.join('\n')).toMatch(/Line 3/);
    expect((await moneta('import', '--book', '1', '--account', 'Checking')).code).toBe(2);
    expect((await moneta('import', file('ragged.csv'), '--book', '1', '--account', 'Nope')).code).toBe(1);
    expect(
      (await moneta('import', file('ragged.csv'), '--book', '1', '--account', 'Checking', '--format', 'xls'))
        .code,
    ).toBe(2);
    const badFormat = await moneta(
      'import',
      file('a.csv'),
      '--book',
      '1',
      '--account',
      'Checking',
      '--date-format',
      'DD/MM',
    );
    expect(badFormat.code).toBe(2);
    expect(badFormat.err.join('\n')).toMatch(/--date-format must be one of/);
    expect(await checking()).toEqual(before);
  });
});
