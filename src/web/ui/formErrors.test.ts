import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http.ts';
import { fieldError, formError } from './formErrors.ts';

/** A 400 as the server words the schema validator's refusals (src/server/problem.ts). */
const refused = (...errors: [field: string, message: string][]) =>
  new ApiError(
    400,
    'VALIDATION_FAILED',
    `${errors.length} fields failed validation.`,
    errors.map(([field, message]) => ({ field, code: 'VALIDATION_FAILED', message })),
  );

describe('API errors as form errors', () => {
  it('says the validator’s refusals plainly, the most telling one first', () => {
    const error = refused(
      ['/email', 'Must NOT have fewer than 3 characters.'],
      ['/email', 'Must match format "email".'],
      ['/amount/amount', 'Must match pattern "^[+-]?\\d{1,20}(\\.\\d{1,20})?$".'],
      ['/limit', 'Must be <= 500.'],
    );
    expect(fieldError(error, '/email')).toBe('Enter an e-mail address, such as name@example.com.');
    expect(fieldError(error, '/amount')).toBe('Enter an amount, such as 12.50.');
    expect(fieldError(error, '/limit')).toBe('Enter 500 or less.');
    expect(fieldError(error, '/name')).toBeUndefined();
  });

  it('keeps a service’s own sentence', () => {
    const error = new ApiError(422, 'VALIDATION_FAILED', 'The move is not valid.', [
      { field: '/to', code: 'VALIDATION_FAILED', message: 'A move needs two different categories.' },
    ]);
    expect(fieldError(error, '/to')).toBe('A move needs two different categories.');
    expect(formError(error, ['/from'])).toBe(error);
  });

  it('a refusal of a field the form does not show becomes its notice, in words', () => {
    const notice = formError(refused(['/kind', 'Must be equal to one of the allowed values.']), ['/name']);
    expect(notice).toBeInstanceOf(ApiError);
    expect((notice as ApiError).detail).toBe('Choose one of the options.');
    expect(formError(refused(['/name', 'Required.']), ['/name'])).toBeNull();
  });
});
