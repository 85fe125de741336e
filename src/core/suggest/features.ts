import type { Money } from '../money/money.ts';
import { matchKey } from '../rules/text.ts';

/** What the suggester looks at in a transaction; a `RuleSubject` is one. */
export interface SuggestSubject {
  payee: string | null;
  description: string;
  /** Only the sign is used: money in and money out rarely share a category. */
  amount: Pick<Money, 'minor'> | null;
}

/**
 * The features of a transaction, each once: the words of the payee and the description (folded
 * like rules fold text, split on everything that is not a letter or a digit), the whole payee as
 * one feature, and the sign of the amount. Words of digits only (card numbers, dates, references)
 * are dropped; digits inside words become `#`, so "REF12345" and "REF67890" are one word.
 */
export function featuresOf(subject: SuggestSubject): string[] {
  const features = new Set<string>();
  const payee = subject.payee ? matchKey(subject.payee) : '';
  if (payee !== '') features.add(`payee:${payee}`);
  addWords(payee, features);
  addWords(matchKey(subject.description), features);
  if (subject.amount && subject.amount.minor !== 0n)
    features.add(subject.amount.minor < 0n ? 'sign:-' : 'sign:+');
  return [...features];
}

/**
 * Adds the words of folded text. Bank text is nearly always ASCII, where a letter is a–z (the text
 * is lower case) and a digit 0–9: one pass over the characters does what the Unicode regular
 * expressions do, without them (they cost more than the rest of a suggestion together).
 */
function addWords(text: string, features: Set<string>): void {
  let start = -1;
  let letters = false;
  let digits = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    if (code >= 0x80) {
      addUnicodeWords(text, features);
      return;
    }
    const letter = code >= 97 && code <= 122;
    const digit = code >= 48 && code <= 57;
    if (letter || digit) {
      if (start < 0) {
        start = i;
        letters = false;
        digits = false;
      }
      letters ||= letter;
      digits ||= digit;
      continue;
    }
    // Upper-case ASCII never reaches here (the text is folded); anything else separates words.
    if (start >= 0 && i - start >= 2 && letters) {
      const word = text.slice(start, i);
      features.add(digits ? word.replace(/[0-9]+/g, '#') : word);
    }
    start = -1;
  }
}

function addUnicodeWords(text: string, features: Set<string>): void {
  for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || /^\p{N}+$/u.test(word)) continue;
    features.add(word.replace(/\p{N}+/gu, '#'));
  }
}

/** Whether a feature is a word of the text (not the whole payee or the sign). */
export function isWord(feature: string): boolean {
  return !feature.startsWith('payee:') && !feature.startsWith('sign:');
}
