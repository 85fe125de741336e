import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { isoDate } from '../calendar/date.ts';
import { currency, formatMoney, money, parseMoney } from '../money/index.ts';
import {
  type EnvelopeMonth,
  type EnvelopeMonthInput,
  type EnvelopeMove,
  envelopeBudget,
  envelopeMonth,
  envelopeMonthSums,
} from './envelope.ts';

const EUR = currency('EUR');
const m = (text: string) => parseMoney(text, EUR);
const d = (text: string) => isoDate(text);

/** `month('2026-01', '3000.00', { rent: ['1000.00', '1000.00'] })`: category → [assigned, spent]. */
function month(
  key: string,
  income: string,
  categories: Record<string, [string, string]>,
  moves: [string, string, string][] = [],
): EnvelopeMonthInput {
  return {
    month: d(`${key}-01`),
    income: m(income),
    categories: Object.entries(categories).map(([categoryId, [assigned, spent]]) => ({
      categoryId,
      assigned: m(assigned),
      spent: m(spent),
    })),
    moves: moves.map(([from, to, amount]): EnvelopeMove => ({ from, to, amount: m(amount) })),
  };
}

/** A month as text: TBB, rolled into next, and per category `carriedIn/assigned/spent/balance/overspent`. */
function show(result: EnvelopeMonth) {
  return {
    tbb: formatMoney(result.tbb),
    overAssigned: result.overAssigned,
    rolled: formatMoney(result.rolledIntoNextTbb),
    categories: Object.fromEntries(
      result.categories.map((c) => [
        c.categoryId,
        [c.carriedIn, c.assigned, c.spent, c.balance, c.overspent].map(formatMoney).join(' / '),
      ]),
    ),
  };
}

const JANUARY = month('2026-01', '3000.00', {
  rent: ['1000.00', '1000.00'],
  food: ['400.00', '350.00'],
  fun: ['100.00', '20.00'],
});
/** Food overspends by 20.00. */
const FEBRUARY = month('2026-02', '3000.00', {
  rent: ['1000.00', '1000.00'],
  food: ['350.00', '420.00'],
  fun: ['50.00', '0.00'],
});
const MARCH = month('2026-03', '0.00', {
  rent: ['1000.00', '1000.00'],
  food: ['400.00', '100.00'],
  fun: ['0.00', '30.00'],
});

describe('envelope budgeting', () => {
  it('income → assign → spend → carry forward over three months; overspending rolls into next TBB', () => {
    expect(envelopeBudget(EUR, [JANUARY, FEBRUARY, MARCH]).map(show)).toEqual([
      {
        tbb: '1500.00', // 3000 − 1500
        overAssigned: false,
        rolled: '0.00',
        categories: {
          rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
          food: '0.00 / 400.00 / 350.00 / 50.00 / 0.00',
          fun: '0.00 / 100.00 / 20.00 / 80.00 / 0.00',
        },
      },
      {
        tbb: '3100.00', // 1500 + 3000 − 1400
        overAssigned: false,
        rolled: '-20.00',
        categories: {
          rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
          food: '50.00 / 350.00 / 420.00 / -20.00 / 20.00',
          fun: '80.00 / 50.00 / 0.00 / 130.00 / 0.00',
        },
      },
      {
        tbb: '1680.00', // 3100 + 0 − 1400 − 20 overspent in February
        overAssigned: false,
        rolled: '0.00',
        categories: {
          rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
          food: '0.00 / 400.00 / 100.00 / 300.00 / 0.00', // starts March at zero
          fun: '130.00 / 0.00 / 30.00 / 100.00 / 0.00',
        },
      },
    ]);
  });

  it('overspending covered by a move from another category does not touch TBB', () => {
    const covered = { ...FEBRUARY, moves: [{ from: 'fun', to: 'food', amount: m('20.00') }] };
    const [, february, march] = envelopeBudget(EUR, [JANUARY, covered, MARCH]).map(show);
    expect(february).toEqual({
      tbb: '3100.00',
      overAssigned: false,
      rolled: '0.00',
      categories: {
        rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
        food: '50.00 / 370.00 / 420.00 / 0.00 / 0.00',
        fun: '80.00 / 30.00 / 0.00 / 110.00 / 0.00',
      },
    });
    expect(march).toEqual({
      tbb: '1700.00', // nothing overspent in February
      overAssigned: false,
      rolled: '0.00',
      categories: {
        rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
        food: '0.00 / 400.00 / 100.00 / 300.00 / 0.00',
        fun: '110.00 / 0.00 / 30.00 / 80.00 / 0.00',
      },
    });
  });

  it('a move that covers part of the overspending leaves the rest for next TBB', () => {
    const partly = { ...FEBRUARY, moves: [{ from: 'fun', to: 'food', amount: m('15.00') }] };
    const [, february, march] = envelopeBudget(EUR, [JANUARY, partly, MARCH]);
    expect(formatMoney(february!.rolledIntoNextTbb)).toBe('-5.00');
    expect(formatMoney(march!.overspendingFromLastMonth)).toBe('-5.00');
    expect(formatMoney(march!.tbb)).toBe('1695.00');
  });

  it('a move to a category not yet budgeted opens it', () => {
    const [january] = envelopeBudget(EUR, [
      { ...JANUARY, moves: [{ from: 'fun', to: 'gifts', amount: m('30.00') }] },
    ]);
    expect(show(january!).categories).toEqual({
      rent: '0.00 / 1000.00 / 1000.00 / 0.00 / 0.00',
      food: '0.00 / 400.00 / 350.00 / 50.00 / 0.00',
      fun: '0.00 / 70.00 / 20.00 / 50.00 / 0.00',
      gifts: '0.00 / 30.00 / 0.00 / 30.00 / 0.00',
    });
    expect(formatMoney(january!.assigned)).toBe('1500.00');
  });

  it('assigning more than there is warns and carries a negative TBB', () => {
    const results = envelopeBudget(EUR, [
      month('2026-01', '1000.00', { rent: ['1500.00', '0.00'] }),
      month('2026-02', '1000.00', {}),
    ]);
    expect(results.map((r) => [formatMoney(r.tbb), r.overAssigned])).toEqual([
      ['-500.00', true],
      ['500.00', false],
    ]);
    expect(show(results[1]!).categories).toEqual({ rent: '1500.00 / 0.00 / 0.00 / 1500.00 / 0.00' });
  });

  it('the money in the accounts when the budget starts is money to assign, apart from income', () => {
    const [january, february] = envelopeBudget(EUR, [
      { ...month('2026-01', '3000.00', { rent: ['4000.00', '1000.00'] }), startingBalance: m('2500.00') },
      month('2026-02', '0.00', { rent: ['0.00', '1000.00'] }),
    ]);
    expect([january, february].map((r) => [r!.startingBalance, r!.income, r!.tbb].map(formatMoney))).toEqual([
      ['2500.00', '3000.00', '1500.00'],
      ['0.00', '0.00', '1500.00'],
    ]);
    expect(show(february!).categories).toEqual({ rent: '3000.00 / 0.00 / 1000.00 / 2000.00 / 0.00' });
  });

  it('a refund makes spending negative and grows the balance', () => {
    const [january] = envelopeBudget(EUR, [month('2026-01', '100.00', { food: ['50.00', '-10.00'] })]);
    expect(show(january!).categories).toEqual({ food: '0.00 / 50.00 / -10.00 / 60.00 / 0.00' });
  });

  it('no months, no results', () => {
    expect(envelopeBudget(EUR, [])).toEqual([]);
  });

  it('one month asks for at least one month', () => {
    expect(caught(() => envelopeMonth(EUR, [], [])).code).toBe('VALIDATION_FAILED');
  });
});

describe('bad input', () => {
  const usd = money(100n, currency('USD'));
  it.each<[string, EnvelopeMonthInput[], string, string]>([
    [
      'a month not on its first day',
      [{ ...JANUARY, month: d('2026-01-02') }],
      'VALIDATION_FAILED',
      '/months/0/month',
    ],
    ['a gap between months', [JANUARY, MARCH], 'VALIDATION_FAILED', '/months/1/month'],
    ['months out of order', [FEBRUARY, JANUARY], 'VALIDATION_FAILED', '/months/1/month'],
    ['income in another currency', [{ ...JANUARY, income: usd }], 'CURRENCY_MISMATCH', '/months/0/income'],
    [
      'a starting balance in another currency',
      [{ ...JANUARY, startingBalance: usd }],
      'CURRENCY_MISMATCH',
      '/months/0/startingBalance',
    ],
    [
      'an assignment in another currency',
      [{ ...JANUARY, categories: [{ categoryId: 'rent', assigned: usd, spent: m('0.00') }] }],
      'CURRENCY_MISMATCH',
      '/months/0/categories/0/assigned',
    ],
    [
      'a category listed twice',
      [{ ...JANUARY, categories: [...JANUARY.categories, JANUARY.categories[0]!] }],
      'VALIDATION_FAILED',
      '/months/0/categories/3/categoryId',
    ],
    [
      'a move to itself',
      [{ ...JANUARY, moves: [{ from: 'fun', to: 'fun', amount: m('1.00') }] }],
      'VALIDATION_FAILED',
      '/months/0/moves/0/to',
    ],
    [
      'a move of nothing',
      [{ ...JANUARY, moves: [{ from: 'fun', to: 'food', amount: m('0.00') }] }],
      'VALIDATION_FAILED',
      '/months/0/moves/0/amount',
    ],
  ])('%s', (_name, months, code, field) => {
    const error = caught(() => envelopeBudget(EUR, months));
    expect(error.code).toBe(code);
    expect(error.fieldErrors[0]?.field).toBe(field);
  });
});

describe('properties', () => {
  const amount = fc.bigInt({ min: -50_000n, max: 200_000n });
  const categoryMonth = fc.record({ assigned: amount, spent: amount });
  const monthInput = fc.record({
    income: fc.bigInt({ min: 0n, max: 500_000n }),
    categories: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), categoryMonth),
    moves: fc.array(
      fc.record({
        from: fc.constantFrom('a', 'b', 'c'),
        to: fc.constantFrom('b', 'c', 'd'),
        amount: fc.bigInt({ min: 1n, max: 50_000n }),
      }),
      { maxLength: 3 },
    ),
  });

  it('at every month end, TBB + the balances = the starting balance + all income − all spending so far; moves never change TBB', () => {
    fc.assert(
      fc.property(fc.array(monthInput, { minLength: 1, maxLength: 8 }), amount, (generated, start) => {
        const months: EnvelopeMonthInput[] = generated.map((g, index) => ({
          month: d(`${2026 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`),
          ...(index === 0 && { startingBalance: money(start, EUR) }),
          income: money(g.income, EUR),
          categories: Object.entries(g.categories).map(([categoryId, c]) => ({
            categoryId,
            assigned: money(c.assigned, EUR),
            spent: money(c.spent, EUR),
          })),
          moves: g.moves
            .filter((move) => move.from !== move.to)
            .map((move) => ({ ...move, amount: money(move.amount, EUR) })),
        }));
        const results = envelopeBudget(EUR, months);
        expect(envelopeMonth(EUR, [], months.map(envelopeMonthSums))).toEqual(results.at(-1));
        const withoutMoves = envelopeBudget(
          EUR,
          months.map((input) => ({ ...input, moves: [] })),
        );
        let income = start;
        let spent = 0n;
        results.forEach((result, index) => {
          income += months[index]!.income.minor;
          spent += months[index]!.categories.reduce((sum, c) => sum + c.spent.minor, 0n);
          const balances = result.categories.reduce((sum, c) => sum + c.balance.minor, 0n);
          expect(result.tbb.minor + balances).toBe(income - spent);
          expect(result.assigned.minor).toBe(withoutMoves[index]!.assigned.minor);
          for (const c of result.categories) expect(c.carriedIn.minor >= 0n).toBe(true);
        });
      }),
    );
  });
});
