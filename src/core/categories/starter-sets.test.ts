import { describe, expect, it } from 'vitest';
import { foldText } from '../text/fold.ts';
import { STARTER_LANGUAGES, STARTER_SETS, starterSet } from './starter-sets.ts';

describe('starter category sets', () => {
  for (const id of STARTER_SETS) {
    for (const language of STARTER_LANGUAGES) {
      it(`${id} (${language}) can be added to an empty book as it stands`, () => {
        const groups = starterSet(id, language);
        expect(groups.some((g) => g.kind === 'income')).toBe(true);
        expect(groups.some((g) => g.kind === 'expense')).toBe(true);
        // A book refuses two groups of one kind, or two categories, with the same folded name.
        const groupKeys = groups.map((g) => `${g.kind}:${foldText(g.name)}`);
        expect(new Set(groupKeys).size).toBe(groupKeys.length);
        const categoryKeys = groups.flatMap((g) => g.categories.map(foldText));
        expect(new Set(categoryKeys).size).toBe(categoryKeys.length);
        for (const name of [...groups.map((g) => g.name), ...groups.flatMap((g) => g.categories)]) {
          expect(name).toBe(name.trim());
          expect(name.length).toBeGreaterThan(0);
        }
      });
    }
    it(`${id} has the same shape in every language`, () => {
      const [first, ...others] = STARTER_LANGUAGES.map((language) => starterSet(id, language));
      for (const other of others) {
        expect(other.map((g) => [g.kind, g.categories.length])).toEqual(
          first!.map((g) => [g.kind, g.categories.length]),
        );
      }
    });
  }
  it('the detailed set holds more than the household one', () => {
    const count = (id: (typeof STARTER_SETS)[number]) =>
      starterSet(id, 'en').reduce((n, g) => n + g.categories.length, 0);
    expect(count('detailed')).toBeGreaterThan(count('household'));
  });
});
