import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases.ts';
import { toMinor } from '../../db/values.ts';
import { insertUser } from '../../server/features/auth/users.ts';
import { checkIntegrity } from '../../server/features/integrity/check.ts';
import { ACCOUNTS } from './catalogue.ts';
import { type DemoPlan, planDemo, startOfPlan } from './plan.ts';
import { scaleMinor, seededRandom } from './random.ts';
import { type DemoResult, writeDemo } from './write.ts';

const END = '2026-11-21';

describe('the demo plan', () => {
  const plan = planDemo({ seed: 42, years: 2, endDate: END });

  it('is the same for the same seed and differs for another', () => {
    expect(planDemo({ seed: 42, years: 2, endDate: END })).toEqual(plan);
    expect(planDemo({ seed: 43, years: 2, endDate: END }).transactions).not.toEqual(plan.transactions);
  });

  it('covers whole years up to the end date, in date order', () => {
    expect(plan.startDate).toBe('2024-11-22');
    expect(startOfPlan('2024-02-29' as never, 1)).toBe('2023-03-01');
    const dates = plan.transactions.map((t) => t.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]! >= plan.startDate && dates.at(-1)! <= END).toBe(true);
  });

  it('balances every transaction in EUR, with values only on USD postings', () => {
    const usd = new Set(ACCOUNTS.filter((a) => a.currency === 'USD').map((a) => a.key as string));
    for (const transaction of plan.transactions) {
      let total = 0n;
      for (const posting of transaction.postings) {
        expect(posting.value !== undefined).toBe(usd.has(posting.target));
        total += posting.value ?? posting.amount;
      }
      expect(total).toBe(0n);
    }
  });

  it('pays a salary and the rent every month, and pending entries are the newest', () => {
    const count = (description: string) =>
      plan.transactions.filter((t) => t.description === description).length;
    expect(count('Salary')).toBe(24);
    expect(count('Monthly rent')).toBe(24);
    const statuses = plan.transactions.map((t) => t.status);
    expect(statuses.indexOf('pending')).toBeGreaterThan(statuses.lastIndexOf('reconciled'));
  });
});

describe('scaleMinor', () => {
  it('rounds half away from zero in integers', () => {
    expect(scaleMinor(100_00n, 10_800n, 10_000n)).toBe(108_00n);
    expect(scaleMinor(1n, 1n, 2n)).toBe(1n);
    expect(scaleMinor(-1n, 1n, 2n)).toBe(-1n);
    expect(scaleMinor(4_50n, 10_000n, 10_850n)).toBe(4_15n); // 414.746… cents
  });

  it('draws integers within bounds', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
  });
});

describeEachDatabase('the demo writer', (ctx) => {
  let plan: DemoPlan;
  let result: DemoResult;

  beforeAll(async () => {
    const db = ctx.database.db;
    const now = '2026-11-21T08:00:00.000Z';
    const user = await insertUser(
      db,
      { email: 'demo@example.com', name: 'Demo', passwordHash: 'x', isAdmin: false },
      now,
    );
    plan = planDemo({ seed: 42, years: 1, endDate: END });
    result = await writeDemo(db, user.id, plan, now);
  });

  it('writes a book that passes the integrity check', async () => {
    const report = await checkIntegrity(ctx.database.db, { bookId: result.bookId });
    expect(report.problems).toEqual([]);
    const openings = ACCOUNTS.filter((a) => a.opening !== 0n).length;
    expect(result.counts.transactions).toBe(plan.transactions.length + openings);
    expect(report.counts.transactions).toBe(result.counts.transactions);
    expect(result.counts).toMatchObject({ categoryGroups: 5, categories: 14 });
  });

  it('holds twelve salaries, splits, and cross-currency postings', async () => {
    const db = ctx.database.db;
    const salaries = await db
      .selectFrom('postings as p')
      .innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('a.book_id', '=', result.bookId)
      .where('a.name', '=', 'Salary')
      .executeTakeFirstOrThrow();
    expect(Number(salaries.n)).toBe(12);

    const splits = await db
      .selectFrom('postings')
      .select('transaction_id')
      .where('book_id', '=', result.bookId)
      .groupBy('transaction_id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .execute();
    expect(splits.length).toBeGreaterThan(0);

    const crossCurrency = await db
      .selectFrom('postings')
      .select(['amount', 'value'])
      .where('book_id', '=', result.bookId)
      .whereRef('amount', '<>', 'value')
      .execute();
    expect(crossCurrency.length).toBeGreaterThan(0);
    expect(crossCurrency.some((p) => toMinor(p.amount) > toMinor(p.value))).toBe(true); // 1 EUR > 1 USD

    const payees = await db
      .selectFrom('payees')
      .select('name')
      .where('book_id', '=', result.bookId)
      .execute();
    expect(payees.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Acme Corp', 'Landlord GmbH', 'Netflix']),
    );
  });

  it('keeps every balance equal to its postings, with money in checking', async () => {
    const db = ctx.database.db;
    const accounts = await db
      .selectFrom('accounts as a')
      .select(['a.name', sql<string>`cast(a.balance as text)`.as('balance')])
      .select(
        sql<string>`(select cast(coalesce(sum(p.amount), 0) as text) from postings p where p.account_id = a.id)`.as(
          'sum',
        ),
      )
      .where('a.book_id', '=', result.bookId)
      .execute();
    for (const account of accounts)
      expect([account.name, toMinor(account.balance)]).toEqual([account.name, toMinor(account.sum)]);
    const balance = (name: string) => toMinor(accounts.find((a) => a.name === name)!.balance);
    expect(balance('Checking')).toBeGreaterThan(0n);
    expect(balance('Cash')).toBeGreaterThanOrEqual(0n);
    expect(balance('Credit card')).toBeLessThanOrEqual(0n);
  });

  it('dates the older transactions reconciled and the newest pending', async () => {
    const rows = await ctx.database.db
      .selectFrom('transactions')
      .select(['status', (eb) => eb.fn.max('date').as('latest')])
      .where('book_id', '=', result.bookId)
      .groupBy('status')
      .execute();
    const latest = Object.fromEntries(rows.map((r) => [r.status, String(r.latest)]));
    expect(latest.pending! > '2026-11-14').toBe(true);
    expect(latest.reconciled! < latest.cleared!).toBe(true);
  });
});
