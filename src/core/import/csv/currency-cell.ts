import { isCurrencyCode } from '../../money/currency.ts';

/**
 * Currency as CSV cells and headers write it: an ISO code (`EUR`, `eur`), a code retired but still
 * exported (`RUR`, Russian banks' rouble), or a symbol that names one currency only (`€`, `£`). `$`,
 * `¥` and `kr` name several and are left to the account's currency.
 */

/** Codes no longer in ISO 4217 that banks still write; kept as written (the import maps them). */
const LEGACY_CODES: ReadonlySet<string> = new Set([
  'RUR',
  'BYR',
  'LTL',
  'LVL',
  'EEK',
  'SKK',
  'SIT',
  'MTL',
  'CYP',
]);

const SYMBOLS: Readonly<Record<string, string>> = {
  '€': 'EUR',
  '£': 'GBP',
  '₽': 'RUB',
  '₹': 'INR',
  '₺': 'TRY',
  '₴': 'UAH',
  '₩': 'KRW',
  '₪': 'ILS',
  '₱': 'PHP',
  '₦': 'NGN',
  '฿': 'THB',
  '₫': 'VND',
  '₸': 'KZT',
  '₾': 'GEL',
  zł: 'PLN',
  Kč: 'CZK',
  руб: 'RUB',
};

/** A known currency code (ISO 4217 or a legacy one banks still use). */
export function isKnownCurrency(code: string): boolean {
  return isCurrencyCode(code) || LEGACY_CODES.has(code);
}

/**
 * The currency a cell states: a three-letter code (upper-cased; with `strict`, only known ones) or an
 * unambiguous symbol. Null otherwise.
 */
export function currencyOfCell(cell: string, strict = false): string | null {
  const text = cell.trim().replace(/\.$/, '');
  if (/^[A-Za-z]{3}$/.test(text)) {
    const code = text.toUpperCase();
    return !strict || isKnownCurrency(code) ? code : null;
  }
  return SYMBOLS[text] ?? null;
}

/** The single unambiguous currency symbol written in amount cells (`-12,00 €`), or null. */
export function currencyOfAmountCells(cells: readonly string[]): string | null {
  let found: string | null = null;
  for (const cell of cells) {
    const symbol = /\p{Sc}|zł|Kč|руб/u.exec(cell);
    if (!symbol) continue;
    const code = SYMBOLS[symbol[0]];
    if (!code || (found !== null && found !== code)) return null;
    found = code;
  }
  return found;
}

/** A currency named in a header: `Bedrag (EUR)`, `Amount in USD`. */
export function currencyOfHeader(header: string): string | null {
  for (const match of header.matchAll(/(?<![A-Za-z])([A-Z]{3})(?![A-Za-z])/g)) {
    if (isCurrencyCode(match[1]!)) return match[1]!;
  }
  return null;
}
