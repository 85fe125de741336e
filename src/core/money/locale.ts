/**
 * Amounts as people read and type them in their locale: `1.234,56` in de-DE, `1,234.56` in
 * en-US, `1 234,56` in fr-FR, `1'234.56` in de-CH, `12,34,567.89` in en-IN, `١٬٢٣٤٫٥٦` in ar-EG.
 *
 * Exactness: nothing here turns an amount into a JS number. Parsing is string surgery on digits;
 * formatting hands Intl the decimal *string* (Intl.NumberFormat v3 formats strings exactly, which
 * Node 20 does), or, on an engine that would round a string through a float, formats the whole
 * part as a bigint and writes the fraction digits in itself.
 *
 * Digits: the formatter writes the locale's own digits (ar-EG shows Arabic-Indic digits, as its
 * readers expect); a locale tag with `-u-nu-latn` (`ar-EG-u-nu-latn`) asks for Latin digits. The
 * parser accepts the decimal digits of every script (and full-width forms) and reads them as 0–9,
 * so whatever the formatter wrote, or a phone keyboard typed, parses back.
 */

export {
  formatByParts,
  formatLocaleAmount,
  formatMoneyLocale,
  type LocaleFormatOptions,
} from './locale-format.ts';
export { type LocaleParseOptions, parseLocaleAmount } from './locale-parse.ts';
export { type Separators, separatorsOf } from './locale-rules.ts';
