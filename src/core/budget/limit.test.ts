import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { isoDate } from '../calendar/date.ts';
import { currency, formatMoney, type Money, money, parseMoney } from '../money/index.ts';
import {
  evaluateLimitBudget,
  type LimitBudget,
  type LimitPeriod,
  limitAt,
  type RolloverMode,
} from './limit.ts';

const EUR = currency('EUR');
const USD = currency('USD');
const m = (text: string) => parseMoney(text, EUR);
const d = (text: string) => isoDate(text);

function budget(
  rollover: RolloverMode,
  amounts: [string, string][] = [['2026-01-01', '100.00']],
): LimitBudget {
  return {
    recurrence: { kind: 'monthly', startDay: 1 },
    categoryIds: [7],
    amounts: amounts.map(([from, amount]) => ({ from: d(from), amount: m(amount) })),
    rollover,
  };
}

/** Jan 80 spent, Feb 150 (overspent), Mar a net refund of 10. */
const Q1 = {
  from: d('2026-01-01'),
  to: d('2026-03-31'),
  spending: [
    { start: d('2026-01-01'), spent: m('80.00') },
    { start: d('2026-02-01'), spent: m('150.00') },
    { start: d('2026-03-01'), spent: m('-10.00') },
  ],
  asOf: d('2026-04-15'),
};

/** [limit, rolledIn, available, spent, remaining, percent] of one period. */
const row = (p: LimitPeriod) => [
  formatMoney(p.limit),
  formatMoney(p.rolledIn),
  formatMoney(p.available),
  formatMoney(p.spent),
  formatMoney(p.remaining),
  p.percent,
];

describe('rollover over three months', () => {
  it.each<[RolloverMode, unknown[][]]>([
    [
      'none',
      [
        ['100.00', '0.00', '100.00', '80.00', '20.00', 8_000n],
        ['100.00', '0.00', '100.00', '150.00', '-50.00', 15_000n],
        ['100.00', '0.00', '100.00', '-10.00', '110.00', -1_000n],
      ],
    ],
    [
      'unspent',
      [
        ['100.00', '0.00', '100.00', '80.00', '20.00', 8_000n],
        ['100.00', '20.00', '120.00', '150.00', '-30.00', 12_500n],
        ['100.00', '0.00', '100.00', '-10.00', '110.00', -1_000n],
      ],
    ],
    [
      'both',
      [
        ['100.00', '0.00', '100.00', '80.00', '20.00', 8_000n],
        ['100.00', '20.00', '120.00', '150.00', '-30.00', 12_500n],
        ['100.00', '-30.00', '70.00', '-10.00', '80.00', -1_429n], // −1,428.57 bp
      ],
    ],
  ])('%s', (mode, expected) => {
    const periods = evaluateLimitBudget(budget(mode), Q1);
    expect(periods.map((p) => [p.start, p.end])).toEqual([
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
    ]);
    expect(periods.map(row)).toEqual(expected);
  });

  it('an overspent carry can leave nothing available: percent is null', () => {
    const spending = [
      { start: d('2026-01-01'), spent: m('250.00') },
      { start: d('2026-02-01'), spent: m('5.00') },
    ];
    const periods = evaluateLimitBudget(budget('both'), { ...Q1, to: d('2026-02-28'), spending });
    expect(periods.map(row)).toEqual([
      ['100.00', '0.00', '100.00', '250.00', '-150.00', 25_000n],
      ['100.00', '-150.00', '-50.00', '5.00', '-55.00', null],
    ]);
    expect(periods[1]!.pace.status).toBe('over');
  });

  it('a period without spending rows spent nothing, and pace is measured on asOf', () => {
    const periods = evaluateLimitBudget(budget('unspent'), { ...Q1, spending: [], asOf: d('2026-02-14') });
    expect(periods.map(row)).toEqual([
      ['100.00', '0.00', '100.00', '0.00', '100.00', 0n],
      ['100.00', '100.00', '200.00', '0.00', '200.00', 0n],
      ['100.00', '200.00', '300.00', '0.00', '300.00', 0n],
    ]);
    expect(
      periods.map((p) => [p.pace.elapsedDays, p.pace.totalDays, formatMoney(p.pace.expectedByNow)]),
    ).toEqual([
      [31, 31, '100.00'],
      [14, 28, '100.00'],
      [0, 31, '0.00'],
    ]);
  });
});

describe('a budget amount changed from a given period on', () => {
  const changing = (): LimitBudget => ({
    ...budget('none', [
      ['2026-01-01', '100.00'],
      ['2026-02-25', '150.00'],
      ['2026-03-10', '200.00'],
    ]),
    recurrence: { kind: 'monthly', startDay: 25 },
  });

  it.each([
    ['2025-12-25', '0.00'], // before the first amount
    ['2026-01-25', '100.00'],
    ['2026-02-25', '150.00'], // a change on the period's first day applies to it
    ['2026-03-25', '200.00'], // a change dated mid-period applies from the next period
    ['2027-01-25', '200.00'],
  ])('the period from %s has a limit of %s', (start, limit) => {
    expect(formatMoney(limitAt(changing(), d(start)))).toBe(limit);
  });

  it('over four payday months', () => {
    const periods = evaluateLimitBudget(changing(), {
      from: d('2026-01-01'),
      to: d('2026-04-24'),
      spending: [],
      asOf: d('2026-04-01'),
    });
    expect(periods.map((p) => [p.start, p.end, formatMoney(p.limit)])).toEqual([
      ['2025-12-25', '2026-01-24', '0.00'],
      ['2026-01-25', '2026-02-24', '100.00'],
      ['2026-02-25', '2026-03-24', '150.00'],
      ['2026-03-25', '2026-04-24', '200.00'],
    ]);
  });
});

describe('bad input', () => {
  it.each<[string, LimitBudget, unknown, string, string]>([
    ['no amounts', budget('none', []), Q1, 'VALIDATION_FAILED', '/amounts'],
    [
      'a negative amount',
      budget('none', [['2026-01-01', '-1.00']]),
      Q1,
      'VALIDATION_FAILED',
      '/amounts/0/amount',
    ],
    [
      'two amounts from one date',
      budget('none', [
        ['2026-01-01', '1.00'],
        ['2026-01-01', '2.00'],
      ]),
      Q1,
      'VALIDATION_FAILED',
      '/amounts/1/from',
    ],
    [
      'amounts in two currencies',
      {
        ...budget('none'),
        amounts: [...budget('none').amounts, { from: d('2026-02-01'), amount: money(1n, USD) }],
      },
      Q1,
      'CURRENCY_MISMATCH',
      '/amounts/1/amount',
    ],
    [
      'spending not at a period start',
      budget('none'),
      { ...Q1, spending: [{ start: d('2026-01-02'), spent: m('1.00') }] },
      'VALIDATION_FAILED',
      '/spending/0/start',
    ],
    [
      'spending outside the range',
      budget('none'),
      { ...Q1, spending: [{ start: d('2026-04-01'), spent: m('1.00') }] },
      'VALIDATION_FAILED',
      '/spending/0/start',
    ],
    [
      'a period listed twice',
      budget('none'),
      { ...Q1, spending: [Q1.spending[0], Q1.spending[0]] },
      'VALIDATION_FAILED',
      '/spending/1/start',
    ],
    [
      'spending in another currency',
      budget('none'),
      { ...Q1, spending: [{ start: d('2026-01-01'), spent: money(100n, USD) }] },
      'CURRENCY_MISMATCH',
      '/spending/0/spent',
    ],
  ])('%s', (_name, b, input, code, field) => {
    const error = caught(() => evaluateLimitBudget(b, input as typeof Q1));
    expect(error.code).toBe(code);
    expect(error.fieldErrors[0]?.field).toBe(field);
  });
});

describe('properties', () => {
  const cents = fc.bigInt({ min: -100_000n, max: 1_000_000n }).map((minor): Money => money(minor, EUR));
  const limits = fc.array(fc.bigInt({ min: 0n, max: 500_000n }), { minLength: 1, maxLength: 4 });
  const scenario = fc.record({ spent: fc.array(cents, { minLength: 1, maxLength: 24 }), limits });

  const run = (mode: RolloverMode, spent: Money[], limitMinor: bigint[]) => {
    const b: LimitBudget = {
      ...budget(mode),
      amounts: limitMinor.map((minor, index) => ({
        from: d(`${2026 + index}-01-01`),
        amount: money(minor, EUR),
      })),
    };
    const spending = spent.map((value, index) => ({
      start: d(`${2026 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`),
      spent: value,
    }));
    const to = spending.at(-1)!.start;
    return evaluateLimitBudget(b, { from: d('2026-01-01'), to, spending, asOf: d('2026-06-15') });
  };
  const total = (values: Money[]) => values.reduce((sum, value) => sum + value.minor, 0n);

  it("with 'both', the limits minus the spending is the last period's remaining", () => {
    fc.assert(
      fc.property(scenario, ({ spent, limits: l }) => {
        const periods = run('both', spent, l);
        const last = periods.at(-1)!;
        expect(total(periods.map((p) => p.limit)) - total(periods.map((p) => p.spent))).toBe(
          last.remaining.minor,
        );
      }),
    );
  });

  it("with 'unspent', nothing negative rolls in; with 'none', nothing rolls in", () => {
    fc.assert(
      fc.property(scenario, ({ spent, limits: l }) => {
        for (const p of run('unspent', spent, l)) expect(p.rolledIn.minor >= 0n).toBe(true);
        for (const p of run('none', spent, l)) expect(p.rolledIn.minor).toBe(0n);
      }),
    );
  });

  it('each period: available = limit + rolledIn and remaining = available − spent', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom<RolloverMode>('none', 'unspent', 'both'),
        ({ spent, limits: l }, mode) => {
          for (const p of run(mode, spent, l)) {
            expect(p.available.minor).toBe(p.limit.minor + p.rolledIn.minor);
            expect(p.remaining.minor).toBe(p.available.minor - p.spent.minor);
          }
        },
      ),
    );
  });
});
