import { describe, expect, it } from 'vitest';
import {
  amountBound,
  filtersFromSearch,
  hasFilters,
  NO_FILTERS,
  queryOf,
  searchFromFilters,
  type TransactionFilters,
  withFilter,
} from './filters.ts';

const every: TransactionFilters = {
  q: 'coffee beans',
  from: '2025-01-01',
  to: '2025-12-31',
  accountId: 3,
  categoryId: 12,
  payeeId: 7,
  tagId: 2,
  status: 'cleared',
  minAmount: '10.50',
  maxAmount: '1234.56',
};

describe('transaction filters in the URL', () => {
  it('reads what it writes, for every filter', () => {
    const search = searchFromFilters(every);
    expect(search.toString()).toBe(
      'q=coffee+beans&from=2025-01-01&to=2025-12-31&accountId=3&categoryId=12&payeeId=7&tagId=2&status=cleared&minAmount=10.50&maxAmount=1234.56',
    );
    expect(filtersFromSearch(new URLSearchParams(search.toString()))).toEqual(every);
  });

  it('writes nothing for no filters, and an empty query string reads as none', () => {
    expect(searchFromFilters(NO_FILTERS).toString()).toBe('');
    expect(filtersFromSearch(new URLSearchParams(''))).toEqual(NO_FILTERS);
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('writes keys in one order whatever order the URL had', () => {
    const shuffled = new URLSearchParams('status=pending&q=rent&categoryId=4');
    expect(searchFromFilters(filtersFromSearch(shuffled)).toString()).toBe(
      'q=rent&categoryId=4&status=pending',
    );
  });

  it('leaves out values the API would refuse, instead of failing the page', () => {
    const filters = filtersFromSearch(
      new URLSearchParams(
        'from=yesterday&to=2025-13-01&accountId=abc&categoryId=0&payeeId=-3&tagId=1.5&status=lost&minAmount=ten&maxAmount=1e3&utm=x',
      ),
    );
    expect(filters).toEqual(NO_FILTERS);
  });

  it('keeps the text as typed (a trailing space survives typing) but trims it for the API', () => {
    const filters = filtersFromSearch(new URLSearchParams('q=coffee%20'));
    expect(filters.q).toBe('coffee ');
    expect(queryOf(filters)).toEqual({ q: 'coffee' });
    expect(hasFilters(withFilter(NO_FILTERS, { q: '   ' }))).toBe(false);
    expect(queryOf(withFilter(NO_FILTERS, { q: '   ' }))).toEqual({});
  });

  it('caps the text at the 200 characters the API takes', () => {
    expect(filtersFromSearch(new URLSearchParams(`q=${'a'.repeat(250)}`)).q).toHaveLength(200);
  });

  it('treats an amount bound as a size: the sign goes, the digits stay exact', () => {
    expect(amountBound('-12.50')).toBe('12.50');
    expect(amountBound('+7')).toBe('7');
    expect(amountBound('90071992547409.99')).toBe('90071992547409.99');
    expect(amountBound('12,50')).toBe('');
    expect(amountBound(null)).toBe('');
    expect(filtersFromSearch(new URLSearchParams('minAmount=-5')).minAmount).toBe('5');
  });

  it('turns filters into the API query, ids as numbers, unset ones left out', () => {
    expect(queryOf(every)).toEqual({
      q: 'coffee beans',
      from: '2025-01-01',
      to: '2025-12-31',
      accountId: 3,
      categoryId: 12,
      payeeId: 7,
      tagId: 2,
      status: 'cleared',
      minAmount: '10.50',
      maxAmount: '1234.56',
    });
    expect(queryOf(withFilter(NO_FILTERS, { categoryId: 9 }))).toEqual({ categoryId: 9 });
  });

  it('changes one filter and keeps the others; clearing one removes it from the URL', () => {
    const changed = withFilter(every, { categoryId: null, status: 'pending' });
    expect(changed.q).toBe('coffee beans');
    const search = searchFromFilters(changed);
    expect(search.has('categoryId')).toBe(false);
    expect(search.get('status')).toBe('pending');
    expect(hasFilters(withFilter(NO_FILTERS, { tagId: 1 }))).toBe(true);
  });
});
