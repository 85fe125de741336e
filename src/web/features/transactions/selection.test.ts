import { describe, expect, it } from 'vitest';
import { extend, keepShown, NO_SELECTION, selectedInOrder, toggle, toggleAll } from './selection.ts';

const rows = [10, 11, 12, 13, 14, 15];
const ids = (selection: { ids: ReadonlySet<number> }) => [...selection.ids].sort();

describe('selecting transactions', () => {
  it('toggles one row and makes it the anchor', () => {
    const one = toggle(NO_SELECTION, 12);
    expect(ids(one)).toEqual([12]);
    expect(one.anchor).toBe(12);
    expect(ids(toggle(one, 12))).toEqual([]);
  });

  it('selects the range since the last row clicked, either way up', () => {
    expect(ids(extend(toggle(NO_SELECTION, 11), 14, rows))).toEqual([11, 12, 13, 14]);
    expect(ids(extend(toggle(NO_SELECTION, 14), 11, rows))).toEqual([11, 12, 13, 14]);
  });

  it('clears a range when the row shift-clicked was selected', () => {
    const all = toggleAll(NO_SELECTION, rows);
    const anchored = toggle(toggle(all, 11), 11);
    expect(ids(extend(anchored, 13, rows))).toEqual([10, 14, 15]);
  });

  it('toggles only the row without an anchor on the page', () => {
    expect(ids(extend(NO_SELECTION, 13, rows))).toEqual([13]);
    expect(ids(extend({ ids: new Set([99]), anchor: 99 }, 13, rows))).toEqual([13, 99]);
  });

  it('selects every row shown, and clears them when all were', () => {
    const some = toggle(NO_SELECTION, 10);
    const all = toggleAll(some, rows);
    expect(ids(all)).toEqual(rows);
    expect(ids(toggleAll(all, rows))).toEqual([]);
  });

  it('keeps only the rows still shown, in their order', () => {
    const picked = extend(toggle(NO_SELECTION, 13), 11, rows);
    const kept = keepShown(picked, [10, 11, 13]);
    expect(ids(kept)).toEqual([11, 13]);
    expect(kept.anchor).toBe(11);
    expect(keepShown(kept, [10, 11, 13])).toBe(kept);
    expect(selectedInOrder(picked, [13, 12, 11])).toEqual([13, 12, 11]);
  });
});
