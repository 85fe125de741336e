import { describe, expect, it } from 'vitest';
import { compilePattern, type Pattern } from './pattern.ts';

const usable = (pattern: string) => typeof compilePattern(pattern) !== 'string';
const compiled = (pattern: string) => compilePattern(pattern) as Pattern;

describe('compilePattern', () => {
  it.each([
    '^card \\d{4} rewe',
    '(ab|cd)+x',
    '(\\d{2,}\\.)?x*',
    '[(a+)+]',
    '(?:a{1}){3}',
    // Nested repetition is harmless to a linear-time engine: these used to be refused.
    '(a+)+$',
    '(a*)*',
    '((a+)b)*',
    '(?:x\\d+){2,}',
    '(a+)+?',
    '^(a|a)+$',
    '(?<name>rewe|aldi) \\d+',
    '(?P<name>rewe)',
    '\\x{00e9}',
    '[[:digit:]]+',
  ])('%s is usable', (pattern) => {
    expect(usable(pattern)).toBe(true);
  });

  it.each([
    ['(', /missing closing \)/],
    ['a)', /^Not a valid regular expression: unexpected \) in "a\)"\.$/],
    ['(a)\\1', /Backreferences/],
    ['(?<w>a)\\k<w>', /Backreferences/],
    ['rewe(?= markt)', /Lookahead/],
    ['rewe(?!markt)', /Lookahead/],
    ['(?<=card )rewe', /Lookbehind/],
    ['(?<!card )rewe', /Lookbehind/],
    ['(?>a+)b', /Atomic groups/],
    ['caf\\u00e9', /\\x\{00E9\}/],
    ['\\p{Script=Greek}', /\\p\{Greek\}/],
    ['a{1001}', /counts go up to 1000/],
    ['a{2,1}', /smaller number comes first/],
    ['((a{100}){100}){100}', /counts go up to 1000/],
    ['(?:a|aa|aaa|.){400}z', /at most 1000 instructions/],
    ['a'.repeat(501), /at most 500 characters/],
  ])('%s is refused, saying why', (pattern, reason) => {
    expect(compilePattern(pattern)).toMatch(reason);
  });

  it('matches case-insensitively, by Unicode code points, anywhere in the text', () => {
    expect(compiled('^münchen \\p{Lu}').test('MÜNCHEN A')).toBe(true);
    expect(compiled('^münchen \\p{Lu}').test('xMÜNCHEN A')).toBe(false);
    expect(compiled('rewe').test('CARD 1234 REWE SAGT DANKE')).toBe(true);
    expect(compiled('^.$').test('😀')).toBe(true);
    expect(compiled('^$').test('')).toBe(true);
    expect(compiled('^\\p{Greek}+$').test('ΑΘΗΝΑ')).toBe(true);
  });
});
