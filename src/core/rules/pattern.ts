import { RE2JS, RE2JSSyntaxException } from 're2js';
import { MAX_PATTERN_LENGTH } from './text.ts';

/** A rule's compiled regular expression: whether it matches somewhere in a text. */
export interface Pattern {
  test(text: string): boolean;
}

/**
 * The largest program a pattern may compile to, in RE2 instructions (about one per character,
 * class or repeated copy: `\d{4}` is 5, `.{0,400}` about 800). Matching time is linear in the
 * text, times at most this; larger programs (`(?:a|aa|.){400}`) took 30–150 ms over 500 characters.
 */
export const MAX_PATTERN_PROGRAM = 1_000;

/**
 * Compiles a rule's regular expression as the rules run it: RE2 syntax and semantics
 * (re2js, a linear-time engine without backtracking), case-insensitive, on the original text,
 * by Unicode code points. No pattern and no text can make matching take more than linear time.
 * Returns the reason when the pattern cannot be used: a syntax error, syntax RE2 leaves out
 * (backreferences, lookaround), or a program too large.
 */
export function compilePattern(pattern: string): Pattern | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `A pattern has at most ${MAX_PATTERN_LENGTH} characters.`;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    if (error instanceof RE2JSSyntaxException) return syntaxProblem(error, pattern);
    return `Not a valid regular expression: ${(error as Error).message}.`;
  }
  if (compiled.programSize() > MAX_PATTERN_PROGRAM)
    return `The pattern is too large: it may compile to at most ${MAX_PATTERN_PROGRAM} instructions (smaller repetition counts help).`;
  return compiled;
}

const LINEAR = 'rules match in linear time with RE2 syntax';

/** The user-facing reason for RE2's refusal, naming the unsupported syntax where it is one. */
function syntaxProblem(error: RE2JSSyntaxException, pattern: string): string {
  const kind = error.error ?? 'invalid syntax';
  // RE2 reports the flags it was given as part of the text: `(?i)a)` for `a)`.
  let at = error.input ?? '';
  if (at.startsWith('(?i)') && !pattern.startsWith('(?i)')) at = at.slice(4);
  if (/^\\([1-9]|k)/.test(at)) return `Backreferences such as \\1 or \\k<name> are not supported: ${LINEAR}.`;
  if (at.startsWith('(?=') || at.startsWith('(?!'))
    return `Lookahead, (?=…) and (?!…), is not supported: ${LINEAR}.`;
  if (at.startsWith('(?<=') || at.startsWith('(?<!'))
    return `Lookbehind, (?<=…) and (?<!…), is not supported: ${LINEAR}.`;
  if (at.startsWith('(?>')) return `Atomic groups, (?>…), are not supported: ${LINEAR}.`;
  if (at === '\\u') return 'Write a character by its code as \\x{00E9}, not \\u00E9.';
  if (at.startsWith('\\p') || at.startsWith('\\P'))
    return `Unknown character class ${at}: use a general category or a script, such as \\p{L}, \\p{Lu} or \\p{Greek}.`;
  if (kind === 'invalid repeat count')
    return `Invalid repeat count ${at}: the smaller number comes first, and counts go up to 1000 (nested counts multiply).`;
  return `Not a valid regular expression: ${kind}${at ? ` in "${at}"` : ''}.`;
}
