import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, parseDate } from './dateFormat.ts';

describe('dates in the chosen locale', () => {
  it('writes a date with digits as the locale does', () => {
    expect(formatDate('2025-03-01', 'en-US')).toBe('03/01/2025');
    expect(formatDate('2025-03-01', 'de-DE')).toBe('01.03.2025');
    expect(formatDate('2025-03-01', 'en-GB')).toBe('01/03/2025');
    expect(formatDate('2025-03-01', 'ja-JP')).toBe('2025/03/01');
    expect(formatDate('', 'de-DE')).toBe('');
  });

  it('says what to type', () => {
    expect(datePattern('en-US')).toBe('MM/DD/YYYY');
    expect(datePattern('de-DE')).toBe('DD.MM.YYYY');
  });

  it('reads the locale order, any separator, an ISO date and two-digit years', () => {
    expect(parseDate('03/01/2025', 'en-US')).toBe('2025-03-01');
    expect(parseDate('01.03.2025', 'de-DE')).toBe('2025-03-01');
    expect(parseDate('1-3-25', 'de-DE')).toBe('2025-03-01');
    expect(parseDate('2025-03-01', 'de-DE')).toBe('2025-03-01');
    expect(parseDate('2025/03/01', 'ja-JP')).toBe('2025-03-01');
  });

  it('refuses what is no real date', () => {
    expect(parseDate('31.02.2025', 'de-DE')).toBe(null);
    expect(parseDate('13/01/2025', 'en-US')).toBe(null);
    expect(parseDate('03/2025', 'en-US')).toBe(null);
    expect(parseDate('yesterday', 'en-US')).toBe(null);
    expect(parseDate('', 'en-US')).toBe(null);
  });
});
