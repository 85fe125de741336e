/**
 * The accounting identity behind every report, for any single-currency ledger:
 * net income over [from, to] = Δ net worth over it − the opening balances posted in it.
 * Each run builds a fresh book through the API: a few accounts (opening balances against the
 * opening-balances equity account), income, expenses, refunds and transfers over four months.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { addDays, isoDate } from '../../src/core/calendar/date.ts';
import { formatMinor } from '../../src/core/money/money.ts';
import type { App } from '../../src/server/types.ts';
import { type Client, signUp, testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';

const START = isoDate('2026-01-01');
const DAYS = 120;
const day = (offset: number) => addDays(START, offset);
const eur = (minor: bigint) => ({ amount: formatMinor(minor, 2), currency: 'EUR' });
const toMinor = (text: string) => BigInt(text.replace('.', ''));

const amount = fc.bigInt({ min: 1n, max: 500_000n });
const accountSpec = fc.record({
  type: fc.constantFrom('asset', 'asset', 'liability'),
  opening: fc.option(
    fc.record({ minor: fc.bigInt({ min: -300_000n, max: 300_000n }), day: fc.nat(DAYS - 1) }),
  ),
});
const move = fc.record({
  kind: fc.constantFrom('income', 'expense', 'refund', 'transfer'),
  day: fc.nat(DAYS - 1),
  minor: amount,
  account: fc.nat(3),
  other: fc.nat(3),
  category: fc.nat(2),
});
const ledger = fc.record({
  accounts: fc.array(accountSpec, { minLength: 2, maxLength: 4 }),
  moves: fc.array(move, { maxLength: 14 }),
  range: fc
    .tuple(fc.nat(DAYS - 1), fc.nat(DAYS - 1))
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
});

type Ledger = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

async function build(client: Client, spec: Ledger) {
  const book = await client.post('/api/v1/books', { name: 'Property', baseCurrency: 'EUR' });
  const base = `/api/v1/books/${book.body.id}`;
  const create = async (path: string, body: object) => {
    const reply = await client.post(`${base}${path}`, body);
    if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.id as number;
  };
  const accounts: number[] = [];
  for (const [i, account] of spec.accounts.entries()) {
    const opening =
      account.opening && account.opening.minor !== 0n
        ? { openingBalance: eur(account.opening.minor), openingDate: day(account.opening.day) }
        : {};
    accounts.push(await create('/accounts', { name: `Account ${i}`, type: account.type, ...opening }));
  }
  const expenses = [
    await create('/categories', { name: 'Food', kind: 'expense' }),
    await create('/categories', { name: 'Rent', kind: 'expense' }),
  ];
  const income = await create('/categories', { name: 'Salary', kind: 'income' });
  const categories = [...expenses, income];
  for (const m of spec.moves) {
    const account = accounts[m.account % accounts.length]!;
    const [into, out] =
      m.kind === 'income'
        ? [account, income]
        : m.kind === 'expense'
          ? [categories[m.category % 2]!, account]
          : m.kind === 'refund'
            ? [account, categories[m.category % 2]!]
            : [accounts[(m.account + 1 + (m.other % (accounts.length - 1))) % accounts.length]!, account];
    await create('/transactions', {
      date: day(m.day),
      postings: [
        { accountId: into, amount: eur(m.minor) },
        { accountId: out, amount: eur(-m.minor) },
      ],
    });
  }
  return base;
}

describeEachDatabase('report identity (property)', (ctx) => {
  let app: App;
  let client: Client;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    client = await signUp(app);
    return () => app.close();
  });

  it('net income = Δ net worth − opening balances in the range', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(ledger, async (spec) => {
        const base = await build(client, spec);
        const [from, to] = [day(spec.range[0]), day(spec.range[1])];
        const statement = (await client.get(`${base}/reports/income-statement?from=${from}&to=${to}`)).body;
        const worth = (
          await client.get(`${base}/reports/net-worth?from=${addDays(from, -1)}&to=${to}&interval=day`)
        ).body;
        const before = toMinor(worth.points[0].netWorth.amount);
        const after = toMinor(worth.points.at(-1).netWorth.amount);
        const openings = spec.accounts
          .filter((a) => a.opening && a.opening.day >= spec.range[0] && a.opening.day <= spec.range[1])
          .reduce((sum, a) => sum + a.opening!.minor, 0n);
        expect(toMinor(statement.netIncome.amount)).toBe(after - before - openings);
        const sheet = (await client.get(`${base}/reports/balance-sheet?date=${to}`)).body;
        expect(toMinor(sheet.assets.total.amount)).toBe(
          toMinor(sheet.liabilities.total.amount) + toMinor(sheet.equity.total.amount),
        );
        expect(toMinor(sheet.assets.total.amount) - toMinor(sheet.liabilities.total.amount)).toBe(after);
      }),
      { numRuns: 20, interruptAfterTimeLimit: 90_000 },
    );
  });
});
