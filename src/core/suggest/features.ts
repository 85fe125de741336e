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
  for (const text of [payee, matchKey(subject.description)]) {
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < 2 || /^\p{N}+$/u.test(word)) continue;
      features.add(word.replace(/\p{N}+/gu, '#'));
    }
  }
  if (subject.amount && subject.amount.minor !== 0n)
    features.add(subject.amount.minor < 0n ? 'sign:-' : 'sign:+');
  return [...features];
}

/** Whether a feature is a word of the text (not the whole payee or the sign). */
export function isWord(feature: string): boolean {
  return !feature.startsWith('payee:') && !feature.startsWith('sign:');
}
