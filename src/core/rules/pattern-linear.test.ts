import { describe, expect, it } from 'vitest';
import { compilePattern, type Pattern } from './pattern.ts';
import { MAX_PATTERN_LENGTH } from './text.ts';

/**
 * Probe: patterns that make a backtracking engine take exponential (or high polynomial) time,
 * each over the text that triggers it, grown one unit at a time up to the longest description.
 * A backtracking engine passes 100 ms for one match at about 22 units of `^(a|a)+$` (1.8 s at
 * 26) and would need hours at 500, so the loop fails within a second there; the linear engine
 * stays far below at every length. Not a tight timing: the bound is thousands of times the
 * linear engine's cost, and a length over it is measured thrice before failing.
 */
const HOSTILE: [pattern: string, text: (n: number) => string][] = [
  ['^(a|a)+$', (n) => `${'a'.repeat(n)}!`],
  ['(\\w|\\d)+$', (n) => `${'1'.repeat(n)}!`],
  ['^(.|\\s)*x$', (n) => `x${' '.repeat(n)}!`],
  ['(a+)+$', (n) => `${'a'.repeat(n)}!`],
  ['(a*)*b', (n) => 'a'.repeat(n)],
  ['(x+x+)+y', (n) => 'x'.repeat(n)],
  ['^(\\w+\\s?)*$', (n) => `${'a'.repeat(n)}!`],
  ['^(([a-z])+.)+[A-Z]([a-z])+$', (n) => `${'a'.repeat(n)}!`],
  ['^([a-z0-9]+\\.?)+@example\\.com$', (n) => `${'a'.repeat(n)}!@example.com`],
  ['^(.*a){10}b', (n) => 'a'.repeat(n)],
];

const BUDGET_MS = 100;

function millis(pattern: Pattern, text: string, times = 1): number {
  const started = performance.now();
  for (let i = 0; i < times; i++) pattern.test(text);
  return performance.now() - started;
}

/** The least of three timings: a pause of the machine is not the engine's. */
const steadyMillis = (pattern: Pattern, text: string, times = 1) =>
  Math.min(millis(pattern, text, times), millis(pattern, text, times), millis(pattern, text, times));

describe('rule patterns match in linear time', () => {
  it.each(HOSTILE)('%s over hostile texts up to 500 characters', (source, text) => {
    const pattern = compilePattern(source);
    if (typeof pattern === 'string') throw new Error(`${source} refused: ${pattern}`);
    let longest = 0;
    for (let n = 1; text(n).length <= MAX_PATTERN_LENGTH; n++) {
      const hostile = text(n);
      if (millis(pattern, hostile) > BUDGET_MS)
        expect(steadyMillis(pattern, hostile), `${hostile.length} characters`).toBeLessThan(BUDGET_MS);
      longest = hostile.length;
    }
    expect(longest).toBeGreaterThan(MAX_PATTERN_LENGTH - 20);

    // Twice the text, about twice the work (the slack covers timer and call overhead).
    const half = text(Math.floor(longest / 2) - 10);
    const full = text(longest - 20);
    expect(steadyMillis(pattern, full, 100)).toBeLessThan(3 * steadyMillis(pattern, half, 100) + 5);
  });
});
