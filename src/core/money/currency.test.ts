import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { allCurrencies, currency, exponentOf, isCurrencyCode } from './currency.ts';

describe('currency', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['CAD', 2],
    ['AUD', 2],
    ['SEK', 2],
    ['NOK', 2],
    ['PLN', 2],
    ['CZK', 2],
    ['INR', 2],
    ['CNY', 2],
    ['BRL', 2],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['BHD', 3],
    ['TND', 3],
    ['CLF', 4],
    ['ZWG', 2],
    ['AED', 2],
  ])('%s has %i minor-unit digits', (code, exponent) => {
    expect(isCurrencyCode(code)).toBe(true);
    expect(exponentOf(currency(code))).toBe(exponent);
  });

  it.each([
    'EURO',
    'eur',
    'Eur',
    'XXX',
    'XAU',
    'BTC',
    '',
    ' EUR',
    'EUR ',
    'US',
    '€',
    'constructor',
    '__proto__',
  ])('refuses %j with UNKNOWN_CURRENCY', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    const error = caught(() => currency(code));
    expect(error.code).toBe('UNKNOWN_CURRENCY');
    expect(error.fieldErrors).toEqual([]);
  });

  it('returns the code it was given', () => {
    expect(currency('EUR')).toBe('EUR');
  });

  it('lists every currency once, sorted, as three capital letters with a known exponent', () => {
    const codes = allCurrencies();
    expect(codes.length).toBeGreaterThan(150);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(exponentOf(code));
    }
  });

  it('gives a fresh list each time', () => {
    const codes = allCurrencies();
    codes.pop();
    expect(allCurrencies().length).toBe(codes.length + 1);
  });
});
