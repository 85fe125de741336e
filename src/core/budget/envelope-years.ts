import type { IsoDate } from '../calendar/date.ts';
import type { EnvelopeMonthSums } from './envelope.ts';
import type { CategoryKey } from './limit.ts';

/**
 * A run of consecutive envelope months of one category, summed so that twenty years of history
 * combine in a few rows instead of being walked month by month.
 *
 * A category's carry is a running sum clipped at zero at every month's end, whose closed form is
 * "prefix sum − lowest prefix sum (≤ 0)", and the overspending it ever rolled into TBB is minus
 * that lowest prefix sum. So a run needs only its net flow and its lowest running sum, and two
 * runs combine as (T₁ + T₂, min(L₁, T₁ + L₂)).
 */
export interface EnvelopeBlock {
  /** Σ assigned, moves in and out included. */
  readonly assigned: bigint;
  /** Σ net spending. */
  readonly spent: bigint;
  /** The lowest running sum of (assigned − spent) within the run, from zero: ≤ 0. */
  readonly low: bigint;
}

export const EMPTY_BLOCK: EnvelopeBlock = { assigned: 0n, spent: 0n, low: 0n };

/** `first` followed by `second`. */
export function combineBlocks(first: EnvelopeBlock, second: EnvelopeBlock): EnvelopeBlock {
  const low = first.assigned - first.spent + second.low;
  return {
    assigned: first.assigned + second.assigned,
    spent: first.spent + second.spent,
    low: first.low < low ? first.low : low,
  };
}

/** The blocks of every category seen in `months` (consecutive), moves folded into assigned. */
export function blocksOf(months: readonly EnvelopeMonthSums[]): Map<CategoryKey, EnvelopeBlock> {
  const blocks = new Map<CategoryKey, { assigned: bigint; spent: bigint; run: bigint; low: bigint }>();
  const at = (id: CategoryKey) => {
    const block = blocks.get(id) ?? { assigned: 0n, spent: 0n, run: 0n, low: 0n };
    blocks.set(id, block);
    return block;
  };
  for (const month of months) {
    const flows = new Map<CategoryKey, bigint>();
    const add = (id: CategoryKey, assigned: bigint, spent: bigint) => {
      const block = at(id);
      block.assigned += assigned;
      block.spent += spent;
      flows.set(id, (flows.get(id) ?? 0n) + assigned - spent);
    };
    for (const [id, cell] of month.categories) add(id, cell.assigned, cell.spent);
    for (const { from, to, amount } of month.moves) {
      add(from, -amount, 0n);
      add(to, amount, 0n);
    }
    for (const [id, flow] of flows) {
      const block = at(id);
      block.run += flow;
      if (block.run < block.low) block.low = block.run;
    }
  }
  return new Map([...blocks].map(([id, { assigned, spent, low }]) => [id, { assigned, spent, low }]));
}

/**
 * The months that `blocks` sum up, as one month the walk can start from: each category assigns
 * what it carries out of them and spends nothing, and its income leaves exactly their TBB (the
 * overspending they rolled in taken out). The walk's figures are exact from the month after it
 * on; the month itself splits its TBB otherwise, so a read walks at least the asked month and the
 * one before it after an opening. `inflow` is what entered TBB over the blocks' months: Σ income,
 * and the starting balance when they include the budget's first month.
 */
export function openingMonth(
  month: IsoDate,
  blocks: ReadonlyMap<CategoryKey, EnvelopeBlock>,
  inflow: bigint,
): EnvelopeMonthSums {
  const categories = new Map<CategoryKey, { assigned: bigint; spent: bigint }>();
  let tbb = inflow;
  for (const [id, { assigned, spent, low }] of blocks) {
    const carried = assigned - spent - low;
    categories.set(id, { assigned: carried, spent: 0n });
    // − Σ assigned − Σ overspent, and the carry is assigned back in this month.
    tbb += carried - assigned + low;
  }
  return { month, income: tbb, categories, moves: [] };
}
