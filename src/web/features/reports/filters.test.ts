import { describe, expect, it } from 'vitest';
import { activeFilters, clearFilters, filterQuery, netWorthFilters, readIds, writeIds } from './filters.ts';

describe('report filters in the URL', () => {
  it('reads comma-separated ids, dropping junk and repeats', () => {
    const search = new URLSearchParams('accountIds=3,1,3,x,0,-2,,7&tagIds=');
    expect(readIds(search, 'accountIds')).toEqual([3, 1, 7]);
    expect(readIds(search, 'tagIds')).toEqual([]);
    expect(readIds(search, 'payeeIds')).toEqual([]);
    const many = Array.from({ length: 250 }, (_, i) => i + 1).join(',');
    expect(readIds(new URLSearchParams({ categoryIds: many }), 'categoryIds')).toHaveLength(200);
  });

  it('writes a list, drops an empty one and keeps the rest of the address', () => {
    const search = new URLSearchParams('from=2025-03-01&payeeIds=4');
    expect(writeIds(search, 'categoryIds', [5, 2, 5]).toString()).toBe(
      'from=2025-03-01&payeeIds=4&categoryIds=5%2C2',
    );
    expect(writeIds(search, 'payeeIds', []).toString()).toBe('from=2025-03-01');
    expect(search.toString()).toBe('from=2025-03-01&payeeIds=4');
  });

  it('round-trips through the address', () => {
    const written = writeIds(new URLSearchParams(), 'tagIds', [9, 8]);
    expect(readIds(new URLSearchParams(written.toString()), 'tagIds')).toEqual([9, 8]);
  });

  it('gives each report only the filters it takes, and clears them all', () => {
    const search = new URLSearchParams('to=2025-03-31&accountIds=1,2&categoryIds=3&tagIds=abc');
    expect(filterQuery(search, ['accountIds', 'categoryIds', 'tagIds', 'payeeIds'])).toEqual({
      accountIds: '1,2',
      categoryIds: '3',
    });
    expect(filterQuery(search, netWorthFilters)).toEqual({ accountIds: '1,2' });
    expect(activeFilters(search, ['accountIds', 'categoryIds', 'tagIds'])).toBe(2);
    expect(activeFilters(search, netWorthFilters)).toBe(1);
    expect(clearFilters(search).toString()).toBe('to=2025-03-31');
  });
});
