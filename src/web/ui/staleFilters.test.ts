import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { addRemoved, removedFiltersText, staleFiltersOf } from './staleFilters.ts';

const unknown = (field: string, code: string) => ({ field, code, message: 'There is no such item.' });
const refusal = (...errors: ReturnType<typeof unknown>[]) =>
  new ApiError(422, errors[0]!.code, 'There is no such item.', errors);

describe('staleFiltersOf', () => {
  it('names each refused id filter once, with how many of its ids are gone', () => {
    const error = refusal(
      unknown('query:categoryIds', 'UNKNOWN_ACCOUNT'),
      unknown('query:payeeIds', 'UNKNOWN_PAYEE'),
      unknown('query:categoryIds', 'UNKNOWN_ACCOUNT'),
    );
    expect(staleFiltersOf(error, ['categoryIds', 'payeeIds', 'tagIds'])).toEqual([
      { param: 'categoryIds', count: 2 },
      { param: 'payeeIds', count: 1 },
    ]);
  });

  it('leaves every other error to the page', () => {
    const params = ['payeeId', 'tagId'];
    expect(staleFiltersOf(null, params)).toEqual([]);
    expect(staleFiltersOf(new Error('offline'), params)).toEqual([]);
    // A filter the page does not keep, another code, a body field, another status, or a mix.
    expect(staleFiltersOf(refusal(unknown('query:accountId', 'UNKNOWN_ACCOUNT')), params)).toEqual([]);
    expect(staleFiltersOf(refusal(unknown('query:payeeId', 'VALIDATION_FAILED')), params)).toEqual([]);
    expect(staleFiltersOf(refusal(unknown('/payeeId', 'UNKNOWN_PAYEE')), params)).toEqual([]);
    const notFound = new ApiError(404, 'UNKNOWN_PAYEE', 'Gone', [unknown('query:payeeId', 'UNKNOWN_PAYEE')]);
    expect(staleFiltersOf(notFound, params)).toEqual([]);
    const mixed = refusal(unknown('query:payeeId', 'UNKNOWN_PAYEE'), unknown('query:from', 'INVALID_DATE'));
    expect(staleFiltersOf(mixed, params)).toEqual([]);
  });
});

describe('removedFiltersText', () => {
  it('says what went, in words', () => {
    expect(removedFiltersText([{ param: 'payeeId', count: 1 }])).toBe(
      'Removed from the filters: a payee that no longer exists (deleted or merged into another).',
    );
    expect(
      removedFiltersText([
        { param: 'accountIds', count: 1 },
        { param: 'categoryIds', count: 2 },
        { param: 'tagIds', count: 3 },
      ]),
    ).toBe(
      'Removed from the filters: an account, 2 categories and 3 tags that no longer exist (deleted or merged into others).',
    );
  });
});

describe('addRemoved', () => {
  it('adds up per filter', () => {
    expect(
      addRemoved(
        [{ param: 'tagId', count: 1 }],
        [
          { param: 'tagId', count: 1 },
          { param: 'payeeId', count: 1 },
        ],
      ),
    ).toEqual([
      { param: 'tagId', count: 2 },
      { param: 'payeeId', count: 1 },
    ]);
  });
});
