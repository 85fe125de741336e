import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisPoints, divideHalfEven } from './rounding.ts';

describe('divideHalfEven', () => {
  it.each<[bigint, bigint, bigint]>([
    [10n, 4n, 2n], // 2.5 → 2
    [14n, 4n, 4n], // 3.5 → 4
    [-10n, 4n, -2n], // −2.5 → −2
    [-14n, 4n, -4n], // −3.5 → −4
    [11n, 4n, 3n], // 2.75 → 3
    [9n, 4n, 2n], // 2.25 → 2
    [-11n, 4n, -3n],
    [1n, 2n, 0n],
    [3n, 2n, 2n],
    [10n, -4n, -2n],
    [0n, 7n, 0n],
    [2000n, 30n, 67n], // 66.67
  ])('%d / %d → %d', (n, dd, expected) => {
    expect(divideHalfEven(n, dd)).toBe(expected);
  });

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, dd) => {
        const q = divideHalfEven(n, dd);
        const error = n * 2n - q * 2n * dd; // 2·(n/d − q)·d
        expect(error <= dd && error >= -dd).toBe(true);
      }),
    );
  });
});

describe('basisPoints', () => {
  it.each<[bigint, bigint, bigint]>([
    [80n, 100n, 8_000n],
    [1n, 3n, 3_333n],
    [2n, 3n, 6_667n],
    [-5n, 100n, -500n],
    [300n, 100n, 30_000n],
  ])('%d of %d is %d bp', (part, whole, expected) => {
    expect(basisPoints(part, whole)).toBe(expected);
  });
});
