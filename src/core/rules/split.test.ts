import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currency, formatMoney } from '../money/index.ts';
import { parseExact } from './exact.ts';
import { computeSplit, type SplitShare } from './split.ts';

const EUR = currency('EUR');
const JPY = currency('JPY');
const KWD = currency('KWD');

const fixed = (categoryId: number, amount: string): SplitShare => ({
  categoryId,
  kind: 'fixed',
  amount: parseExact(amount)!,
});
const percent = (categoryId: number, value: string): SplitShare => ({
  categoryId,
  kind: 'percent',
  percent: parseExact(value)!,
});
const rest = (categoryId: number): SplitShare => ({ categoryId, kind: 'rest' });

/** The split as [categoryId, decimal] pairs, or the reason it failed. */
function split(shares: SplitShare[], minor: bigint, code = EUR) {
  const result = computeSplit(shares, { minor, currency: code });
  return result.ok ? result.parts.map((p) => [p.categoryId, formatMoney(p.amount)]) : result.reason;
}

describe('computeSplit', () => {
  it.each<[string, SplitShare[], bigint, unknown]>([
    [
      'thirds of 100.00, largest remainder first',
      [percent(1, '33.33'), percent(2, '33.33'), percent(3, '33.34')],
      10000n,
      [
        [1, '33.33'],
        [2, '33.33'],
        [3, '33.34'],
      ],
    ],
    [
      'thirds of 1.00: the extra cent goes to the largest remainder',
      [percent(1, '33.3333'), percent(2, '33.3333'), percent(3, '33.3334')],
      100n,
      [
        [1, '0.33'],
        [2, '0.33'],
        [3, '0.34'],
      ],
    ],
    [
      'quarters of 0.03: on a tie, the earlier parts',
      [percent(1, '25'), percent(2, '25'), percent(3, '25'), percent(4, '25')],
      3n,
      [
        [1, '0.01'],
        [2, '0.01'],
        [3, '0.01'],
      ],
    ],
    [
      'halves of an odd amount',
      [percent(1, '50'), percent(2, '50')],
      1001n,
      [
        [1, '5.01'],
        [2, '5.00'],
      ],
    ],
    [
      'sign follows the amount',
      [percent(1, '50'), percent(2, '50')],
      -1001n,
      [
        [1, '-5.01'],
        [2, '-5.00'],
      ],
    ],
    [
      'fixed and the rest',
      [fixed(1, '500'), rest(2)],
      -120000n,
      [
        [1, '-500.00'],
        [2, '-700.00'],
      ],
    ],
    [
      'the rest part anywhere in the list',
      [rest(2), fixed(1, '0.5')],
      200n,
      [
        [2, '1.50'],
        [1, '0.50'],
      ],
    ],
    [
      'percentages of what the fixed part leaves',
      [fixed(1, '100'), percent(2, '50'), percent(3, '50')],
      30001n,
      [
        [1, '100.00'],
        [2, '100.01'],
        [3, '100.00'],
      ],
    ],
    [
      'a percentage and the rest',
      [percent(1, '12.5'), rest(2)],
      999n,
      [
        [1, '1.25'],
        [2, '8.74'],
      ],
    ],
    [
      'fixed parts exactly the amount',
      [fixed(1, '3'), fixed(2, '7.5')],
      1050n,
      [
        [1, '3.00'],
        [2, '7.50'],
      ],
    ],
    ['zero parts are left out', [fixed(1, '10'), rest(2)], 1000n, [[1, '10.00']]],
    [
      'fixed parts above the amount',
      [fixed(1, '10.01'), rest(2)],
      -1000n,
      'The fixed parts add up to more than the amount.',
    ],
    [
      'fixed parts not adding up',
      [fixed(1, '3'), fixed(2, '7')],
      1050n,
      'The fixed parts do not add up to the amount, and no part takes the rest.',
    ],
    [
      'too many decimals for the currency',
      [fixed(1, '0.001'), rest(2)],
      1000n,
      'A fixed part has more decimals than EUR has.',
    ],
    [
      'a zero amount',
      [percent(1, '50'), percent(2, '50')],
      0n,
      'There is nothing to split: the amount is zero.',
    ],
    [
      'percentages over 100',
      [percent(1, '60'), percent(2, '41'), rest(3)],
      1000n,
      'The percentages add up to more than 100.',
    ],
  ])('%s', (_name, shares, minor, expected) => {
    expect(split(shares, minor)).toEqual(expected);
  });

  it('works in currencies with 0 and 3 decimals', () => {
    expect(split([percent(1, '50'), percent(2, '50')], 1001n, JPY)).toEqual([
      [1, '501'],
      [2, '500'],
    ]);
    expect(split([fixed(1, '1.5'), fixed(2, '0.001'), rest(3)], 2000n, KWD)).toEqual([
      [1, '1.500'],
      [2, '0.001'],
      [3, '0.499'],
    ]);
    expect(split([fixed(1, '1.5'), rest(2)], 20n, JPY)).toBe('A fixed part has more decimals than JPY has.');
  });

  const percentage = fc
    .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 9999 }))
    .map(([whole, fraction]) => `${Math.min(whole, 99)}.${String(fraction).padStart(4, '0')}`);

  it('always sums exactly to the amount, with the amount’s sign (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).filter((m) => m !== 0n),
        fc.array(percentage, { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 100_000 }), { maxLength: 3 }),
        fc.boolean(),
        (minor, percents, fixedCents, normalise) => {
          // Either percentages that add up to 100 exactly, or any (≤ 100) with a rest part.
          let shares: SplitShare[];
          const fixedShares = fixedCents.map((cents, i) => fixed(100 + i, (cents / 100).toFixed(2)));
          if (normalise) {
            const units = percents.map((p) => BigInt(p.replace('.', '')));
            const total = units.reduce((a, b) => a + b, 0n);
            const scaled = units.map((u) => (u * 1_000_000n) / total);
            scaled[0]! += 1_000_000n - scaled.reduce((a, b) => a + b, 0n);
            shares = [
              ...fixedShares,
              ...scaled
                .filter((u) => u > 0n)
                .map((u, i) => percent(i + 1, `${u / 10_000n}.${String(u % 10_000n).padStart(4, '0')}`)),
            ];
          } else {
            const capped = percents.slice(0, 1);
            shares = [...fixedShares, ...capped.map((p, i) => percent(i + 1, p)), rest(99)];
          }
          const result = computeSplit(shares, { minor, currency: EUR });
          const fixedTotal = fixedCents.reduce((a, b) => a + BigInt(b), 0n);
          const magnitude = minor < 0n ? -minor : minor;
          if (fixedTotal > magnitude) return !result.ok;
          if (!result.ok) return false;
          const sum = result.parts.reduce((a, p) => a + p.amount.minor, 0n);
          const signs = result.parts.every((p) => (minor < 0n ? p.amount.minor < 0n : p.amount.minor > 0n));
          return sum === minor && signs;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives each percentage part its exact share, rounded by less than one unit (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 99 }),
        (minor, whole) => {
          const result = computeSplit([percent(1, String(whole)), percent(2, String(100 - whole))], {
            minor,
            currency: EUR,
          });
          if (!result.ok) return false;
          const first = result.parts.find((p) => p.categoryId === 1)?.amount.minor ?? 0n;
          const exact = minor * BigInt(whole); // ×100
          const diff = first * 100n - exact;
          return diff > -100n && diff < 100n;
        },
      ),
    );
  });
});
