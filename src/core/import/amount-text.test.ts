import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exponentOf, currency as isoCurrency } from '../money/currency.ts';
import { formatLocaleAmount } from '../money/locale.ts';
import { formatMinor } from '../money/money.ts';
import {
  absDecimal,
  guessSeparators,
  isAmountText,
  negateDecimal,
  parseAmountText,
  sumDecimals,
} from './amount-text.ts';

const POINT = { decimalSeparator: '.', thousandsSeparator: ',' } as const;
const COMMA = { decimalSeparator: ',', thousandsSeparator: '.' } as const;
const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parseAmountText', () => {
  it.each([
    ['12.34', '12.34'],
    ['-12.34', '-12.34'],
    ['+12.34', '12.34'],
    ['1,234.56', '1234.56'],
    ['-1,234,567.89', '-1234567.89'],
    ['1234.56', '1234.56'],
    ['0.125', '0.125'],
    ['2500', '2500'],
    ['007.50', '7.50'],
    ['.5', '0.5'],
    ['-.01', '-0.01'],
    ['12.34-', '-12.34'],
    ['(12.34)', '-12.34'],
    ['($1,234.00)', '-1234.00'],
    ['$(5.00)', '-5.00'],
    ['-$7,971.39', '-7971.39'],
    ['$-7.00', '-7.00'],
    ['$10,000.00', '10000.00'],
    ['US$ 12.00', '12.00'],
    ['£ 4.79', '4.79'],
    ['¥1,200', '1200'],
    ["CHF 1'250.50", '1250.50'],
    ['1’250.50 CHF', '1250.50'],
    ['USD -12.00', '-12.00'],
    ['12.00 usd', '12.00'],
    ['12.34 CR', '12.34'],
    ['12.34 DR', '-12.34'],
    ['12.34DR', '-12.34'],
    ['−12.34', '-12.34'],
    ['  -0.00 ', '0.00'],
    ['-0', '0'],
  ])('reads %j with a decimal point as %s', (text, expected) => {
    expect(parseAmountText(text, POINT)).toBe(expected);
  });

  it.each([
    ['12,34', '12.34'],
    ['-1.234,56', '-1234.56'],
    ['1234,56', '1234.56'],
    ['-,01', '-0.01'],
    [',5', '0.5'],
    ['+30,99', '30.99'],
    ['1.234.567,8', '1234567.8'],
    ['1.234', '1234'],
    ['-4320,4', '-4320.4'],
    ['82 604,01', '82604.01'],
    [`-17${NBSP}351,00`, '-17351.00'],
    [`1${NNBSP}234,56 €`, '1234.56'],
    ['1 234,56 руб.', '1234.56'],
    ['-12,50 €', '-12.50'],
    ['€ -12,50', '-12.50'],
    ['EUR 5.000,00-', '-5000.00'],
    ['1.234,56-', '-1234.56'],
    ['12,00 kr', '12.00'],
    ['99,99 zł', '99.99'],
    ["1'250,50", '1250.50'],
    ['0,00', '0.00'],
  ])('reads %j with a decimal comma as %s', (text, expected) => {
    expect(parseAmountText(text, COMMA)).toBe(expected);
  });

  it.each([
    ['', POINT],
    ['   ', POINT],
    ['abc', POINT],
    ['-', POINT],
    ['()', POINT],
    ['12,50', POINT], // a comma-decimal amount in a point-decimal file: refused, not read as 1250
    ['1,23', POINT],
    ['1.2.3', POINT],
    ['1.234.56', POINT],
    ['1,234 567.00', POINT], // two kinds of grouping
    ['--12', POINT],
    ['-12-', POINT],
    ['(-12)', POINT],
    ['1.5E3', POINT],
    ['12 apples', POINT],
    ['Rent 500', POINT],
    ['VWZ1', POINT],
    ['12,34,56', COMMA],
    ['1.23,45', COMMA],
    ['31.12.2018', COMMA],
    ['2019-07-07', POINT],
    [`${'9'.repeat(80)}`, POINT],
  ])('refuses %j', (text, separators) => {
    expect(parseAmountText(text, separators)).toBeNull();
  });

  it('never writes a negative zero', () => {
    expect(parseAmountText('(0.00)', POINT)).toBe('0.00');
    expect(parseAmountText('0,00-', COMMA)).toBe('0.00');
  });

  it('isAmountText accepts either decimal separator', () => {
    expect(isAmountText('12,50')).toBe(true);
    expect(isAmountText('12.50')).toBe(true);
    expect(isAmountText('Total')).toBe(false);
  });

  // The same exact decimal back from what every locale writes: symbols, codes, minus signs, spaces.
  it('reads back every amount as locales format it (property)', () => {
    const locales = [
      'en-US',
      'en-GB',
      'de-DE',
      'de-CH',
      'fr-FR',
      'fr-CH',
      'nl-NL',
      'es-ES',
      'it-IT',
      'pt-BR',
      'ru-RU',
      'sv-SE',
      'pl-PL',
      'ja-JP',
    ];
    fc.assert(
      fc.property(
        fc.bigInt(-(10n ** 13n), 10n ** 13n),
        fc.constantFrom(...locales),
        fc.constantFrom('EUR', 'USD', 'CHF', 'GBP', 'JPY', 'KWD', 'RUB', 'SEK', 'PLN', null),
        fc.constantFrom('symbol', 'narrowSymbol', 'code') as fc.Arbitrary<'symbol' | 'narrowSymbol' | 'code'>,
        fc.constantFrom('auto', 'always', 'exceptZero') as fc.Arbitrary<'auto' | 'always' | 'exceptZero'>,
        fc.boolean(),
        (minor, locale, code, currencyDisplay, signDisplay, useGrouping) => {
          const exponent = code ? exponentOf(isoCurrency(code)) : 2;
          const decimal = formatMinor(minor, exponent);
          const options = { ...(code ? { currency: code, currencyDisplay } : {}), signDisplay, useGrouping };
          const written = formatLocaleAmount(decimal, locale, options);
          // The separator the locale writes in this style (fr-CH writes "0.00 €" but "0,5" for numbers).
          const sample = formatLocaleAmount('1.125', locale, { ...options, minimumFractionDigits: 3 });
          const decimalSeparator = sample.includes(',125') ? ',' : '.';
          const read = parseAmountText(written, { decimalSeparator, thousandsSeparator: '' });
          expect(read, `${locale} wrote ${JSON.stringify(written)}`).toBe(decimal);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('guessSeparators', () => {
  it.each([
    [['1.234,56', '12,00'], ',', '.'],
    [['1,234.56', '12.00'], '.', ','],
    [['-12,5', '300'], ',', ''],
    [['-,01', '-3100', '1000'], ',', ''],
    [['12.34', '-0.42'], '.', ''],
    [['1,280.8', '-55', '4,884'], '.', ','],
    [['1.234.567'], ',', '.'],
    [['82 604,01', '-2 426,96'], ',', ' '],
    [["11'373.94", '240.00'], '.', "'"],
    [['$7,971.39', '-$50.50'], '.', ','],
    [['0,125'], ',', ''],
  ] as const)('reads %j with decimal %j and thousands %j', (samples, decimal, thousands) => {
    const guess = guessSeparators(samples);
    expect(guess.decimalSeparator).toBe(decimal);
    expect(guess.thousandsSeparator).toBe(thousands);
    expect(guess.decided).toBe(true);
  });

  it('falls back to the preferred separator when no sample tells them apart', () => {
    expect(guessSeparators(['12', '1,234'])).toMatchObject({ decimalSeparator: '.', decided: false });
    expect(guessSeparators(['12', '1.234'], { prefer: ',' })).toMatchObject({
      decimalSeparator: ',',
      decided: false,
    });
    expect(guessSeparators([])).toMatchObject({
      decimalSeparator: '.',
      thousandsSeparator: '',
      decided: false,
    });
  });

  it('chooses the separator that reads the most samples when they disagree', () => {
    expect(guessSeparators(['1,50', '2,75', '3.10']).decimalSeparator).toBe(',');
  });

  it('ignores cells that are no amounts', () => {
    expect(guessSeparators(['n/a', '12,50', 'Total']).decimalSeparator).toBe(',');
  });
});

describe('exact decimal arithmetic', () => {
  it('sums decimals of different scales exactly', () => {
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['1.5', '-0.25'])).toBe('1.25');
    expect(sumDecimals(['-4320.4', '-3100', '-0.01'])).toBe('-7420.41');
    expect(sumDecimals(['1', '-1.00'])).toBe('0.00');
    expect(sumDecimals([])).toBe('0');
    expect(sumDecimals(['9007199254740993.01', '1'])).toBe('9007199254740994.01');
  });

  it('negates and takes absolute values without a negative zero', () => {
    expect(negateDecimal('12.5')).toBe('-12.5');
    expect(negateDecimal('-12.5')).toBe('12.5');
    expect(negateDecimal('0.00')).toBe('0.00');
    expect(absDecimal('-3')).toBe('3');
    expect(absDecimal('3')).toBe('3');
  });
});
