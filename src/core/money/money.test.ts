import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import type { ErrorCode } from '../errors.ts';
import { allCurrencies, type CurrencyCode, currency, exponentOf } from './currency.ts';
import {
  add,
  equals,
  formatMinor,
  formatMoney,
  isZero,
  MAX_MINOR,
  type Money,
  money,
  negate,
  parseMoney,
  sign,
  subtract,
  sum,
  zero,
} from './money.ts';

function codeOf(run: () => unknown): ErrorCode {
  return caught(run).code;
}

const USD = currency('USD');
const EUR = currency('EUR');
const JPY = currency('JPY');
const KWD = currency('KWD');
const m = (minor: bigint, code: CurrencyCode = USD): Money => money(minor, code);

const CURRENCIES = allCurrencies();
const inRange = fc.bigInt(-MAX_MINOR, MAX_MINOR);

describe('parseMoney', () => {
  it.each([
    // code, text, minor units
    ['USD', '12.34', 1234n],
    ['USD', '-12.34', -1234n],
    ['EUR', '1000', 100000n],
    ['EUR', '-0.01', -1n],
    ['GBP', '0.5', 50n],
    ['GBP', '+7.25', 725n],
    ['CHF', '0.05', 5n],
    ['CHF', '19.99', 1999n],
    ['JPY', '1000', 1000n],
    ['JPY', '-5', -5n],
    ['JPY', '12.0', 12n],
    ['JPY', '12.000', 12n],
    ['KWD', '1.234', 1234n],
    ['KWD', '0.5', 500n],
    ['KWD', '-0.001', -1n],
    ['CAD', '1000.00', 100000n],
    ['AUD', '0.10', 10n],
    ['SEK', '99.99', 9999n],
    ['NOK', '-0.01', -1n],
    ['PLN', '123.4', 12340n],
    ['CZK', '007.50', 750n],
    ['INR', '100000.00', 10000000n],
    ['CNY', '8.88', 888n],
    ['BRL', '-1234567.89', -123456789n],
    ['CLF', '0.0001', 1n],
    // zeros, signs and padding
    ['USD', '0', 0n],
    ['USD', '-0', 0n],
    ['USD', '+0.00', 0n],
    ['USD', '00', 0n],
    ['USD', '000123.45', 12345n],
    ['USD', '-00.07', -7n],
    ['USD', `${'0'.repeat(30)}1`, 100n],
    ['JPY', `-${'0'.repeat(30)}9007199254740991`, -MAX_MINOR],
    // extra decimals that are zeros are accepted (docs/decisions.md)
    ['USD', '1.230', 123n],
    ['EUR', '1.000', 100n],
    ['USD', '1.2300000000', 123n],
    ['USD', '5.000000000000000000000000000000', 500n],
    // bounds
    ['USD', '90071992547409.91', MAX_MINOR],
    ['USD', '-90071992547409.91', -MAX_MINOR],
    ['JPY', '9007199254740991', MAX_MINOR],
    ['KWD', '9007199254740.991', MAX_MINOR],
  ])('%s %j is %i minor units', (code, text, minor) => {
    const parsed = parseMoney(text, currency(code));
    expect(parsed).toEqual({ minor, currency: code });
  });

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
  ])('%s: one major unit is 10^%i minor units, one digit more is refused', (code, exponent) => {
    const c = currency(code);
    expect(parseMoney('1', c).minor).toBe(10n ** BigInt(exponent));
    const smallest = exponent === 0 ? '1' : `0.${'0'.repeat(exponent - 1)}1`;
    expect(parseMoney(smallest, c).minor).toBe(1n);
    expect(parseMoney(`-${smallest}`, c).minor).toBe(-1n);
    const tooFine = `0.${'0'.repeat(exponent)}1`;
    expect(codeOf(() => parseMoney(tooFine, c))).toBe('TOO_MANY_DECIMALS');
  });

  it.each([
    ['USD', '1.234'],
    ['USD', '0.001'],
    ['USD', '-0.005'],
    ['EUR', '1.2301'],
    ['EUR', '1.001'],
    ['JPY', '12.5'],
    ['JPY', '0.1'],
    ['KWD', '1.2345'],
    ['CLF', '0.00001'],
  ])('%s %j has too many decimals', (code, text) => {
    expect(codeOf(() => parseMoney(text, currency(code)))).toBe('TOO_MANY_DECIMALS');
  });

  it.each([
    '1e3',
    '1E3',
    '1.5e2',
    '1,000.00',
    '12,34',
    '1 000',
    '1_000',
    ' 1',
    '1 ',
    '\t1',
    '1\n',
    '\n1',
    '',
    '.',
    '1.',
    '.5',
    '-.5',
    '--1',
    '+-1',
    '-+1',
    '-',
    '+',
    '1.2.3',
    '1-',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '0b1',
    '$5',
    '5 USD',
    '€5',
    'five',
    '١٢٣', // Arabic-Indic digits
    '１２', // full-width digits
  ])('%j is not an amount', (text) => {
    const error = caught(() => parseMoney(text, USD));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.fieldErrors).toEqual([]);
  });

  it('does not echo an endless input in its message', () => {
    const error = caught(() => parseMoney(`x${'9'.repeat(10_000)}`, USD));
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.message.length).toBeLessThan(200);
  });

  it.each([
    ['USD', '90071992547409.92'],
    ['USD', '-90071992547409.92'],
    ['USD', '90071992547410'],
    ['JPY', '9007199254740992'],
    ['JPY', '-9007199254740992'],
    ['KWD', '9007199254740.992'],
    ['EUR', '99999999999999999999'],
    ['EUR', '999999999999999999999'],
    ['EUR', `1${'0'.repeat(400)}`],
    ['EUR', `-1${'0'.repeat(400)}.00`],
  ])('%s %j is out of range', (code, text) => {
    expect(codeOf(() => parseMoney(text, currency(code)))).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it.each([
    // Number(text) * 10^exponent is wrong for these: the parse must stay in integers.
    ['USD', '0.29', 29n],
    ['USD', '4.35', 435n],
    ['USD', '1.15', 115n],
    ['USD', '19.99', 1999n],
    ['USD', '0.07', 7n],
    ['USD', '90071992547409.90', 9007199254740990n],
    ['USD', '90071992547409.87', 9007199254740987n],
    ['USD', '90071992547409.85', 9007199254740985n],
    ['USD', '-90071992547409.82', -9007199254740982n],
    ['KWD', '9007199254740.990', 9007199254740990n],
  ])('%s %j is exactly %i minor units, never via a float', (code, text, minor) => {
    expect(parseMoney(text, currency(code)).minor).toBe(minor);
  });

  it('the float traps above really are traps for a float parser', () => {
    expect(Number('0.29') * 100).not.toBe(29);
    expect(Math.round(Number('90071992547409.90') * 100)).not.toBe(9007199254740990);
  });
});

describe('formatMoney', () => {
  it.each([
    [-5n, 'USD', '-0.05'],
    [5n, 'USD', '0.05'],
    [0n, 'USD', '0.00'],
    [-0n, 'USD', '0.00'],
    [12345n, 'EUR', '123.45'],
    [-123456789n, 'BRL', '-1234567.89'],
    [100000n, 'EUR', '1000.00'],
    [-5n, 'JPY', '-5'],
    [0n, 'JPY', '0'],
    [1000n, 'KWD', '1.000'],
    [250n, 'KWD', '0.250'],
    [-1n, 'KWD', '-0.001'],
    [1n, 'CLF', '0.0001'],
    [MAX_MINOR, 'USD', '90071992547409.91'],
    [-MAX_MINOR, 'USD', '-90071992547409.91'],
    [MAX_MINOR, 'JPY', '9007199254740991'],
    [-MAX_MINOR, 'KWD', '-9007199254740.991'],
  ])('%i minor units of %s read %j', (minor, code, text) => {
    expect(formatMoney(money(minor, currency(code)))).toBe(text);
  });

  it.each([
    [0n, 0, '0'],
    [7n, 0, '7'],
    [-123n, 4, '-0.0123'],
    [123n, 1, '12.3'],
    [10n ** 30n, 2, `1${'0'.repeat(28)}.00`],
  ])('formatMinor(%i, %i) is %j', (minor, exponent, text) => {
    expect(formatMinor(minor, exponent)).toBe(text);
  });
});

describe('money and its range', () => {
  it.each([MAX_MINOR, -MAX_MINOR, 0n, 1n, -1n])('holds %i', (minor) => {
    expect(money(minor, EUR)).toEqual({ minor, currency: EUR });
  });

  it.each([MAX_MINOR + 1n, -MAX_MINOR - 1n, 2n ** 63n, -(2n ** 64n)])('refuses %i', (minor) => {
    expect(codeOf(() => money(minor, EUR))).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it('MAX_MINOR is the largest safe integer', () => {
    expect(MAX_MINOR).toBe(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it('zero, isZero, sign, negate and equals', () => {
    expect(zero(JPY)).toEqual({ minor: 0n, currency: JPY });
    expect(isZero(zero(EUR))).toBe(true);
    expect(isZero(m(1n))).toBe(false);
    expect([sign(m(-3n)), sign(m(0n)), sign(m(3n))]).toEqual([-1, 0, 1]);
    expect(negate(m(-MAX_MINOR))).toEqual(m(MAX_MINOR));
    expect(negate(m(0n)).minor).toBe(0n);
    expect(equals(m(1n, EUR), m(1n, EUR))).toBe(true);
    expect(equals(m(1n, EUR), m(1n, USD))).toBe(false);
    expect(equals(m(1n, EUR), m(2n, EUR))).toBe(false);
  });
});

describe('arithmetic', () => {
  it.each([
    ['add', () => add(m(MAX_MINOR), m(1n))],
    ['add negative', () => add(m(-MAX_MINOR), m(-1n))],
    ['add two halves and a bit', () => add(m(MAX_MINOR / 2n + 1n), m(MAX_MINOR / 2n + 1n))],
    ['subtract', () => subtract(m(-MAX_MINOR), m(1n))],
    ['subtract a negative', () => subtract(m(MAX_MINOR), m(-1n))],
    ['sum of two maxima', () => sum([m(MAX_MINOR), m(MAX_MINOR)], USD)],
    [
      'sum of many',
      () =>
        sum(
          Array.from({ length: 11 }, () => m(MAX_MINOR / 10n)),
          USD,
        ),
    ],
    ['sum of negatives', () => sum([m(-MAX_MINOR), m(-1n)], USD)],
  ])('%s beyond MAX_MINOR is AMOUNT_OUT_OF_RANGE', (_name, run) => {
    expect(codeOf(run)).toBe('AMOUNT_OUT_OF_RANGE');
  });

  it('adds and subtracts up to the bound', () => {
    expect(add(m(MAX_MINOR - 1n), m(1n))).toEqual(m(MAX_MINOR));
    expect(subtract(m(-MAX_MINOR + 1n), m(1n))).toEqual(m(-MAX_MINOR));
    expect(add(m(MAX_MINOR), m(-MAX_MINOR))).toEqual(m(0n));
    expect(subtract(parseMoney('10.00', EUR), parseMoney('0.01', EUR))).toEqual(parseMoney('9.99', EUR));
  });

  it('sums exactly, letting intermediate sums exceed the bound when the total fits', () => {
    expect(sum([], EUR)).toEqual(zero(EUR));
    expect(sum([m(MAX_MINOR), m(MAX_MINOR), m(-MAX_MINOR)], USD)).toEqual(m(MAX_MINOR));
    const tenCents = Array.from({ length: 10 }, () => parseMoney('0.10', EUR));
    expect(sum(tenCents, EUR)).toEqual(parseMoney('1.00', EUR));
    expect(sum(new Set([m(1n, JPY), m(2n, JPY)]), JPY)).toEqual(m(3n, JPY));
  });

  it.each([
    ['add', () => add(m(1n, EUR), m(1n, USD))],
    ['subtract', () => subtract(m(1n, USD), m(1n, EUR))],
    ['sum of mixed', () => sum([m(1n, EUR), m(1n, USD)], EUR)],
    ['sum into another currency', () => sum([m(1n, EUR)], USD)],
    ['JPY and KWD', () => add(m(1n, JPY), m(1n, KWD))],
  ])('%s across currencies is CURRENCY_MISMATCH', (_name, run) => {
    expect(codeOf(run)).toBe('CURRENCY_MISMATCH');
  });
});

describe('properties', () => {
  const anyCurrency = fc.constantFrom(...CURRENCIES);

  it('format then parse gives back the same money, for every currency', () => {
    fc.assert(
      fc.property(anyCurrency, inRange, (code, minor) => {
        const value = money(minor, code);
        expect(parseMoney(formatMoney(value), code)).toEqual(value);
      }),
      { numRuns: 500 },
    );
  });

  /** A canonical amount written digit by digit, independently of formatMinor. */
  const canonical = anyCurrency.chain((code) => {
    const exponent = exponentOf(code);
    return fc
      .record({
        negative: fc.boolean(),
        whole: fc.oneof(
          fc.constant('0'),
          fc
            .tuple(
              fc.integer({ min: 1, max: 9 }),
              fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 12 }),
            )
            .map(([first, rest]) => `${first}${rest}`),
        ),
        fraction: fc.string({
          unit: fc.constantFrom(...'0123456789'),
          minLength: exponent,
          maxLength: exponent,
        }),
      })
      .map(({ negative, whole, fraction }) => {
        const unsigned = exponent === 0 ? whole : `${whole}.${fraction}`;
        const isZeroText = /^[0.]+$/.test(unsigned);
        return { code, text: `${negative && !isZeroText ? '-' : ''}${unsigned}`, digits: whole + fraction };
      })
      .filter(({ digits }) => BigInt(digits) <= MAX_MINOR);
  });

  it('parse then format of a canonical string gives back the string', () => {
    fc.assert(
      fc.property(canonical, ({ code, text }) => {
        expect(formatMoney(parseMoney(text, code))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('parses to exactly the integer its digits spell, however close to the bound', () => {
    const nearBound = fc.oneof(fc.bigInt(2n ** 50n, MAX_MINOR), fc.bigInt(-MAX_MINOR, -(2n ** 50n)), inRange);
    fc.assert(
      fc.property(anyCurrency, nearBound, (code, minor) => {
        const exponent = exponentOf(code);
        const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, '0');
        const point = digits.length - exponent;
        const text = `${minor < 0n ? '-' : ''}${digits.slice(0, point)}${exponent ? '.' : ''}${digits.slice(point)}`;
        expect(parseMoney(text, code).minor).toBe(minor);
      }),
      { numRuns: 500 },
    );
  });

  it('non-canonical spellings (plus sign, leading and trailing zeros) parse to the canonical amount', () => {
    fc.assert(
      fc.property(
        canonical,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        fc.boolean(),
        ({ code, text }, leading, trailing, plus) => {
          const negative = text.startsWith('-');
          const unsigned = negative ? text.slice(1) : text;
          const padded = `${'0'.repeat(leading)}${unsigned}${trailing > 0 ? (unsigned.includes('.') ? '' : '.') + '0'.repeat(trailing) : ''}`;
          const variant = `${negative ? '-' : plus ? '+' : ''}${padded}`;
          expect(formatMoney(parseMoney(variant, code))).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never accepts a string with non-zero digits beyond the exponent', () => {
    fc.assert(
      fc.property(canonical, fc.integer({ min: 1, max: 9 }), ({ code, text }, digit) => {
        const extended = `${text}${exponentOf(code) === 0 ? '.' : ''}${digit}`;
        expect(codeOf(() => parseMoney(extended, code))).toBe('TOO_MANY_DECIMALS');
      }),
      { numRuns: 200 },
    );
  });

  it('rejects every string that is not a plain decimal, without throwing anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 })),
        (text) => {
          fc.pre(!/^[+-]?\d+(\.\d+)?$/.test(text));
          expect(codeOf(() => parseMoney(text, USD))).toBe('INVALID_AMOUNT');
        },
      ),
      { numRuns: 300 },
    );
  });

  const third = MAX_MINOR / 3n;
  const small = fc.bigInt(-third, third).map((minor) => m(minor, EUR));

  it('addition is commutative and associative within the range', () => {
    fc.assert(
      fc.property(small, small, small, (a, b, c) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(add(add(a, b), c)).toEqual(add(a, add(b, c)));
        expect(sum([a, b, c], EUR)).toEqual(add(add(a, b), c));
        expect(add(a, zero(EUR))).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('add fails exactly when the true sum leaves the range, and agrees with subtract and negate', () => {
    fc.assert(
      fc.property(inRange, inRange, (x, y) => {
        const a = m(x);
        const b = m(y);
        const exact = x + y;
        if (exact > MAX_MINOR || exact < -MAX_MINOR) {
          expect(codeOf(() => add(a, b))).toBe('AMOUNT_OUT_OF_RANGE');
          expect(codeOf(() => add(b, a))).toBe('AMOUNT_OUT_OF_RANGE');
        } else {
          expect(add(a, b).minor).toBe(exact);
          expect(add(a, b)).toEqual(subtract(a, negate(b)));
          expect(subtract(add(a, b), b)).toEqual(a);
        }
        expect(negate(negate(a))).toEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('a sum does not depend on the order of its terms', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt(-(10n ** 15n), 10n ** 15n), { maxLength: 30 }), (minors) => {
        const values = minors.map((minor) => m(minor));
        const total = minors.reduce((acc, minor) => acc + minor, 0n);
        fc.pre(total <= MAX_MINOR && total >= -MAX_MINOR);
        expect(sum(values, USD).minor).toBe(total);
        expect(sum([...values].reverse(), USD)).toEqual(sum(values, USD));
      }),
      { numRuns: 300 },
    );
  });
});
