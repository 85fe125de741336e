import { foldText } from '../text/fold.ts';
import type { StatementRow } from './types.ts';

/**
 * The key a transaction keeps of the file row it came from, so that importing the same file again
 * finds it. A row the file gives an id (OFX FITID, CAMT entry reference) is keyed by that id;
 * other rows by their content (date, exact amount, payee and text). Keys are per account: two
 * accounts may carry the same FITID. The n-th identical row of a file gets `#n`, so two real
 * coffees of the same price on the same day stay two transactions, and a re-import matches both.
 */
export function createImportKeyer(accountId: number): (row: StatementRow) => string {
  const seen = new Map<string, number>();
  return (row) => {
    const base = row.reference
      ? `${accountId}:id:${row.reference}`
      : `${accountId}:hash:${row.date}:${canonicalAmount(row.amount)}:${contentHash(row)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}#${count}`;
  };
}

/** A 64-bit FNV-1a hash (two 32-bit lanes) of the row's folded payee and text, as 16 hex digits. */
function contentHash(row: StatementRow): string {
  const text = [row.payee ?? '', row.description]
    .map((part) => foldText(part).replace(/\s+/g, ' ').trim())
    .join('\u0000');
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ (code + i), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/** "-12.340" and "-12.34" are the same amount. */
function canonicalAmount(amount: string): string {
  return amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount;
}
