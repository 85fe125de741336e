import { describe, expect, it } from 'vitest';
import { matchKey } from './text.ts';

describe('matchKey', () => {
  it.each([
    ['  REWE   Markt ', 'rewe markt'],
    ['Café Müller', 'cafe muller'],
    ['ＲＥＷＥ\tMarkt', 'rewe markt'],
    ['ﬁnanzamt', 'finanzamt'],
    ['Пятёрочка', 'пятерочка'],
    ['', ''],
  ])('%j → %j', (text, key) => {
    expect(matchKey(text)).toBe(key);
  });
});
