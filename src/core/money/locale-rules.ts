import { allCurrencies } from './currency.ts';

/**
 * The rules of a locale's written numbers, probed from Intl and cached: its separators, the ways of
 * writing numbers it accepts (profiles), and the currency symbols it writes. Shared by
 * `locale-parse.ts` and `locale-format.ts`; `locale.ts` is the module the rest of the code imports.
 */

export interface Separators {
  readonly decimal: string;
  readonly group: string;
  readonly minusSign: string;
}

/** The most fraction digits Intl formats (20 in Node 20) and so the most this module displays. */
export const MAX_FRACTION_DIGITS = 20;

export const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Characters that group thousands and stand for one another: people type a plain space or `'`. */
const SPACE_GROUPS = [' ', '\u00A0', '\u202F', '\u2009'];
const APOSTROPHE_GROUPS = ["'", '\u2019'];
/** Minus signs typed or pasted besides the locale's own: hyphen-minus, U+2212, en dash. */
const MINUS_SIGNS = ['-', '\u2212', '\u2013'];
const PLUS_SIGNS = ['+'];
/** How people write some currencies besides the symbols Intl uses (`1.234円`, `Fr. 12.50`). */
export const WRITTEN_FORMS: Readonly<Record<string, readonly string[]>> = {
  CHF: ['Fr.', 'SFr.'],
  CNY: ['元'],
  DKK: ['kr', 'kr.'],
  INR: ['Rs', 'Rs.'],
  ISK: ['kr', 'kr.'],
  JPY: ['円'],
  NOK: ['kr', 'kr.'],
  SEK: ['kr', 'kr.'],
  USD: ['US$'],
};

// ————————————————————————————————————————————————————————— separators

const separatorCache = new Map<string, Separators>();

/** The decimal separator, group separator and minus sign the locale writes numbers with. */
export function separatorsOf(locale: string): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    found = probeSeparators(new Intl.NumberFormat(locale));
    separatorCache.set(locale, found);
  }
  return found;
}

function probeSeparators(format: Intl.NumberFormat): Separators {
  // -12345.6 is a probe of the locale's number shape, not money.
  const parts = format.formatToParts(-12345.6);
  const part = (type: Intl.NumberFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return Object.freeze({
    decimal: stripBidi(part('decimal')),
    group: stripBidi(part('group')),
    minusSign: stripBidi(part('minusSign')) || '-',
  });
}

// ————————————————————————————————————————————————————————— parsing rules of a locale

/** One way of writing numbers that a locale accepts: its own, or (for ar-EG and the like) Latin. */
export interface Profile {
  readonly decimal: string;
  readonly groups: ReadonlySet<string>;
  /** `.` where the decimal is `,` and vice versa: read as a decimal only when it cannot group. */
  readonly alternative: string | undefined;
  /** Groups of two above the thousands (`12,34,567`), as en-IN writes; 3-digit groups also pass. */
  readonly indian: boolean;
}

export interface LocaleRules {
  readonly profiles: readonly Profile[];
  readonly minus: ReadonlySet<string>;
  readonly plus: ReadonlySet<string>;
  /** Characters that may open or close the number itself: decimal separators (`.5`, `12.`). */
  readonly edges: ReadonlySet<string>;
}

const rulesCache = new Map<string, LocaleRules>();

export function rulesOf(locale: string): LocaleRules {
  let rules = rulesCache.get(locale);
  if (rules) return rules;
  const native = new Intl.NumberFormat(locale);
  const formats = [native];
  if (native.resolvedOptions().numberingSystem !== 'latn') {
    formats.push(new Intl.NumberFormat(locale, { numberingSystem: 'latn' }));
  }
  const profiles: Profile[] = [];
  const minus = new Set(MINUS_SIGNS);
  for (const format of formats) {
    const { decimal, group, minusSign } = probeSeparators(format);
    minus.add(minusSign);
    if (profiles.some((p) => p.decimal === decimal && p.groups.has(group))) continue;
    const family = SPACE_GROUPS.includes(group)
      ? SPACE_GROUPS
      : APOSTROPHE_GROUPS.includes(group)
        ? APOSTROPHE_GROUPS
        : [group];
    const integers = format.formatToParts(1234567).filter((p) => p.type === 'integer');
    profiles.push({
      decimal,
      groups: new Set(family.filter((g) => g !== '')),
      alternative: decimal === ',' ? '.' : decimal === '.' ? ',' : undefined,
      indian: integers.slice(1, -1).some((p) => p.value.length === 2),
    });
  }
  const edges = new Set(profiles.flatMap((p) => (p.alternative ? [p.decimal, p.alternative] : [p.decimal])));
  rules = { profiles, minus, plus: new Set(PLUS_SIGNS), edges };
  rulesCache.set(locale, rules);
  return rules;
}

const symbolCache = new Map<string, ReadonlySet<string>>();

/**
 * Every currency symbol the locale writes for an ISO currency (`€`, `kr`, `zł`, `CHF`, `ج.م.`),
 * except lone Latin letters (`K`, `R`, `L`), which could be a typo rather than a currency.
 */
export function localeSymbols(locale: string): ReadonlySet<string> {
  let symbols = symbolCache.get(locale);
  if (!symbols) {
    const all = allCurrencies().flatMap((code) => [
      ...symbolsOf(code, locale),
      ...(WRITTEN_FORMS[code] ?? []),
    ]);
    symbols = new Set(all.filter((symbol) => !/^[A-Za-z]$/.test(symbol)));
    symbolCache.set(locale, symbols);
  }
  return symbols;
}

const currencySymbolCache = new Map<string, readonly string[]>();

/** The symbol and narrow symbol `locale` writes for one currency (`€`; `CA$` and `$`). */
export function symbolsOf(code: string, locale: string): readonly string[] {
  const key = `${locale}|${code}`;
  let symbols = currencySymbolCache.get(key);
  if (!symbols) {
    symbols = (['symbol', 'narrowSymbol'] as const)
      .map((currencyDisplay) => {
        const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay });
        // 1 is a probe for the symbol, not money.
        return stripBidi(format.formatToParts(1).find((p) => p.type === 'currency')?.value ?? '').trim();
      })
      .filter((symbol) => symbol !== '');
    currencySymbolCache.set(key, symbols);
  }
  return symbols;
}

// ————————————————————————————————————————————————————————— helpers

export function stripBidi(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

export function quote(text: string): string {
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}
