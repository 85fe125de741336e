import { exponentOf, type Money } from '../money/index.ts';
import { addExact, compareExact, type Exact, exactMinor, pow10 } from './exact.ts';

/**
 * A split part ready to compute: a fixed amount, a percentage of what the fixed amounts leave,
 * or the rest (Actual Budget's "fixed amount", "fixed percent of the remainder", "remainder").
 */
export type SplitShare =
  | { categoryId: number; kind: 'fixed'; amount: Exact }
  | { categoryId: number; kind: 'percent'; percent: Exact }
  | { categoryId: number; kind: 'rest' };

export type SplitResult =
  | { ok: true; parts: Array<{ categoryId: number; amount: Money }> }
  | { ok: false; reason: string };

/** What a split's parts allow, worked out once per rule rather than once per transaction. */
export interface SplitPlan {
  readonly shares: readonly SplitShare[];
  /** Why the parts can never add up, or null. */
  readonly invalid: string | null;
  readonly fixedIndexes: readonly number[];
  readonly percentIndexes: readonly number[];
  /** Each percentage as an integer over `denominator` (all brought to one scale). */
  readonly percentNumerators: readonly bigint[];
  readonly denominator: bigint;
  readonly restIndex: number;
}

export function planSplit(shares: readonly SplitShare[]): SplitPlan {
  const fixedIndexes = indexesOf(shares, 'fixed');
  const percentIndexes = indexesOf(shares, 'percent');
  const percents = percentIndexes.map((index) => (shares[index] as { percent: Exact }).percent);
  const restIndex = shares.findIndex((share) => share.kind === 'rest');
  const percentSum = percents.reduce(addExact, { units: 0n, scale: 0 });
  const hundred = compareExact(percentSum, { units: 100n, scale: 0 });
  let invalid: string | null = null;
  if (hundred > 0) invalid = 'The percentages add up to more than 100.';
  else if (percents.length > 0 && restIndex < 0 && hundred !== 0)
    invalid = 'The percentages must add up to 100 when no part takes the rest.';
  const scale = Math.max(0, ...percents.map((p) => p.scale));
  return {
    shares,
    invalid,
    fixedIndexes,
    percentIndexes,
    percentNumerators: percents.map((p) => p.units * pow10(scale - p.scale)),
    denominator: 100n * pow10(scale),
    restIndex,
  };
}

function indexesOf(shares: readonly SplitShare[], kind: SplitShare['kind']): number[] {
  return shares.flatMap((share, index) => (share.kind === kind ? [index] : []));
}

/**
 * Splits `amount` exactly in minor units. Fixed amounts come first; percentages share what they
 * leave (rounded with the largest-remainder method, so the rounded parts add up exactly); a part
 * without either takes the rest. Parts carry the amount's sign and always sum to it; parts that
 * come out as zero are left out. Fails (with the reason) when the amount is zero, when the fixed
 * amounts exceed it or have more decimals than its currency, or, with neither a rest part nor
 * percentages, do not add up to it exactly.
 */
export function computeSplit(split: readonly SplitShare[] | SplitPlan, amount: Money): SplitResult {
  const plan = 'invalid' in split ? split : planSplit(split);
  if (plan.invalid) return { ok: false, reason: plan.invalid };
  const negative = amount.minor < 0n;
  const total = negative ? -amount.minor : amount.minor;
  if (total === 0n) return { ok: false, reason: 'There is nothing to split: the amount is zero.' };
  const minors: bigint[] = plan.shares.map(() => 0n);

  let fixed = 0n;
  if (plan.fixedIndexes.length > 0) {
    const exponent = exponentOf(amount.currency);
    for (const index of plan.fixedIndexes) {
      const minor = exactMinor((plan.shares[index] as { amount: Exact }).amount, exponent);
      if (minor === null)
        return { ok: false, reason: `A fixed part has more decimals than ${amount.currency} has.` };
      minors[index] = minor;
      fixed += minor;
    }
  }
  if (fixed > total) return { ok: false, reason: 'The fixed parts add up to more than the amount.' };
  const remainder = total - fixed;
  if (plan.percentIndexes.length === 0 && plan.restIndex < 0 && remainder !== 0n)
    return { ok: false, reason: 'The fixed parts do not add up to the amount, and no part takes the rest.' };

  const shared = sharePercentages(plan, remainder);
  let sharedTotal = 0n;
  plan.percentIndexes.forEach((shareIndex, k) => {
    minors[shareIndex] = shared[k]!;
    sharedTotal += shared[k]!;
  });
  if (plan.restIndex >= 0) minors[plan.restIndex] = remainder - sharedTotal;

  const parts: Array<{ categoryId: number; amount: Money }> = [];
  plan.shares.forEach((share, index) => {
    const minor = minors[index]!;
    if (minor !== 0n)
      parts.push({
        categoryId: share.categoryId,
        amount: { minor: negative ? -minor : minor, currency: amount.currency },
      });
  });
  return { ok: true, parts };
}

/**
 * Each percentage of `whole` in integers. Their target total is the exact sum rounded half to even
 * (all of `whole` when no rest part exists: the percentages then add up to 100); each part is first
 * rounded down and the missing units go to the largest remainders, the earlier part on a tie.
 */
function sharePercentages(plan: SplitPlan, whole: bigint): bigint[] {
  const { percentNumerators, denominator } = plan;
  if (percentNumerators.length === 0) return [];
  const numerators = percentNumerators.map((n) => whole * n);
  const shares = numerators.map((n) => n / denominator);
  const exactSum = numerators.reduce((sum, n) => sum + n, 0n);
  const target = plan.restIndex >= 0 ? roundHalfEven(exactSum, denominator) : whole;
  let missing = target - shares.reduce((sum, n) => sum + n, 0n);
  if (missing === 0n) return shares;
  const byRemainder = numerators
    .map((n, index) => ({ index, remainder: n % denominator }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (missing <= 0n) break;
    shares[index]! += 1n;
    missing -= 1n;
  }
  return shares;
}

function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const twice = (numerator % denominator) * 2n;
  if (twice > denominator || (twice === denominator && quotient % 2n === 1n)) return quotient + 1n;
  return quotient;
}
