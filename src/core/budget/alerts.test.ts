import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { isoDate } from '../calendar/date.ts';
import { currency, money, parseMoney } from '../money/index.ts';
import { type AlertThreshold, alertsForEvents, crossedThresholds } from './alerts.ts';

const EUR = currency('EUR');
const m = (text: string) => parseMoney(text, EUR);
const START = isoDate('2026-04-25');

describe('crossedThresholds with 200.00 available', () => {
  it.each<[string, string, string, AlertThreshold[], AlertThreshold[]]>([
    // name, before, after, already alerted → thresholds crossed
    ['below both', '0.00', '159.99', [], []],
    ['exactly 80 %', '0.00', '160.00', [], [80]],
    ['past 80 %', '150.00', '170.00', [], [80]],
    ['both in one step', '100.00', '250.00', [], [80, 100]],
    ['exactly 100 %', '170.00', '200.00', [80], [100]],
    ['already past 80 % before', '170.00', '190.00', [], []],
    ['80 % already alerted this period', '100.00', '170.00', [80], []],
    ['both already alerted', '100.00', '250.00', [80, 100], []],
    ['100 % alerted but 80 % not (limit raised)', '100.00', '250.00', [100], [80]],
    ['a refund crosses nothing', '250.00', '100.00', [], []],
  ])('%s: %s → %s', (_name, before, after, already, expected) => {
    const alerts = crossedThresholds(
      { periodStart: START, available: m('200.00'), alreadyAlerted: already },
      m(before),
      m(after),
    );
    expect(alerts).toEqual(expected.map((threshold) => ({ threshold, periodStart: START })));
  });

  it.each<[string, string, string, AlertThreshold[]]>([
    ['nothing available, first spending', '0.00', '0.01', [80, 100]],
    ['nothing available, nothing spent', '0.00', '0.00', []],
    ['overspent carry, net refunds', '-5.00', '-1.00', []],
  ])('%s', (_name, before, after, expected) => {
    const alerts = crossedThresholds({ periodStart: START, available: m('0.00') }, m(before), m(after));
    expect(alerts.map((a) => a.threshold)).toEqual(expected);
  });

  it('refuses spending in another currency', () => {
    const input = { periodStart: START, available: m('200.00') };
    expect(caught(() => crossedThresholds(input, m('0.00'), money(1n, currency('USD')))).code).toBe(
      'CURRENCY_MISMATCH',
    );
  });
});

describe('alertsForEvents with 100.00 available', () => {
  it.each<[string, string[], AlertThreshold[]]>([
    ['one purchase past both', ['120.00'], [80, 100]],
    ['step by step', ['50.00', '30.00', '19.99', '0.01'], [80, 100]],
    ['no repeat after a refund', ['85.00', '-10.00', '10.00', '-20.00', '20.00'], [80]],
    ['no repeat of 100 % either', ['101.00', '-50.00', '60.00'], [80, 100]],
    ['refund first', ['-10.00', '85.00', '4.99'], []],
    ['refund first, then past 80 %', ['-10.00', '85.00', '5.01'], [80]],
    ['nothing', [], []],
  ])('%s', (_name, events, expected) => {
    const alerts = alertsForEvents({ periodStart: START, available: m('100.00') }, events.map(m));
    expect(alerts).toEqual(expected.map((threshold) => ({ threshold, periodStart: START })));
  });

  it('continues from what was spent and alerted before', () => {
    const input = {
      periodStart: START,
      available: m('100.00'),
      spentBefore: m('85.00'),
      alreadyAlerted: [80] as const,
    };
    expect(alertsForEvents(input, [m('10.00'), m('10.00')])).toEqual([
      { threshold: 100, periodStart: START },
    ]);
  });
});
