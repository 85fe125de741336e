import { describe, expect, it } from 'vitest';
import { caught } from '../../test/support/errors.ts';
import { atField, ERROR_CODES, fail, MonetaError, underField } from './errors.ts';

describe('MonetaError', () => {
  it('is an Error with a code, a message and field errors', () => {
    const error = new MonetaError('INVALID_AMOUNT', 'Bad amount.', [
      { field: '/amount', code: 'INVALID_AMOUNT', message: 'Bad amount.' },
    ]);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('MonetaError');
    expect(error.code).toBe('INVALID_AMOUNT');
    expect(error.message).toBe('Bad amount.');
    expect(error.fieldErrors).toEqual([{ field: '/amount', code: 'INVALID_AMOUNT', message: 'Bad amount.' }]);
    expect(error.stack).toBeTypeOf('string');
  });

  it('has no field errors unless given some', () => {
    expect(new MonetaError('NOT_FOUND', 'Nope.').fieldErrors).toEqual([]);
  });

  it('fail throws one', () => {
    const error = caught(() => fail('UNKNOWN_CURRENCY', 'No such currency.'));
    expect(error.code).toBe('UNKNOWN_CURRENCY');
    expect(error.message).toBe('No such currency.');
  });

  it('lists each code once, in SCREAMING_SNAKE_CASE', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});

describe('atField', () => {
  it('returns what the parse returns', () => {
    expect(atField('/amount', () => 42)).toBe(42);
  });

  it('addresses an error of a single value to its field', () => {
    const error = caught(() => atField('/postings/0/amount', () => fail('TOO_MANY_DECIMALS', 'Too fine.')));
    expect(error.code).toBe('TOO_MANY_DECIMALS');
    expect(error.message).toBe('Too fine.');
    expect(error.fieldErrors).toEqual([
      { field: '/postings/0/amount', code: 'TOO_MANY_DECIMALS', message: 'Too fine.' },
    ]);
  });

  it('leaves an error that already names its fields alone', () => {
    const inner = new MonetaError('UNKNOWN_ACCOUNT', 'No account.', [
      { field: '/postings/1/accountId', code: 'UNKNOWN_ACCOUNT', message: 'No account.' },
    ]);
    const error = caught(() =>
      atField('/transaction', () => {
        throw inner;
      }),
    );
    expect(error).toBe(inner);
  });

  it('lets other errors through untouched', () => {
    const bug = new TypeError('a bug');
    expect(() =>
      atField('/amount', () => {
        throw bug;
      }),
    ).toThrow(bug);
  });
});

describe('underField', () => {
  it('puts the fields of an error under the item it was about, or names the item when it had none', async () => {
    const nested = () =>
      underField('/transactions/3', async () =>
        fail('UNKNOWN_PAYEE', 'No payee.', [
          { field: '/payeeId', code: 'UNKNOWN_PAYEE', message: 'No payee.' },
        ]),
      );
    await expect(nested()).rejects.toMatchObject({
      code: 'UNKNOWN_PAYEE',
      fieldErrors: [{ field: '/transactions/3/payeeId', code: 'UNKNOWN_PAYEE', message: 'No payee.' }],
    });
    const bare = () => underField('/ids/1', async () => fail('NOT_FOUND', 'Gone.'));
    await expect(bare()).rejects.toMatchObject({ fieldErrors: [{ field: '/ids/1', code: 'NOT_FOUND' }] });
    const bug = new TypeError('a bug');
    await expect(underField('/x', async () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
