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
