import { describe, expect, it } from 'vitest';
import { labelStep, largestFirst, spreadLabels, wrapLabel } from './chart-scale.ts';

describe('chart scales', () => {
  it('prints every label that fits its slot, and thins those that do not', () => {
    expect(labelStep(['Jan', 'Feb'], 44)).toBe(1);
    // "2025-01" is about 59 units wide: twelve months in 530 units keep every second one.
    expect(
      labelStep(
        Array.from({ length: 12 }, () => '2025-01'),
        530 / 12,
      ),
    ).toBe(2);
    expect(labelStep(['2025-W01'], 5)).toBeGreaterThan(10);
  });

  it('wraps a label at word ends and cuts only what cannot fit', () => {
    expect(wrapLabel('Gifts for family and friends', 140)).toEqual(['Gifts for family', 'and friends']);
    expect(wrapLabel('Rent', 140)).toEqual(['Rent']);
    expect(wrapLabel('one two three four five six seven', 60)).toEqual(['one two', 'three…']);
    expect(wrapLabel('Donaudampfschifffahrt', 60)).toEqual(['Donaud…']);
  });

  it('moves labels apart just enough, inside the picture', () => {
    expect(spreadLabels([{ centre: 50, height: 20 }], 100)).toEqual([40]);
    expect(
      spreadLabels(
        [
          { centre: 10, height: 20 },
          { centre: 12, height: 20 },
          { centre: 95, height: 20 },
        ],
        100,
      ),
    ).toEqual([0, 20, 80]);
    expect(
      spreadLabels(
        [
          { centre: 90, height: 20 },
          { centre: 95, height: 20 },
        ],
        100,
      ),
    ).toEqual([60, 80]);
  });

  it('sorts bars largest first, exactly', () => {
    const rows = [
      { key: 'a', value: { amount: '9.99', currency: 'EUR' } },
      { key: 'b', value: { amount: '10.00', currency: 'EUR' } },
      { key: 'c', value: { amount: '-1.00', currency: 'EUR' } },
      { key: 'd', value: { amount: '10.00', currency: 'EUR' } },
    ];
    expect(largestFirst(rows).map((row) => row.key)).toEqual(['b', 'd', 'a', 'c']);
  });
});
