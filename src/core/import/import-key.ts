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
  // Counted by a 52-bit hash of the key rather than the key itself: a million-row file keeps a
  // million small numbers, not a million strings. A collision would only number a row `#2`, and
  // the same file always collides the same way, so re-imports still match.
  const seen = new Map<number, number>();
  return (row) => {
    const base = row.reference
      ? `${accountId}:id:${row.reference}`
      : `${accountId}:hash:${row.date}:${canonicalAmount(row.amount)}:${contentHash(row)}`;
    const slot = hash52(base);
    const count = (seen.get(slot) ?? 0) + 1;
    seen.set(slot, count);
    return count === 1 ? base : `${base}#${count}`;
  };
}

/** The row's folded payee and text, hashed, as 16 hex digits. */
function contentHash(row: StatementRow): string {
  const payee = row.payee ?? '';
  const [high, low] =
    !NOT_ASCII.test(payee) && !NOT_ASCII.test(row.description)
      ? asciiContentFnv(payee, row.description)
      : fnv(
          [payee, row.description].map((part) => foldText(part).replace(/\s+/g, ' ').trim()).join('\u0000'),
        );
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * `fnv` of the folded text exactly as above, for ASCII text (nearly every bank's), in one pass and
 * without the intermediate strings: ASCII is its own NFKC form, so folding is lower-casing A–Z,
 * and its white space is tab, line feed, vertical tab, form feed, carriage return and space.
 */
function asciiContentFnv(payee: string, description: string): [number, number] {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  let position = 0;
  for (let part = 0; part < 2; part++) {
    const text = part === 0 ? payee : description;
    if (part === 1) {
      low = Math.imul(low ^ 0, 0x01000193) >>> 0;
      high = Math.imul(high ^ position, 0x01000193) >>> 0;
      position++;
    }
    let started = false;
    let space = false;
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code === 32 || (code >= 9 && code <= 13)) {
        space = started;
        continue;
      }
      if (space) {
        low = Math.imul(low ^ 32, 0x01000193) >>> 0;
        high = Math.imul(high ^ (32 + position), 0x01000193) >>> 0;
        position++;
        space = false;
      }
      if (code >= 65 && code <= 90) code += 32;
      low = Math.imul(low ^ code, 0x01000193) >>> 0;
      high = Math.imul(high ^ (code + position), 0x01000193) >>> 0;
      position++;
      started = true;
    }
  }
  return [high, low];
}

/** FNV-1a in two 32-bit lanes (the second salted by position): 64 bits without bigint. */
function fnv(text: string): [number, number] {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ (code + i), 0x01000193) >>> 0;
  }
  return [high, low];
}

/** 52 bits of `fnv`, as an exact JS number (a Map key). */
function hash52(text: string): number {
  const [high, low] = fnv(text);
  return (high & 0xfffff) * 0x100000000 + low;
}

/** "-12.340" and "-12.34" are the same amount. */
function canonicalAmount(amount: string): string {
  return amount.includes('.') ? amount.replace(/\.?0+$/, '') : amount;
}
