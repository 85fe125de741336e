import { describe, expect, it } from 'vitest';
import { DATE_FORMATS, type DateFormat } from '../types.ts';
import { anyDateFormat, looksLikeDate, parseDateAs, resolveDateFormat } from './date-formats.ts';

describe('parseDateAs', () => {
  it.each([
    ['2021-03-25', 'YYYY-MM-DD', '2021-03-25'],
    ['2012/3/2', 'YYYY/MM/DD', '2012-03-02'],
    ['2021.03.25', 'YYYY.MM.DD', '2021-03-25'],
    ['20191213', 'YYYYMMDD', '2019-12-13'],
    ['25.03.2021', 'DD.MM.YYYY', '2021-03-25'],
    ['5.3.2021', 'DD.MM.YYYY', '2021-03-05'],
    ['25/03/2021', 'DD/MM/YYYY', '2021-03-25'],
    ['25-03-2021', 'DD-MM-YYYY', '2021-03-25'],
    ['3/25/2021', 'MM/DD/YYYY', '2021-03-25'],
    ['03-25-2021', 'MM-DD-YYYY', '2021-03-25'],
    ['03.25.2021', 'MM.DD.YYYY', '2021-03-25'],
    ['31.05.17', 'DD.MM.YY', '2017-05-31'],
    ['01/04/20', 'DD/MM/YY', '2020-04-01'],
    ['2/20/19', 'MM/DD/YY', '2019-02-20'],
    ['31.12.69', 'DD.MM.YY', '1969-12-31'],
    ['01.01.68', 'DD.MM.YY', '2068-01-01'],
    ['05-Mar-2021', 'DD-MMM-YYYY', '2021-03-05'],
    ['05 MAR 2021', 'DD MMM YYYY', '2021-03-05'],
    ['5 September 2021', 'DD MMM YYYY', '2021-09-05'],
    ['Mar 5, 2021', 'MMM DD, YYYY', '2021-03-05'],
    ['Sept 15 2021', 'MMM DD, YYYY', '2021-09-15'],
  ] as [string, DateFormat, string][])('reads %j as %s', (text, format, iso) => {
    expect(parseDateAs(text, format)).toBe(iso);
  });

  it.each([
    ['2022-01-02 12:16:54', 'YYYY-MM-DD', '2022-01-02'],
    ['2019-07-06 00:00:00', 'YYYY-MM-DD', '2019-07-06'],
    ['2021-05-03T10:00:00Z', 'YYYY-MM-DD', '2021-05-03'],
    ['2021-05-03T10:00+02:00', 'YYYY-MM-DD', '2021-05-03'],
    ['28.06.2013 00:00:30:989', 'DD.MM.YYYY', '2013-06-28'],
    ['1/5/2021 6:50 PM', 'MM/DD/YYYY', '2021-01-05'],
    ['28.12.2018 16:57', 'DD.MM.YYYY', '2018-12-28'],
  ] as [string, DateFormat, string][])('ignores the time in %j', (text, format, iso) => {
    expect(parseDateAs(text, format)).toBe(iso);
  });

  it.each([
    ['2021-02-29', 'YYYY-MM-DD'],
    ['2020-02-30', 'YYYY-MM-DD'],
    ['31.04.2021', 'DD.MM.YYYY'],
    ['25/13/2021', 'DD/MM/YYYY'],
    ['00.01.2021', 'DD.MM.YYYY'],
    ['12345678', 'YYYYMMDD'], // an id, not a date
    ['18991231', 'YYYYMMDD'],
    ['2021-3-5x', 'YYYY-MM-DD'],
    ['25.03.2021', 'DD/MM/YYYY'],
    ['05 Foo 2021', 'DD MMM YYYY'],
    ['2013-07-03-08.21.36.47192', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
  ] as [string, DateFormat][])('refuses %j as %s', (text, format) => {
    expect(parseDateAs(text, format)).toBeNull();
  });

  it('accepts 29 February in leap years only', () => {
    expect(parseDateAs('29.02.2024', 'DD.MM.YYYY')).toBe('2024-02-29');
    expect(parseDateAs('29.02.2100', 'DD.MM.YYYY')).toBeNull();
    expect(parseDateAs('29.02.2000', 'DD.MM.YYYY')).toBe('2000-02-29');
  });

  it('has a parser for every format of the type', () => {
    for (const format of DATE_FORMATS) expect(() => parseDateAs('x', format)).not.toThrow();
  });
});

describe('anyDateFormat and looksLikeDate', () => {
  it('tells a date cell from other cells', () => {
    expect(anyDateFormat('31.12.2018')).toBe('DD.MM.YYYY');
    expect(anyDateFormat('Download start date : 01/04/2020')).toBeNull();
    expect(anyDateFormat('-12,50')).toBeNull();
    expect(anyDateFormat('1234')).toBeNull();
  });

  it('sees a broken date as meant to be a date, and a footer label as not', () => {
    expect(looksLikeDate('31.02.2021')).toBe(true);
    expect(looksLikeDate('2021-13-45')).toBe(true);
    expect(looksLikeDate('Total')).toBe(false);
    expect(looksLikeDate('Balance at start of period')).toBe(false);
    expect(looksLikeDate('')).toBe(false);
  });
});

describe('resolveDateFormat', () => {
  it('asks when every date reads both ways (05/03/2021 and 07/04/2021)', () => {
    const verdict = resolveDateFormat(['05/03/2021', '07/04/2021']);
    expect(verdict).toEqual({
      format: 'DD/MM/YYYY',
      ambiguous: true,
      options: ['DD/MM/YYYY', 'MM/DD/YYYY'],
      example: '05/03/2021',
    });
  });

  it('settles on day first when one date anywhere has a day above 12', () => {
    const dates = Array.from({ length: 2000 }, () => '05/03/2021');
    dates.push('25/03/2021');
    expect(resolveDateFormat(dates)).toMatchObject({ format: 'DD/MM/YYYY', ambiguous: false });
  });

  it('settles on month first when a date has its second number above 12', () => {
    expect(resolveDateFormat(['05/03/2021', '03/25/2021'])).toMatchObject({
      format: 'MM/DD/YYYY',
      ambiguous: false,
    });
  });

  it('does not ask when the candidates read every date the same (10.10.2017, 05/05/2021)', () => {
    expect(resolveDateFormat(['10.10.2017'])).toMatchObject({ format: 'DD.MM.YYYY', ambiguous: false });
    expect(resolveDateFormat(['05/05/2021'])).toMatchObject({ format: 'DD/MM/YYYY', ambiguous: false });
  });

  it('reads dotted dates day first without asking (nobody writes MM.DD.YYYY)', () => {
    expect(resolveDateFormat(['05.03.2021', '07.04.2021'])).toMatchObject({
      format: 'DD.MM.YYYY',
      ambiguous: false,
      options: ['DD.MM.YYYY'],
    });
  });

  it('asks for two-digit years too', () => {
    expect(resolveDateFormat(['01/04/20', '02/04/20'])).toMatchObject({
      ambiguous: true,
      options: ['DD/MM/YY', 'MM/DD/YY'],
    });
  });

  it('tolerates a few unreadable cells but not a column of them', () => {
    const dates = [
      ...Array.from({ length: 30 }, (_, i) => `2021-01-${String(i + 1).padStart(2, '0')}`),
      'n/a',
    ];
    expect(resolveDateFormat(dates).format).toBe('YYYY-MM-DD');
    expect(resolveDateFormat(['2021-01-01', ...Array.from({ length: 9 }, () => 'n/a')]).format).toBeNull();
    expect(resolveDateFormat(['', ' ']).format).toBeNull();
  });
});
