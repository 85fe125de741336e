import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import { formatDecimal, MAX_DIGITS, parseDecimal, roundDecimal } from './decimal.ts';

const digit = fc.constantFrom(...'0123456789');

describe('parseDecimal and formatDecimal', () => {
  it.each([
    ['0.00000001', '0.00000001'],
    ['-12.5', '-12.5'],
    ['3', '3'],
    ['0', '0'],
    ['-0', '0'],
    ['+3', '3'],
    ['+0.000001', '0.000001'],
    ['+0', '0'],
    ['007', '7'],
    ['1.50', '1.5'],
    ['0.10', '0.1'],
    ['-0.000', '0'],
    ['1000', '1000'],
    ['1000000000000000000000', '1000000000000000000000'],
    ['123456789012345678901234567890', '123456789012345678901234567890'],
    ['-123456789012345678901234567890', '-123456789012345678901234567890'],
    ['123456789012345.123456789012345', '123456789012345.123456789012345'],
    ['0.000000000000000000000000000001', '0.000000000000000000000000000001'],
    ['0.000000000000000001', '0.000000000000000001'], // one wei in ether
    ['21000000.00000000', '21000000'],
    [`1${'0'.repeat(MAX_DIGITS - 1)}`, `1${'0'.repeat(MAX_DIGITS - 1)}`],
  ])('%j reads as %j', (text, formatted) => {
    expect(formatDecimal(parseDecimal(text))).toBe(formatted);
  });

  it.each([
    '1e3',
    '1E3',
    '1e-7',
    '',
    '.',
    '1.',
    '.5',
    '-.5',
    '--1',
    '+-1',
    'NaN',
    'Infinity',
    '-Infinity',
    ' 1',
    '1 ',
    '1\n',
    '1,5',
    '1_000',
    '0x1',
    '1.2.3',
    'abc',
    '١',
  ])('%j is not a decimal', (text) => {
    expect(caught(() => parseDecimal(text)).code).toBe('INVALID_AMOUNT');
  });

  it.each([`1${'0'.repeat(MAX_DIGITS)}`, `0.${'0'.repeat(MAX_DIGITS)}1`, `-${'9'.repeat(MAX_DIGITS + 1)}`])(
    '%j has too many digits',
    (text) => {
      expect(caught(() => parseDecimal(text)).code).toBe('AMOUNT_OUT_OF_RANGE');
    },
  );

  it('refuses JS numbers, and a parsed quantity refuses them too', () => {
    expect(() => parseDecimal(0.1 as unknown as string)).toThrow();
    expect(() => parseDecimal(Number.NaN as unknown as string)).toThrow();
    expect(() => parseDecimal('1').plus(0.1 as never)).toThrow();
    expect(() => Number(parseDecimal('1'))).toThrow();
  });

  it('computes exactly', () => {
    expect(formatDecimal(parseDecimal('0.1').plus(parseDecimal('0.2')))).toBe('0.3');
    expect(formatDecimal(parseDecimal('0.00000001').times(parseDecimal('100000000')))).toBe('1');
    expect(formatDecimal(parseDecimal('123456789012345678901234567890').plus(parseDecimal('1')))).toBe(
      '123456789012345678901234567891',
    );
  });

  it('divides to 30 decimal places', () => {
    expect(formatDecimal(parseDecimal('1').div(parseDecimal('3')))).toBe(`0.${'3'.repeat(30)}`);
    expect(formatDecimal(parseDecimal('2').div(parseDecimal('3')))).toBe(`0.${'6'.repeat(29)}7`);
  });
});

describe('roundDecimal', () => {
  it.each([
    ['2.5', 0, '2'],
    ['3.5', 0, '4'],
    ['-2.5', 0, '-2'],
    ['-3.5', 0, '-4'],
    ['1.005', 2, '1'],
    ['1.015', 2, '1.02'],
    ['1.025', 2, '1.02'],
    ['1.0251', 2, '1.03'],
    ['0.123456789', 4, '0.1235'],
    ['12.5', 3, '12.5'],
  ])('%s to %i places is %s (half to even)', (text, places, rounded) => {
    expect(formatDecimal(roundDecimal(parseDecimal(text), places))).toBe(rounded);
  });
});

describe('properties', () => {
  /** A canonical quantity: no sign on zero, no leading zeros, no trailing fractional zeros. */
  const canonical = fc
    .record({
      negative: fc.boolean(),
      whole: fc.oneof(
        fc.constant('0'),
        fc
          .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: digit, maxLength: 18 }))
          .map(([first, rest]) => `${first}${rest}`),
      ),
      fraction: fc.oneof(
        fc.constant(''),
        fc
          .tuple(fc.string({ unit: digit, maxLength: 18 }), fc.integer({ min: 1, max: 9 }))
          .map(([rest, last]) => `${rest}${last}`),
      ),
    })
    .map(({ negative, whole, fraction }) => {
      const unsigned = fraction ? `${whole}.${fraction}` : whole;
      return unsigned === '0' || !negative ? unsigned : `-${unsigned}`;
    });

  it('format after parse gives back a canonical quantity', () => {
    fc.assert(
      fc.property(canonical, (text) => {
        expect(formatDecimal(parseDecimal(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('a plus sign, leading zeros and trailing zeros do not change the quantity', () => {
    fc.assert(
      fc.property(canonical, fc.nat(4), fc.nat(4), (text, leading, trailing) => {
        fc.pre(!text.startsWith('-'));
        const padded = `+${'0'.repeat(leading)}${text}${trailing ? (text.includes('.') ? '' : '.') + '0'.repeat(trailing) : ''}`;
        expect(formatDecimal(parseDecimal(padded))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('adding then subtracting the same quantity is exact', () => {
    fc.assert(
      fc.property(canonical, canonical, (a, b) => {
        const x = parseDecimal(a);
        const y = parseDecimal(b);
        expect(formatDecimal(x.plus(y).minus(y))).toBe(a);
      }),
      { numRuns: 300 },
    );
  });
});
