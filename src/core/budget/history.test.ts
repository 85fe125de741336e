import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { isoDate } from '../calendar/date.ts';
import { currency, formatMoney, money, parseMoney } from '../money/index.ts';
import { categoryHistory, exactAverage, type HistoryPeriodInput, historyOfLimitPeriods } from './history.ts';
import { evaluateLimitBudget } from './limit.ts';

const EUR = currency('EUR');
const m = (text: string) => parseMoney(text, EUR);
const d = (text: string) => isoDate(text);

/** `p('2026-01', limit, available, spent)` for a calendar month of 2026 with 31 days or fewer. */
function p(key: string, limit: string, available: string, spent: string): HistoryPeriodInput {
  const [year, month] = key.split('-').map(Number);
  const last = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return {
    start: d(`${key}-01`),
    end: d(`${key}-${last}`),
    limit: m(limit),
    available: m(available),
    spent: m(spent),
  };
}

const THREE = [
  p('2026-01', '100.00', '100.00', '80.00'),
  p('2026-02', '100.00', '120.00', '150.00'),
  p('2026-03', '100.00', '70.00', '-10.00'),
];

describe('categoryHistory', () => {
  it('budget against actual over three months, with exact averages', () => {
    const history = categoryHistory(EUR, 7, THREE);
    expect(history.periods.map((x) => [x.start, formatMoney(x.remaining), x.percent, x.overspent])).toEqual([
      ['2026-01-01', '20.00', 8_000n, false],
      ['2026-02-01', '-30.00', 12_500n, true],
      ['2026-03-01', '80.00', -1_429n, false],
    ]);
    expect(history.overspentCount).toBe(1);
    // spent 220.00 / 3 = 73.333… → 73.33; remaining 70.00 / 3 = 23.333… → 23.33
    const show = (a: typeof history.averageSpent) =>
      a && [formatMoney(a.total), a.count, formatMoney(a.rounded)];
    expect(show(history.averageLimit)).toEqual(['300.00', 3, '100.00']);
    expect(show(history.averageSpent)).toEqual(['220.00', 3, '73.33']);
    expect(show(history.averageRemaining)).toEqual(['70.00', 3, '23.33']);
  });

  it('keeps the last N periods', () => {
    const history = categoryHistory(EUR, 7, THREE, { last: 2 });
    expect(history.periods.map((x) => x.start)).toEqual(['2026-02-01', '2026-03-01']);
    expect(formatMoney(history.averageSpent!.rounded)).toBe('70.00');
  });

  it('has no averages without periods', () => {
    const history = categoryHistory(EUR, 7, []);
    expect([history.averageLimit, history.averageSpent, history.overspentCount]).toEqual([null, null, 0]);
  });

  it('reads a limit budget', () => {
    const periods = evaluateLimitBudget(
      {
        recurrence: { kind: 'monthly', startDay: 1 },
        categoryIds: [7],
        amounts: [{ from: d('2026-01-01'), amount: m('100.00') }],
        rollover: 'both',
      },
      {
        from: d('2026-01-01'),
        to: d('2026-03-31'),
        spending: THREE.map(({ start, spent }) => ({ start, spent })),
        asOf: d('2026-04-01'),
      },
    );
    expect(categoryHistory(EUR, 7, historyOfLimitPeriods(periods))).toEqual(categoryHistory(EUR, 7, THREE));
  });

  it.each<[string, HistoryPeriodInput[], string, string]>([
    [
      'overlapping periods',
      [THREE[0]!, { ...THREE[1]!, start: d('2026-01-31') }],
      'VALIDATION_FAILED',
      '/periods/1/start',
    ],
    ['periods out of order', [THREE[1]!, THREE[0]!], 'VALIDATION_FAILED', '/periods/1/start'],
    [
      'a period ending before it starts',
      [{ ...THREE[0]!, end: d('2025-12-31') }],
      'VALIDATION_FAILED',
      '/periods/0/end',
    ],
    [
      'another currency',
      [{ ...THREE[0]!, spent: money(1n, currency('USD')) }],
      'CURRENCY_MISMATCH',
      '/periods/0/spent',
    ],
  ])('refuses %s', (_name, periods, code, field) => {
    const error = caught(() => categoryHistory(EUR, 7, periods));
    expect(error.code).toBe(code);
    expect(error.fieldErrors[0]?.field).toBe(field);
  });
});

describe('exactAverage', () => {
  it.each<[string[], string]>([
    [['0.01', '0.02'], '0.02'], // 0.015 → 0.02 (to even)
    [['0.01', '0.04'], '0.02'], // 0.025 → 0.02 (to even)
    [['-0.01', '-0.04'], '-0.02'],
    [['10.00', '10.00', '10.01'], '10.00'],
  ])('of %j is %s', (values, expected) => {
    expect(formatMoney(exactAverage(EUR, values.map(m))!.rounded)).toBe(expected);
  });

  it('is within half a cent of total / count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -1_000_000_000n, max: 1_000_000_000n }), { minLength: 1, maxLength: 50 }),
        (minors) => {
          const average = exactAverage(
            EUR,
            minors.map((minor) => money(minor, EUR)),
          )!;
          const n = BigInt(average.count);
          const error = 2n * (average.total.minor - average.rounded.minor * n);
          expect(error <= n && error >= -n).toBe(true);
        },
      ),
    );
  });
});
