/**
 * Exact division for budget figures. Money stays in bigint minor units; a quotient that must
 * become an amount or a percentage is rounded once, half to even (banker's rounding: 0.5 → 0,
 * 1.5 → 2, 2.5 → 2, −2.5 → −2), so that rounding errors do not drift one way over many periods.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return divideHalfEven(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n))
    quotient += 1n;
  return negative ? -quotient : quotient;
}

/** `part` as basis points (1 % = 100 bp) of a positive `whole`, rounded half to even. */
export function basisPoints(part: bigint, whole: bigint): bigint {
  if (whole <= 0n) throw new RangeError('basis points of a non-positive whole');
  return divideHalfEven(part * 10_000n, whole);
}
