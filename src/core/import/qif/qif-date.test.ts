import { describe, expect, it } from 'vitest';
import { inferDateOrder, qifIsoDate, splitQifDate } from './qif-date.ts';

function read(text: string, order: 'MDY' | 'DMY' = 'MDY'): string | null {
  const parts = splitQifDate(text);
  return parts && qifIsoDate(parts, order);
}

describe('QIF dates', () => {
  it.each([
    ['12/25/2001', '2001-12-25'],
    ['12/25/01', '2001-12-25'],
    ["12/25'01", '2001-12-25'],
    ["1/ 5'98", '1998-01-05'],
    ["8/31' 0", '2000-08-31'],
    ["6/ 1' 0", '2000-06-01'],
    ["2/10'2020", '2020-02-10'],
    [' 1/12/2013 ', '2013-01-12'],
    ['12.25.01', '2001-12-25'],
    ['12-25-2001', '2001-12-25'],
    ['10/11/97', '1997-10-11'],
    ['1/1/68', '2068-01-01'],
    ['1/1/69', '1969-01-01'],
    ['03/25/099', '1999-03-25'],
    ['03/25/100', '2000-03-25'],
    ['2001-12-25', '2001-12-25'],
    ['2/29/2024', '2024-02-29'],
  ])('%j reads month first as %j', (text, iso) => {
    expect(read(text)).toBe(iso);
  });

  it.each([
    ['23/10/2013', '2013-10-23'],
    ['1/12/2013', '2013-12-01'],
    ['25.12.21', '2021-12-25'],
    ['2001-12-25', '2001-12-25'],
  ])('%j reads day first as %j', (text, iso) => {
    expect(read(text, 'DMY')).toBe(iso);
  });

  it.each([
    '',
    'yesterday',
    '12/25',
    '2/30/2024',
    '13/13/2013',
    '123/1/2001',
    '2001-12-2001',
    'Dec 25, 2001',
  ])('%j is no date', (text) => {
    expect(read(text)).toBeNull();
  });

  it('keeps text glued after a date apart', () => {
    expect(splitQifDate('03/25/099Share Withdrawal')).toEqual({
      first: 3,
      second: 25,
      year: 1999,
      yearFirst: false,
      trailing: 'Share Withdrawal',
    });
  });
});

describe('inferDateOrder', () => {
  const infer = (...texts: string[]) =>
    inferDateOrder(texts.map((text) => ({ text, parts: splitQifDate(text)! })));

  it('lets one date with a day above 12 settle the whole file', () => {
    expect(infer('11/10/2013', '23/10/2013', '1/2/2013')).toMatchObject({ order: 'DMY', ambiguous: false });
    expect(infer('11/10/2013', '2/14/2020')).toMatchObject({ order: 'MDY', ambiguous: false });
  });

  it('is ambiguous when both orders fit and give different days', () => {
    expect(infer('1/12/2013', '3/4/2013')).toEqual({
      order: 'MDY',
      ambiguous: true,
      example: { text: '1/12/2013', mdy: '2013-01-12', dmy: '2013-12-01' },
    });
  });

  it('is not ambiguous when both orders give the same days', () => {
    expect(infer('1/1/2013', '5/5/2013', '2013-04-03')).toMatchObject({ order: 'MDY', ambiguous: false });
    expect(infer()).toMatchObject({ order: 'MDY', ambiguous: false });
  });

  it('follows the majority when dates contradict each other', () => {
    expect(infer('23/10/2013', '24/10/2013', '2/14/2013')).toMatchObject({ order: 'DMY', ambiguous: false });
  });
});
