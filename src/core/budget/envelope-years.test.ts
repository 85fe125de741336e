import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../calendar/date.ts';
import { currency } from '../money/index.ts';
import { type EnvelopeMonthSums, envelopeMonth } from './envelope.ts';
import { blocksOf, combineBlocks, EMPTY_BLOCK, type EnvelopeBlock, openingMonth } from './envelope-years.ts';
import type { CategoryKey } from './limit.ts';

const EUR = currency('EUR');
const CATEGORIES = [1, 2, 3];
const monthAt = (i: number) =>
  isoDate(`${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
const amount = fc.bigInt({ min: -50n, max: 50n });
const monthArb = fc.record({
  income: fc.bigInt({ min: 0n, max: 100n }),
  cells: fc.array(fc.record({ assigned: amount, spent: amount }), { minLength: 3, maxLength: 3 }),
  moves: fc.array(
    fc.record({
      from: fc.constantFrom(...CATEGORIES),
      to: fc.constantFrom(...CATEGORIES),
      amount: fc.bigInt({ min: 1n, max: 40n }),
    }),
    { maxLength: 2 },
  ),
});
type RawMonth = typeof monthArb extends fc.Arbitrary<infer T> ? T : never;
const asSums = (raw: RawMonth[]): EnvelopeMonthSums[] =>
  raw.map((m, i) => ({
    month: monthAt(i),
    income: m.income,
    categories: new Map(CATEGORIES.map((c, j) => [c, m.cells[j]!])),
    moves: m.moves.filter((move) => move.from !== move.to),
  }));
const plain = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

describe('envelope year blocks', () => {
  it('sum a run of months: net flow and the lowest running sum', () => {
    const months = asSums([
      {
        income: 0n,
        cells: [
          { assigned: 10n, spent: 30n },
          { assigned: 5n, spent: 0n },
          { assigned: 0n, spent: 0n },
        ],
        moves: [],
      },
      {
        income: 0n,
        cells: [
          { assigned: 10n, spent: 0n },
          { assigned: 0n, spent: 0n },
          { assigned: 0n, spent: 0n },
        ],
        moves: [{ from: 2, to: 1, amount: 5n }],
      },
    ]);
    expect(blocksOf(months).get(1)).toEqual({ assigned: 25n, spent: 30n, low: -20n });
    expect(blocksOf(months).get(2)).toEqual({ assigned: 0n, spent: 0n, low: 0n });
  });

  it('combine as the months they sum, in any grouping', () => {
    fc.assert(
      fc.property(fc.array(monthArb, { minLength: 1, maxLength: 30 }), fc.nat(), (raw, cut) => {
        const months = asSums(raw);
        const at = cut % (months.length + 1);
        const whole = blocksOf(months);
        const [head, tail] = [blocksOf(months.slice(0, at)), blocksOf(months.slice(at))];
        for (const id of CATEGORIES) {
          const block = (map: ReadonlyMap<CategoryKey, EnvelopeBlock>) => map.get(id) ?? EMPTY_BLOCK;
          expect(combineBlocks(block(head), block(tail))).toEqual(block(whole));
        }
      }),
    );
  });

  it('open a walk that gives the month-by-month answer from the month after the opening on', () => {
    fc.assert(
      fc.property(
        fc.array(monthArb, { minLength: 3, maxLength: 48 }),
        fc.nat(),
        fc.integer({ min: 1, max: 12 }),
        fc.bigInt({ min: -100n, max: 100n }),
        (raw, cut, size, startingBalance) => {
          const months = asSums(raw);
          months[0] = { ...months[0]!, startingBalance };
          // Blocks cover [0, boundary); the walk covers at least the asked month and the one before.
          const boundary = 1 + (cut % (months.length - 2));
          let blocks = new Map<CategoryKey, EnvelopeBlock>();
          for (let from = 0; from < boundary; from += size) {
            const next = blocksOf(months.slice(from, Math.min(from + size, boundary)));
            blocks = new Map(
              CATEGORIES.map((id) => [
                id,
                combineBlocks(blocks.get(id) ?? EMPTY_BLOCK, next.get(id) ?? EMPTY_BLOCK),
              ]),
            );
          }
          const inflow = months.slice(0, boundary).reduce((sum, m) => sum + m.income, startingBalance);
          const opening = openingMonth(months[boundary - 1]!.month, blocks, inflow);
          const walked = envelopeMonth(EUR, CATEGORIES, [opening, ...months.slice(boundary)]);
          expect(plain(walked)).toEqual(plain(envelopeMonth(EUR, CATEGORIES, months)));
        },
      ),
      { numRuns: 500 },
    );
  });
});
