import { describe, expect, it } from 'vitest';
import { compilePattern, matchKey } from './text.ts';

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

describe('compilePattern', () => {
  it.each([
    ['^card \\d{4} rewe', true],
    ['(ab|cd)+x', true],
    ['(\\d{2,}\\.)?x*', true],
    ['[(a+)+]', true],
    ['\\(a+\\)+', true],
    ['(?:a{1}){3}', true],
    ['(a+)+$', false],
    ['(a*)*', false],
    ['((a+)b)*', false],
    ['(?:x\\d+){2,}', false],
    ['(a+)+?', false],
    ['(', false],
    ['a'.repeat(501), false],
  ])('%s usable: %s', (pattern, usable) => {
    expect(typeof compilePattern(pattern) !== 'string').toBe(usable);
  });

  it('compiles case-insensitive and Unicode-aware', () => {
    const regex = compilePattern('^münchen \\p{Lu}') as RegExp;
    expect(regex.test('MÜNCHEN A')).toBe(true);
    expect(regex.flags).toBe('iu');
  });
});
