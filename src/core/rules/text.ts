import { foldText } from '../text/fold.ts';

/**
 * The form in which rules compare text: `foldText` (NFKC, lower case), then without combining
 * accents (`Café` and `cafe`, `München` and `munchen` are alike) and with every run of white space
 * as one space, trimmed, because bank files pad and double their spaces ("REWE  SAGT DANKE ").
 */
export function matchKey(text: string): string {
  // Printable ASCII is its own NFKC form and has no accents: lower case is all foldText would do.
  if (/^[ -~]*$/.test(text)) return text.toLowerCase().replace(/ {2,}/g, ' ').trim();
  return foldText(text)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The longest pattern or text value a condition may hold. */
export const MAX_PATTERN_LENGTH = 500;

/**
 * Compiles a rule's regular expression as the rules run it: case-insensitive, Unicode-aware, on
 * the original text. Returns the reason when it cannot be used: a syntax error, or a repetition of
 * something that itself repeats (`(a+)+`), which JavaScript's backtracking engine can take
 * exponential time over on a hostile line (catastrophic backtracking).
 */
export function compilePattern(pattern: string): RegExp | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `A pattern has at most ${MAX_PATTERN_LENGTH} characters.`;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'iu');
  } catch (error) {
    // V8 says "Invalid regular expression: /(a/iu: Unterminated group": keep the reason.
    const reason = (error as Error).message.split(': ').at(-1) ?? '';
    return `Not a valid regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
  }
  if (hasNestedRepetition(pattern))
    return 'A repeated group may not itself contain a repetition, such as (a+)+: it can take exponential time.';
  return regex;
}

/** Length of a repeating quantifier (`*`, `+`, `{n,}`, `{n,m}` with m > 1) at `i`, with a lazy `?`; 0 if none. */
function repetitionAt(pattern: string, i: number): number {
  const ch = pattern[i];
  let length = 0;
  if (ch === '*' || ch === '+') length = 1;
  else if (ch === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
    if (!braces) return 0;
    const [text, , comma, upper] = braces;
    const repeats = comma !== undefined && (upper === '' || Number(upper) > 1);
    if (!repeats && Number(braces[1]) <= 1) return 0;
    length = text!.length;
  }
  if (length > 0 && pattern[i + length] === '?') length += 1;
  return length;
}

/** Whether a quantified group contains a quantifier (star height above one). */
function hasNestedRepetition(pattern: string): boolean {
  const groups: boolean[] = [false];
  let closedGroupRepeats = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === '\\') {
      i += 2;
      closedGroupRepeats = false;
      continue;
    }
    if (ch === '[') {
      i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
      closedGroupRepeats = false;
      continue;
    }
    if (ch === '(') {
      groups.push(false);
      i += 1;
      closedGroupRepeats = false;
      continue;
    }
    if (ch === ')') {
      const inner = groups.pop() ?? false;
      if (inner && groups.length > 0) groups[groups.length - 1] = true;
      closedGroupRepeats = inner;
      i += 1;
      continue;
    }
    const quantifier = repetitionAt(pattern, i);
    if (quantifier > 0) {
      if (closedGroupRepeats) return true;
      groups[groups.length - 1] = true;
      i += quantifier;
    } else {
      i += 1;
    }
    closedGroupRepeats = false;
  }
  return false;
}
