import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { MonetaError } from '../errors.ts';
import { type CurrencyCode, currency, exponentOf } from './currency.ts';
import {
  formatByParts,
  formatLocaleAmount,
  formatMoneyLocale,
  parseLocaleAmount,
  separatorsOf,
} from './locale.ts';
import { formatMinor, MAX_MINOR, money, parseMoney } from './money.ts';

// ar-EG writes Arabic-Indic digits (١٢٣). Decision: the formatter keeps the locale's own digits
// (`ar-EG-u-nu-latn` asks for Latin ones) and the parser reads every script's digits as 0–9.
// Node's full ICU has ar-EG; a small-ICU build would not, and those cases are skipped there.
const hasArabic = Intl.NumberFormat.supportedLocalesOf(['ar-EG']).length === 1;

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('separatorsOf', () => {
  it.each([
    // locale, decimal, group, minus
    ['de-DE', ',', '.', '-'],
    ['en-US', '.', ',', '-'],
    ['fr-FR', ',', NNBSP, '-'],
    ['de-CH', '.', "'", '-'],
    ['en-IN', '.', ',', '-'],
    ['ja-JP', '.', ',', '-'],
    ['sv-SE', ',', NBSP, '\u2212'],
  ])('%s writes decimal %j, group %j, minus %j', (locale, decimal, group, minusSign) => {
    expect(separatorsOf(locale)).toEqual({ decimal, group, minusSign });
  });

  it.skipIf(!hasArabic)('ar-EG writes the Arabic separators, without direction marks', () => {
    expect(separatorsOf('ar-EG')).toEqual({ decimal: '\u066B', group: '\u066C', minusSign: '-' });
    expect(separatorsOf('ar-EG-u-nu-latn')).toEqual({ decimal: '.', group: ',', minusSign: '-' });
  });

  it('is cached per locale', () => {
    expect(separatorsOf('de-DE')).toBe(separatorsOf('de-DE'));
  });
});

describe('parseLocaleAmount', () => {
  it.each([
    // locale, exponent, typed, canonical
    ['de-DE', 2, '1.234,56', '1234.56'],
    ['en-US', 2, '1,234.56', '1234.56'],
    ['de-DE', 2, '1234,56', '1234.56'],
    ['de-DE', 2, '1.234.567,8', '1234567.80'],
    ['de-DE', 2, '  -1.234,56  ', '-1234.56'],
    ['de-DE', 2, '+12', '12.00'],
    ['de-DE', 2, '\u221212,30', '-12.30'],
    ['de-DE', 2, '\u201312,30', '-12.30'],
    ['de-DE', 2, '1.234,56-', '-1234.56'],
    ['de-DE', 2, '1.234,56 €', '1234.56'],
    ['de-DE', 2, '-1.234,56 EUR', '-1234.56'],
    ['de-DE', 2, '€ -12', '-12.00'],
    ['de-DE', 2, ',5', '0.50'],
    ['de-DE', 2, '12,', '12.00'],
    ['de-DE', 2, '12,500', '12.50'],
    ['de-DE', 2, '0', '0.00'],
    ['de-DE', 2, '-0,00', '0.00'],
    ['de-DE', 2, '007', '7.00'],
    // de-DE leniency: a lone dot is the decimal separator when it cannot be a group separator
    ['de-DE', 2, '12.5', '12.50'],
    ['de-DE', 2, '12.50', '12.50'],
    ['de-DE', 2, '1234.5', '1234.50'],
    ['de-DE', 2, '-.5', '-0.50'],
    ['de-DE', 3, '0.125', '0.125'],
    ['de-DE', 2, '1.234', '1234.00'],
    ['de-DE', 2, '12.345', '12345.00'],
    ['en-US', 2, '1,234', '1234.00'],
    ['en-US', 2, '1,234,567.89', '1234567.89'],
    ['en-US', 2, '-$1,234.56', '-1234.56'],
    ['en-US', 2, '$-1,234.56', '-1234.56'],
    ['en-US', 2, '(12.34)', '-12.34'],
    ['en-US', 2, '($1,234.56)', '-1234.56'],
    ['en-US', 2, '( 12.34 USD )', '-12.34'],
    ['en-US', 2, 'US$12', '12.00'],
    ['en-US', 2, '.5', '0.50'],
    // en-US leniency, the mirror image: a lone comma not followed by exactly three digits
    ['en-US', 2, '12,5', '12.50'],
    ['en-US', 2, '12,50', '12.50'],
    ['en-US', 2, '1,23', '1.23'],
    ['en-US', 3, '0,123', '0.123'],
    ['fr-FR', 2, `1${NNBSP}234,56`, '1234.56'],
    ['fr-FR', 2, `1${NBSP}234${NBSP}567,89`, '1234567.89'],
    ['fr-FR', 2, '1 234,56', '1234.56'],
    ['fr-FR', 2, `-1${NNBSP}234,56${NBSP}€`, '-1234.56'],
    ['fr-FR', 2, '12.5', '12.50'],
    ['fr-FR', 2, '1 234.5', '1234.50'],
    ['de-CH', 2, "1'234.56", '1234.56'],
    ['de-CH', 2, '1\u2019234.56', '1234.56'],
    ['de-CH', 2, "CHF-1'234.56", '-1234.56'],
    ['de-CH', 2, "Fr. 1'234.50", '1234.50'],
    ['de-CH', 2, '12,5', '12.50'],
    ['en-IN', 2, '1,23,456.78', '123456.78'],
    ['en-IN', 2, '12,34,567.89', '1234567.89'],
    ['en-IN', 2, '1,234,567.89', '1234567.89'],
    ['en-IN', 2, '₹1,00,000', '100000.00'],
    ['ja-JP', 0, '1,234', '1234'],
    ['ja-JP', 0, '-￥5', '-5'],
    ['ja-JP', 0, '¥1,234', '1234'],
    ['ja-JP', 0, '１，２３４円', '1234'],
    ['ja-JP', 0, '12.000', '12'],
    ['ja-JP', 0, '12,000', '12000'],
    ['ja-JP', 0, '12.0', '12'],
    ['en-US', 3, 'KWD 1,234.567', '1234.567'],
    ['en-US', 3, '-1,234.5', '-1234.500'],
    ['de-DE', 3, '-1.234,567 KWD', '-1234.567'],
    ['sv-SE', 2, `\u22121${NBSP}234,56 kr`, '-1234.56'],
    ['es-ES', 2, '1234,56', '1234.56'],
    ['en-US', 0, '9,007,199,254,740,991', '9007199254740991'],
    ['en-US', 2, '0000000000000000001.5', '1.50'],
  ])('%s (exponent %i) reads %j as %s', (locale, exponent, text, expected) => {
    expect(parseLocaleAmount(text, locale, exponent)).toBe(expected);
  });

  it.skipIf(!hasArabic).each([
    ['ar-EG', 2, '١٬٢٣٤٫٥٦', '1234.56'],
    ['ar-EG', 2, '\u061C-\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666', '-1234.56'],
    ['ar-EG', 2, '\u061C-\u200F١٬٢٣٤٬٥٦٧٫٥٦\u00A0ج.م.\u200F', '-1234567.56'],
    ['ar-EG', 2, '1,234.56', '1234.56'],
    ['ar-EG', 2, '١٢.٥', '12.50'],
    ['ar-KW', 3, '\u061C-\u200F١٬٢٣٤٫٥٦٧\u00A0د.ك.\u200F', '-1234.567'],
    ['fa-IR', 2, '\u200E\u2212۱۲٫۵', '-12.50'],
  ])('%s (exponent %i) reads %j as %s', (locale, exponent, text, expected) => {
    expect(parseLocaleAmount(text, locale, exponent)).toBe(expected);
  });

  it.each([
    // locale, exponent, typed, code
    ['en-US', 2, '', 'INVALID_AMOUNT'],
    ['en-US', 2, '   ', 'INVALID_AMOUNT'],
    ['en-US', 2, 'abc', 'INVALID_AMOUNT'],
    ['en-US', 2, '12abc', 'INVALID_AMOUNT'],
    ['en-US', 2, '1a2', 'INVALID_AMOUNT'],
    ['en-US', 2, '1e5', 'INVALID_AMOUNT'],
    ['en-US', 2, 'NaN', 'INVALID_AMOUNT'],
    ['en-US', 2, '-', 'INVALID_AMOUNT'],
    ['en-US', 2, '.', 'INVALID_AMOUNT'],
    ['en-US', 2, '1.2.3', 'INVALID_AMOUNT'],
    ['en-US', 2, '1,23.45', 'INVALID_AMOUNT'],
    ['en-US', 2, '12,34,567.89', 'INVALID_AMOUNT'],
    ['en-US', 2, '1,2345,678', 'INVALID_AMOUNT'],
    ['en-US', 2, ',123', 'TOO_MANY_DECIMALS'],
    ['en-US', 2, ',', 'INVALID_AMOUNT'],
    ['en-US', 2, '01,234', 'INVALID_AMOUNT'],
    ['en-US', 2, '1,234,', 'INVALID_AMOUNT'],
    ['en-US', 2, '1.234,56', 'INVALID_AMOUNT'],
    ['en-US', 2, '1 234', 'INVALID_AMOUNT'],
    ['en-US', 2, '--12', 'INVALID_AMOUNT'],
    ['en-US', 2, '-12-', 'INVALID_AMOUNT'],
    ['en-US', 2, '-(12)', 'INVALID_AMOUNT'],
    ['en-US', 2, '(12', 'INVALID_AMOUNT'],
    ['en-US', 2, '12)', 'INVALID_AMOUNT'],
    ['en-US', 2, '((12))', 'INVALID_AMOUNT'],
    ['en-US', 2, '$12 USD', 'INVALID_AMOUNT'],
    ['en-US', 2, '12 K', 'INVALID_AMOUNT'],
    ['en-US', 2, '12 ABC', 'INVALID_AMOUNT'],
    ['en-US', 2, '1 - 2', 'INVALID_AMOUNT'],
    ['de-DE', 2, '1,234,56', 'INVALID_AMOUNT'],
    ['de-DE', 2, '1.23,45', 'INVALID_AMOUNT'],
    ['de-DE', 2, '1.234.56', 'INVALID_AMOUNT'],
    ['de-DE', 2, '1,234.56', 'INVALID_AMOUNT'],
    ['de-DE', 2, '12,-', 'INVALID_AMOUNT'],
    ['fr-FR', 2, '1.234', 'INVALID_AMOUNT'],
    ['fr-FR', 2, '1.234,56', 'INVALID_AMOUNT'],
    ['fr-FR', 2, '12 34,5', 'INVALID_AMOUNT'],
    ['de-CH', 2, '1,234', 'INVALID_AMOUNT'],
    ['de-CH', 2, '1.234.567', 'INVALID_AMOUNT'],
    ['en-IN', 2, '1,2,3', 'INVALID_AMOUNT'],
    ['en-IN', 2, '123,45,678', 'INVALID_AMOUNT'],
    ['en-US', 2, '1.234', 'TOO_MANY_DECIMALS'],
    ['de-DE', 2, '12,345', 'TOO_MANY_DECIMALS'],
    ['ja-JP', 0, '12.5', 'TOO_MANY_DECIMALS'],
    ['en-US', 3, '0.1234', 'TOO_MANY_DECIMALS'],
    ['en-US', 2, '12345678901234567', 'AMOUNT_OUT_OF_RANGE'],
    ['de-DE', 2, '12.345.678.901.234.567,00', 'AMOUNT_OUT_OF_RANGE'],
  ])('%s (exponent %i) refuses %j with %s', (locale, exponent, text, code) => {
    expect(caught(() => parseLocaleAmount(text, locale, exponent)).code).toBe(code);
  });

  it.each([
    ['de-DE', 2, '1.234,56'],
    ['en-US', 2, '1,234.56'],
    ['fr-FR', 2, `1${NNBSP}234,56`],
    ['de-CH', 2, "1'234.56"],
    ['ja-JP', 0, '1,234'],
    ['en-US', 3, '1,234.567'],
  ])('in %s (exponent %i) says how to type an amount: %j', (locale, exponent, example) => {
    const error = caught(() => parseLocaleAmount('12x', locale, exponent));
    expect(error.message).toContain(`Type an amount like ${example}.`);
  });

  it('keeps extra fractional zeros out of the way', () => {
    expect(parseLocaleAmount('12,3400', 'de-DE', 2)).toBe('12.34');
    expect(parseLocaleAmount('12.000', 'en-US', 0)).toBe('12');
  });

  it('with a currency, accepts its own code and symbols and refuses another currency', () => {
    expect(parseLocaleAmount('1.234,56 €', 'de-DE', 2, { currency: 'EUR' })).toBe('1234.56');
    expect(parseLocaleAmount('EUR 12', 'de-DE', 2, { currency: 'EUR' })).toBe('12.00');
    expect(parseLocaleAmount('R 12', 'en-ZA', 2, { currency: 'ZAR' })).toBe('12.00');
    expect(parseLocaleAmount('US$12', 'en-US', 2, { currency: 'USD' })).toBe('12.00');
    expect(caught(() => parseLocaleAmount('12 USD', 'de-DE', 2, { currency: 'EUR' })).code).toBe(
      'CURRENCY_MISMATCH',
    );
    expect(caught(() => parseLocaleAmount('$12', 'de-DE', 2, { currency: 'EUR' })).code).toBe(
      'CURRENCY_MISMATCH',
    );
    expect(caught(() => parseLocaleAmount('12 xyz', 'de-DE', 2, { currency: 'EUR' })).code).toBe(
      'INVALID_AMOUNT',
    );
    expect(caught(() => parseLocaleAmount('12', 'de-DE', 2, { currency: 'XXX' })).code).toBe(
      'UNKNOWN_CURRENCY',
    );
  });

  it('refuses an exponent that is not a whole number of digits', () => {
    expect(() => parseLocaleAmount('1', 'en-US', 1.5)).toThrow(RangeError);
    expect(() => parseLocaleAmount('1', 'en-US', -1)).toThrow(RangeError);
  });

  it('answers anything typed with a canonical decimal or a MonetaError, never anything else', () => {
    const alphabet = fc.constantFrom(..."0123456789.,-+()$€ \u00A0\u202F'’−١٫٬aK".split(''));
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 16 }),
        fc.constantFrom('de-DE', 'en-US', 'fr-FR', 'ar-EG'),
        (text, locale) => {
          try {
            const result = parseLocaleAmount(text, locale, 2);
            expect(result).toMatch(/^-?(0|[1-9][0-9]*)\.[0-9]{2}$/);
            expect(result).not.toBe('-0.00');
          } catch (error) {
            expect(error).toBeInstanceOf(MonetaError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('formatLocaleAmount', () => {
  it.each([
    // decimal, locale, options, shown
    ['1234.56', 'de-DE', {}, '1.234,56'],
    ['1234.56', 'en-US', {}, '1,234.56'],
    ['-1234.56', 'de-DE', { currency: 'EUR' }, `-1.234,56${NBSP}€`],
    ['-1234.56', 'en-US', { currency: 'USD' }, '-$1,234.56'],
    ['-1234.56', 'fr-FR', { currency: 'EUR' }, `-1${NNBSP}234,56${NBSP}€`],
    ['-1234.56', 'de-CH', { currency: 'CHF' }, "CHF-1'234.56"],
    ['-1234567.89', 'en-IN', { currency: 'INR' }, '-₹12,34,567.89'],
    ['-5', 'ja-JP', { currency: 'JPY' }, '-￥5'],
    ['-5', 'en-US', { currency: 'JPY' }, '-¥5'],
    ['-1234.567', 'en-US', { currency: 'KWD' }, `-KWD${NBSP}1,234.567`],
    ['1234567.891', 'en-US', { currency: 'KWD', currencyDisplay: 'code' }, `KWD${NBSP}1,234,567.891`],
    ['12', 'en-US', { currency: 'CAD', currencyDisplay: 'narrowSymbol' }, '$12.00'],
    ['1234.56', 'de-DE', { currency: 'USD' }, `1.234,56${NBSP}$`],
    ['12', 'en-US', { currency: 'USD' }, '$12.00'],
    ['12.345', 'en-US', { currency: 'USD' }, '$12.345'],
    ['12.500', 'en-US', { currency: 'USD' }, '$12.50'],
    ['1234.5', 'en-US', {}, '1,234.5'],
    ['1234.50', 'en-US', {}, '1,234.50'],
    ['12.50', 'de-DE', { minimumFractionDigits: 0 }, '12,5'],
    ['12', 'de-DE', { minimumFractionDigits: 3 }, '12,000'],
    ['007.10', 'en-US', {}, '7.10'],
    ['-0.00', 'de-DE', { currency: 'EUR' }, `0,00${NBSP}€`],
    ['0.50', 'en-US', { signDisplay: 'exceptZero' }, '+0.50'],
    ['0.00', 'en-US', { signDisplay: 'exceptZero' }, '0.00'],
    ['0', 'en-US', { currency: 'EUR', signDisplay: 'always' }, '+€0.00'],
    ['-1234.56', 'en-US', { currency: 'EUR', signDisplay: 'always' }, '-€1,234.56'],
    ['-1234.56', 'en-US', { currency: 'EUR', signDisplay: 'exceptZero' }, '-€1,234.56'],
    ['-12.3', 'sv-SE', {}, '\u221212,3'],
    ['1234.56', 'es-ES', {}, '1234,56'],
    ['12345.6', 'es-ES', {}, '12.345,6'],
    ['-1234567.5', 'de-DE', { useGrouping: false }, '-1234567,5'],
    ['-1234567.5', 'en-US', { currency: 'USD', useGrouping: false }, '-$1234567.50'],
    ['-1234567.89', 'ar-EG-u-nu-latn', {}, '\u200E-1,234,567.89'],
    // exact beyond a float's precision: Intl.NumberFormat v3 formats the string, not a Number
    ['90071992547409.91', 'en-US', {}, '90,071,992,547,409.91'],
    ['0.10000000000000001', 'en-US', {}, '0.10000000000000001'],
    ['-123456789012345678901234.5', 'de-DE', {}, '-123.456.789.012.345.678.901.234,5'],
  ] as const)('shows %s in %s %j as %j', (decimal, locale, options, shown) => {
    expect(formatLocaleAmount(decimal, locale, options)).toBe(shown);
  });

  it.skipIf(!hasArabic)('shows ar-EG amounts in Arabic-Indic digits, with direction marks', () => {
    expect(formatLocaleAmount('-1234567.89', 'ar-EG')).toBe('\u061C-١٬٢٣٤٬٥٦٧٫٨٩');
    expect(formatLocaleAmount('-1234567.89', 'ar-EG', { currency: 'EGP' })).toBe(
      '\u061C-\u200F١٬٢٣٤٬٥٦٧٫٨٩\u00A0ج.م.\u200F',
    );
  });

  it.each([['12,5'], ['1e3'], [''], ['-'], ['.5'], ['Infinity'], ['0.123456789012345678901']])(
    'refuses %j, which is not a plain decimal it can show',
    (decimal) => {
      expect(caught(() => formatLocaleAmount(decimal, 'en-US')).code).toBe('INVALID_AMOUNT');
    },
  );

  it('refuses an unknown currency and a nonsensical digit count', () => {
    expect(caught(() => formatLocaleAmount('1', 'en-US', { currency: 'XXX' })).code).toBe('UNKNOWN_CURRENCY');
    expect(() => formatLocaleAmount('1', 'en-US', { minimumFractionDigits: 21 })).toThrow(RangeError);
  });

  it('Node formats decimal strings exactly (Intl.NumberFormat v3)', () => {
    const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });
    expect(format.format('90071992547409.91')).toBe('90,071,992,547,409.91');
    expect(format.format('0.10000000000000001')).toBe('0.10000000000000001');
    expect(format.format(0.10000000000000001)).toBe('0.1');
  });
});

describe('formatByParts (the path for engines without exact string formatting)', () => {
  const decimals = fc
    .tuple(
      fc.boolean(),
      fc.bigInt(0n, 10n ** 24n),
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
    )
    .map(([negative, whole, fraction]) => ({ negative, whole: whole.toString(), fraction }));

  it('agrees with Intl formatting the exact string, in every locale and style', () => {
    fc.assert(
      fc.property(
        decimals,
        fc.constantFrom('de-DE', 'en-US', 'fr-FR', 'de-CH', 'en-IN', 'ja-JP', 'ar-EG', 'sv-SE', 'es-ES'),
        fc.constantFrom(undefined, 'EUR', 'JPY', 'KWD'),
        fc.constantFrom('auto', 'always', 'exceptZero') as fc.Arbitrary<'auto' | 'always' | 'exceptZero'>,
        ({ negative, whole, fraction }, locale, code, signDisplay) => {
          const format = new Intl.NumberFormat(locale, {
            ...(code ? { style: 'currency' as const, currency: code } : {}),
            signDisplay,
            minimumFractionDigits: fraction.length,
            maximumFractionDigits: fraction.length,
          });
          const isZero = !/[1-9]/.test(whole + fraction);
          const exact = `${negative && !isZero ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
          expect(formatByParts(format, negative && !isZero, whole, fraction)).toBe(
            format.format(exact as `${number}`),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('formatMoneyLocale', () => {
  it.each([
    [-123456n, 'EUR', 'de-DE', `-1.234,56${NBSP}€`],
    [-123456n, 'USD', 'en-US', '-$1,234.56'],
    [-5n, 'JPY', 'en-US', '-¥5'],
    [-1234567n, 'KWD', 'en-US', `-KWD${NBSP}1,234.567`],
    [MAX_MINOR, 'USD', 'en-US', '$90,071,992,547,409.91'],
    [0n, 'EUR', 'fr-FR', `0,00${NBSP}€`],
  ])('shows %s minor units of %s in %s as %j', (minor, code, locale, shown) => {
    expect(formatMoneyLocale(money(minor, currency(code)), locale)).toBe(shown);
  });

  it('passes the sign display through', () => {
    expect(formatMoneyLocale(money(1n, currency('USD')), 'en-US', { signDisplay: 'always' })).toBe('+$0.01');
  });
});

describe('round trip: what the formatter shows, the parser reads back exactly', () => {
  const cases: [string, CurrencyCode][] = [
    ['de-DE', currency('EUR')],
    ['en-US', currency('USD')],
    ['fr-FR', currency('EUR')],
    ['de-CH', currency('CHF')],
    ['en-IN', currency('INR')],
    ['ja-JP', currency('JPY')],
    ['en-US', currency('KWD')],
    ['de-DE', currency('KWD')],
    ['es-ES', currency('EUR')],
    ['sv-SE', currency('SEK')],
    ...(hasArabic
      ? ([
          ['ar-EG', currency('EGP')],
          ['ar-KW', currency('KWD')],
        ] as [string, CurrencyCode][])
      : []),
  ];
  const minors = fc.oneof(
    fc.bigInt(-MAX_MINOR, MAX_MINOR),
    fc.bigInt(-100000n, 100000n),
    fc.constantFrom(0n, 1n, -1n, MAX_MINOR, -MAX_MINOR, 1000n, -999n),
  );

  it.each(cases)('%s, %s: plain amounts, grouped or not', (locale, code) => {
    const exponent = exponentOf(code);
    fc.assert(
      fc.property(minors, fc.boolean(), (minor, useGrouping) => {
        const canonical = formatMinor(minor, exponent);
        const shown = formatLocaleAmount(canonical, locale, { useGrouping });
        expect(parseLocaleAmount(shown, locale, exponent)).toBe(canonical);
      }),
      { numRuns: 300 },
    );
  });

  it.each(cases)('%s, %s: money with its currency, in each display and sign style', (locale, code) => {
    const exponent = exponentOf(code);
    fc.assert(
      fc.property(
        minors,
        fc.constantFrom('symbol', 'narrowSymbol', 'code') as fc.Arbitrary<'symbol' | 'narrowSymbol' | 'code'>,
        fc.constantFrom('auto', 'always', 'exceptZero') as fc.Arbitrary<'auto' | 'always' | 'exceptZero'>,
        (minor, currencyDisplay, signDisplay) => {
          const shown = formatMoneyLocale(money(minor, code), locale, { currencyDisplay, signDisplay });
          const parsed = parseLocaleAmount(shown, locale, exponent, { currency: code });
          expect(parsed).toBe(formatMinor(minor, exponent));
          expect(parseMoney(parsed, code).minor).toBe(minor);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('exactness by construction', () => {
  it('locale.ts and the files it is split into never turn an amount into a JS number', () => {
    const files = ['./locale.ts', './locale-rules.ts', './locale-parse.ts', './locale-format.ts'];
    const source = files.map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');
    const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/parseFloat|parseInt|\bNumber\(|Number\.parse|Math\.|toFixed|valueOf/);
    // no unary plus either: `+text` after an operator or an opening bracket
    expect(code).not.toMatch(/[=(,:?!&|]\s*\+(?!\+)\s*[\w(]/);
  });
});
