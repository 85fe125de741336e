/**
 * A small seeded random source (mulberry32) that speaks integers only: the demo's amounts are
 * drawn as whole minor units, so no float ever becomes money.
 */
export interface Random {
  /** A whole number in [low, high], both ends included. */
  int(low: number, high: number): number;
  /** Minor units in [low, high] as a bigint. */
  minor(low: number, high: number): bigint;
  /** True `percent` times in a hundred. */
  chance(percent: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  /** mulberry32: 32 bits of state, a full period of 2^32, good enough for demo data. */
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const int = (low: number, high: number) => low + (next() % (high - low + 1));
  return {
    int,
    minor: (low, high) => BigInt(int(low, high)),
    chance: (percent) => int(0, 99) < percent,
    pick: (items) => items[int(0, items.length - 1)]!,
  };
}

/** `minor × numerator ÷ denominator`, rounded half away from zero: exact integer arithmetic. */
export function scaleMinor(minor: bigint, numerator: bigint, denominator: bigint): bigint {
  const negative = minor < 0n;
  const magnitude = negative ? -minor : minor;
  const rounded = (magnitude * numerator * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}
