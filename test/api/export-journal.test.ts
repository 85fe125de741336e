/**
 * The hledger oracle (../shared/corpus/ORACLE.md): the journal export, read by hledger, must give
 * every account exactly the balance Moneta gives it. Skipped with a notice where hledger is not
 * installed; under CI=true (where .ci/run installs it) its absence fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currency, parseMoney } from '../../src/core/money/index.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, signUpWithBook, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildReportLedger } from '../support/report-ledger.ts';

function hledgerVersion(): string | null {
  try {
    return execFileSync('hledger', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const version = hledgerVersion();
const inCi = process.env.CI === 'true';
if (!version && !inCi) console.warn('hledger is not on PATH: the journal export oracle tests are skipped.');

const money = (amount: string, code = 'EUR') => ({ amount, currency: code });

/** The report ledger plus what a journal finds hard: currencies, hierarchy, awkward text. */
async function richLedger(client: Client, base: string) {
  const ids = await buildReportLedger(client, base);
  const post = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as number;
  };
  const usd = await post('/accounts', {
    name: 'Travel: USD',
    type: 'asset',
    currency: 'USD',
    openingBalance: money('10.00', 'USD'),
    openingDate: '2026-01-01',
  });
  const yen = await post('/accounts', { name: 'Tokyo  cash;', type: 'asset', currency: 'JPY' });
  const bank = await post('/accounts', { name: 'Bank', type: 'asset' });
  const sub = await post('/accounts', { name: 'Sub account', type: 'asset', parentId: bank });
  const fresh = await post('/categories', { name: 'Fresh', kind: 'expense', parentId: ids.food });
  const tx = (body: object) => post('/transactions', body);
  // A cross-currency transfer, and spending from the dollar account valued in euros.
  await tx({
    date: '2026-02-01',
    payeeName: 'Bank | FX desk',
    description: '(exchange) EUR; USD',
    postings: [
      { accountId: ids.checking, amount: money('-1000.00') },
      { accountId: usd, amount: money('1093.10', 'USD'), value: money('1000.00') },
    ],
  });
  await tx({
    date: '2026-02-02',
    currency: 'EUR',
    notes: 'first\nsecond date:2026-09-09 [2026-09-09]',
    postings: [
      {
        accountId: usd,
        amount: money('-21.24', 'USD'),
        value: money('-19.82'),
        memo: 'tip; date:2026-09-09',
      },
      { accountId: fresh, amount: money('19.82') },
    ],
  });
  // A transaction in yen, paid from the yen account into a euro category.
  await tx({
    date: '2026-02-03',
    currency: 'JPY',
    postings: [
      { accountId: yen, amount: money('5000', 'JPY'), memo: 'cash in' },
      { accountId: ids.checking, amount: money('-31.00'), value: money('-5000', 'JPY') },
    ],
  });
  await tx({
    date: '2026-02-04',
    currency: 'JPY',
    postings: [
      { accountId: yen, amount: money('-1200', 'JPY') },
      { accountId: ids.home, amount: money('7.44'), value: money('1200', 'JPY') },
    ],
  });
  // Into a parent and its child; and a transaction recorded last but dated first.
  await tx({
    date: '2026-02-05',
    postings: [
      { accountId: ids.checking, amount: money('-300.00') },
      { accountId: bank, amount: money('100.00') },
      { accountId: sub, amount: money('200.00') },
    ],
  });
  await tx({
    date: '2025-12-31',
    status: 'reconciled',
    postings: [
      { accountId: ids.savings, amount: money('0.01') },
      { accountId: ids.interest, amount: money('-0.01') },
    ],
  });
  return ids;
}

/** Every account's balance by id, as Moneta's GET /accounts gives it (each type, archived ones too). */
async function monetaBalances(client: Client, base: string) {
  const balances = new Map<number, { amount: string; currency: string }>();
  for (const type of ['asset', 'liability', 'equity', 'income', 'expense']) {
    const reply = await client.get(`${base}/accounts?type=${type}&includeArchived=true`);
    expect(reply.status).toBe(200);
    for (const account of reply.body) balances.set(account.id, account.balance);
  }
  return balances;
}

describeEachDatabase('hledger journal export', (ctx) => {
  let app: App;
  let client: Client;
  let base: string;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'moneta-journal-'));
    app = await testApp(ctx.database);
    ({ client, base } = await signUpWithBook(app));
    await richLedger(client, base);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is a text/plain journal that declares every account and commodity', async () => {
    const reply = await client.get(`${base}/export/journal`);
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/plain; charset=utf-8');
    expect(reply.body).toContain('\ncommodity 1000.00 EUR\ncommodity 1000. JPY\ncommodity 1000.00 USD\n');
    expect(reply.body).toContain('\naccount assets:Tokyo cash,  ; type: A, id:');
    expect(reply.body).toContain('\naccount assets:Bank:Sub account  ; type: A, id:');
    expect(reply.body).toContain('\naccount expenses:Living:Food:Fresh  ; type: X, id:');
    expect(reply.body).toContain(' ! Bank / FX desk | (exchange) EUR, USD  ; id:');
    expect(reply.body).toMatch(/\n {4}assets:Travel- USD {2}1093\.10 USD @@ 1000\.00 EUR\n/);
    expect(reply.body).toMatch(/\n2026-02-10 ! {2}; id:\d+, tag:trip\n/);
  });

  it.skipIf(!version && !inCi)(
    'gives every account in hledger exactly the balance Moneta gives it',
    async () => {
      expect(version, 'hledger must be installed where CI=true').toBeTruthy();
      const journal = (await client.get(`${base}/export/journal`)).body as string;
      const file = join(folder, `export-${ctx.dialect}.journal`);
      writeFileSync(file, journal);
      // Exits non-zero (and throws) on an undeclared account or commodity, or dates out of order.
      execFileSync('hledger', ['-f', file, '--strict', 'check', 'ordereddates']);

      const idOf = new Map(
        [...journal.matchAll(/^account (.+?) {2}; type: [ALERX], id:(\d+)$/gm)].map((m) => [
          m[1]!,
          Number(m[2]),
        ]),
      );
      const csv = execFileSync('hledger', ['-f', file, 'bal', '--layout', 'bare', '-N', '-E', '-O', 'csv'], {
        encoding: 'utf8',
      });
      const [header, ...lines] = csv.trim().split('\n');
      expect(header).toBe('"account","commodity","balance"');
      const ledger = new Map<number, [string, bigint]>();
      for (const line of lines) {
        const [name, commodity, balance] = JSON.parse(`[${line}]`) as string[];
        const id = idOf.get(name!);
        expect([name, id]).toEqual([name, expect.any(Number)]);
        const code = commodity || 'EUR';
        ledger.set(id!, [code, parseMoney(balance!, currency(code)).minor]);
      }

      const moneta = await monetaBalances(client, base);
      expect(moneta.size).toBe(idOf.size);
      let compared = 0;
      for (const [id, balance] of moneta) {
        const minor = parseMoney(balance.amount, currency(balance.currency)).minor;
        // hledger leaves out accounts without postings; their balance is zero.
        const [code, found] = ledger.get(id) ?? [balance.currency, 0n];
        expect([id, minor === 0n ? balance.currency : code, found]).toEqual([id, balance.currency, minor]);
        if (minor !== 0n) compared++;
      }
      expect(compared).toBe(14);
    },
  );
});
