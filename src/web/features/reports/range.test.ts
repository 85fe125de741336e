import { describe, expect, it } from 'vitest';
import { matchingPreset, presetRange, readRange } from './range.ts';

describe('report ranges', () => {
  it('computes the presets from today', () => {
    expect(presetRange('this-month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('this-year', '2025-06-30')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetRange('last-12-months', '2025-03-15')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(presetRange('last-12-months', '2025-12-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('reads the address forgivingly', () => {
    const read = (query: string) => readRange(new URLSearchParams(query), '2025-03-15');
    expect(read('from=2025-01-01&to=2025-01-31')).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(read('from=yesterday')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
    expect(read('from=2025-02-01&to=2025-01-01')).toEqual({ from: '2025-01-01', to: '2025-02-01' });
  });

  it('names the preset a range matches', () => {
    expect(matchingPreset({ from: '2025-03-01', to: '2025-03-31' }, '2025-03-15')).toBe('this-month');
    expect(matchingPreset({ from: '2025-03-02', to: '2025-03-31' }, '2025-03-15')).toBeNull();
  });
});
