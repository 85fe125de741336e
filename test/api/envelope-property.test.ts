/**
 * An envelope month read through the API (from the monthly roll-ups) equals the budget computed
 * from scratch: the core fed directly with every posting the test wrote. Each run builds a fresh
 * book through the API — income, spending (some split), refunds, transfers (to savings, on budget,
 * and to investments, not), assignments, moves, and early transactions moved to another month or
 * deleted — over 42 months from a July (so that a month is read from kept envelope years: the budget's partial first year, whole years, and the
 * months of the last ones), with transactions before the start too (the on-budget accounts' balance
 * then is the start month's starting balance; money into investments leaves it), then compares months.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { type EnvelopeMonthInput, envelopeBudget } from '../../src/core/budget/envelope.ts';
import { isoDate } from '../../src/core/calendar/date.ts';
import { currency, money } from '../../src/core/money/index.ts';
import { formatMinor } from '../../src/core/money/money.ts';
import type { App } from '../../src/server/types.ts';
import { testApp } from '../support/api.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { envelopeBook, envelopes, totals } from '../support/envelope.ts';

const EUR = currency('EUR');
/** From the budget's start (2025-07) across three new years. */
const START = '2025-07';
const MONTHS = 42;
const monthKey = (index: number) => {
  const at = 2025 * 12 + 6 + index;
  return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, '0')}`;
};
const eur = (minor: bigint) => ({ amount: formatMinor(minor, 2), currency: 'EUR' });
const CATEGORIES = ['groceries', 'rent', 'fun'] as const;
const NAMES = { groceries: 'Groceries', rent: 'Rent', fun: 'Fun' } as const;
type Category = (typeof CATEGORIES)[number];

const month = fc.nat(MONTHS - 1);
/** Transactions may fall before the budget's start, in its first calendar year: they do not count. */
const txMonth = fc.integer({ min: -3, max: MONTHS - 1 });
const day = fc.integer({ min: 1, max: 28 });
const minor = fc.bigInt({ min: 1n, max: 300_000n });
const category = fc.constantFrom(...CATEGORIES);
const op = fc.oneof(
  fc.record({ kind: fc.constant('income' as const), month: txMonth, day, minor }),
  fc.record({
    kind: fc.constant('spend' as const),
    month: txMonth,
    day,
    minor,
    category,
    split: fc.option(fc.record({ category, minor })),
  }),
  fc.record({ kind: fc.constant('refund' as const), month: txMonth, day, minor, category }),
  fc.record({ kind: fc.constant('transfer' as const), month: txMonth, day, minor }),
  fc.record({ kind: fc.constant('invest' as const), month: txMonth, day, minor }),
  fc.record({
    kind: fc.constant('assign' as const),
    month,
    category,
    minor: fc.bigInt({ min: -100_000n, max: 300_000n }),
  }),
  fc.record({ kind: fc.constant('move' as const), month, from: category, to: category, minor }),
  fc.record({ kind: fc.constant('redate' as const), which: fc.nat(), month: txMonth, day }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat() }),
);
const spec = fc.record({
  ops: fc.array(op, { minLength: 1, maxLength: 30 }),
  asked: fc.array(month, { maxLength: 2 }),
});

/** A transaction as the envelope sees it: its month and what it put on income and categories. */
interface Written {
  id: number;
  month: number;
  /** What it changed on the on-budget accounts (Checking and Savings). */
  onBudget: bigint;
  income: bigint;
  spent: Partial<Record<Category, bigint>>;
}

describeEachDatabase('envelope month (property)', (ctx) => {
  let app: App;

  beforeAll(async () => {
    app = await testApp(ctx.database);
    return () => app.close();
  });

  it('equals the core fed with every posting, after any history of writes', {
    timeout: 240_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(spec, async ({ ops, asked }) => {
        const book = await envelopeBook(app);
        const { client, base, ids } = book;
        const settings = { enabled: true, startMonth: START };
        expect((await client.request('PUT', `${base}/envelope/settings`, settings)).body).toEqual(settings);
        const account = async (name: string, subtype: string) =>
          (await client.post(`${base}/accounts`, { name, type: 'asset', subtype })).body.id as number;
        const savings = await account('Savings', 'savings');
        const brokerage = await account('Brokerage', 'investment');
        const written: Written[] = [];
        const assigned = new Map<string, bigint>();
        const moves: { month: number; from: Category; to: Category; amount: bigint }[] = [];
        const date = (m: number, d: number) => `${monthKey(m)}-${String(d).padStart(2, '0')}`;
        const write = async (
          m: number,
          d: number,
          postings: [number, bigint][],
          w: Omit<Written, 'id' | 'month'>,
        ) => {
          const reply = await client.post(`${base}/transactions`, {
            date: date(m, d),
            postings: postings.map(([accountId, amount]) => ({ accountId, amount: eur(amount) })),
          });
          expect(reply.status).toBe(201);
          written.push({ id: reply.body.id, month: m, ...w });
        };
        for (const o of ops) {
          if (o.kind === 'income') {
            await write(
              o.month,
              o.day,
              [
                [ids.checking, o.minor],
                [ids.salary, -o.minor],
              ],
              { onBudget: o.minor, income: o.minor, spent: {} },
            );
          } else if (o.kind === 'spend') {
            const parts = new Map<Category, bigint>([[o.category, o.minor]]);
            if (o.split) parts.set(o.split.category, (parts.get(o.split.category) ?? 0n) + o.split.minor);
            const total = [...parts.values()].reduce((a, b) => a + b, 0n);
            const legs: [number, bigint][] = [...parts].map(([c, amount]) => [ids[c], amount]);
            await write(o.month, o.day, [[ids.checking, -total], ...legs], {
              onBudget: -total,
              income: 0n,
              spent: Object.fromEntries(parts),
            });
          } else if (o.kind === 'refund') {
            await write(
              o.month,
              o.day,
              [
                [ids.checking, o.minor],
                [ids[o.category], -o.minor],
              ],
              {
                onBudget: o.minor,
                income: 0n,
                spent: { [o.category]: -o.minor },
              },
            );
          } else if (o.kind === 'transfer') {
            await write(
              o.month,
              o.day,
              [
                [savings, o.minor],
                [ids.checking, -o.minor],
              ],
              { onBudget: 0n, income: 0n, spent: {} },
            );
          } else if (o.kind === 'invest') {
            await write(
              o.month,
              o.day,
              [
                [brokerage, o.minor],
                [ids.checking, -o.minor],
              ],
              { onBudget: -o.minor, income: 0n, spent: {} },
            );
          } else if (o.kind === 'assign') {
            const reply = await book.assign(monthKey(o.month), ids[o.category], eur(o.minor));
            expect(reply.status).toBe(200);
            assigned.set(`${o.month}/${o.category}`, o.minor);
          } else if (o.kind === 'move') {
            if (o.from === o.to) continue;
            const reply = await book.move(monthKey(o.month), {
              from: ids[o.from],
              to: ids[o.to],
              amount: eur(o.minor),
            });
            expect(reply.status).toBe(201);
            moves.push({ month: o.month, from: o.from, to: o.to, amount: o.minor });
          } else if (written.length > 0) {
            const index = o.which % written.length;
            const target = written[index]!;
            if (o.kind === 'redate') {
              const reply = await client.patch(`${base}/transactions/${target.id}`, {
                date: date(o.month, o.day),
              });
              expect(reply.status).toBe(200);
              target.month = o.month;
            } else {
              expect((await client.delete(`${base}/transactions/${target.id}`)).status).toBe(204);
              written.splice(index, 1);
            }
          }
        }
        const inputs: EnvelopeMonthInput[] = Array.from({ length: MONTHS }, (_, m) => {
          const here = written.filter((w) => w.month === m);
          const before = written.filter((w) => w.month < 0).reduce((sum, w) => sum + w.onBudget, 0n);
          return {
            month: isoDate(`${monthKey(m)}-01`),
            ...(m === 0 && { startingBalance: money(before, EUR) }),
            income: money(
              here.reduce((sum, w) => sum + w.income, 0n),
              EUR,
            ),
            categories: CATEGORIES.map((c) => ({
              categoryId: c,
              assigned: money(assigned.get(`${m}/${c}`) ?? 0n, EUR),
              spent: money(
                here.reduce((sum, w) => sum + (w.spent[c] ?? 0n), 0n),
                EUR,
              ),
            })),
            moves: moves
              .filter((move) => move.month === m)
              .map((move) => ({ from: move.from, to: move.to, amount: money(move.amount, EUR) })),
          };
        });
        const expected = envelopeBudget(EUR, inputs);
        // The start, January after an opening, a month after whole kept years, the last, and any.
        for (const m of [0, 18, 31, MONTHS - 1, ...asked]) {
          const want = expected[m]!;
          const got = await book.month(monthKey(m));
          const f = (value: { minor: bigint }) => formatMinor(value.minor, 2);
          expect(totals(got)).toEqual({
            startingBalance: f(want.startingBalance),
            income: f(want.income),
            carriedTbb: f(want.carriedTbb),
            overspendingFromLastMonth: f(want.overspendingFromLastMonth),
            assigned: f(want.assigned),
            tbb: f(want.tbb),
            overAssigned: want.overAssigned,
            rolledIntoNextTbb: f(want.rolledIntoNextTbb),
          });
          expect(envelopes(got)).toEqual(
            Object.fromEntries(
              want.categories.map((c) => [
                NAMES[c.categoryId as Category],
                [f(c.carriedIn), f(c.assigned), f(c.spent), f(c.balance), f(c.overspent)],
              ]),
            ),
          );
          expect(got.moves).toHaveLength(moves.filter((move) => move.month === m).length);
        }
      }),
      { numRuns: 25, interruptAfterTimeLimit: 180_000 },
    );
  });
});
