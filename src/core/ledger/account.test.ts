import { describe, expect, it } from 'vitest';
import { caught } from '../../../test/support/errors.ts';
import {
  ACCOUNT_SUBTYPES,
  ACCOUNT_TYPES,
  type AccountSubtype,
  type AccountType,
  checkSubtype,
  defaultSubtype,
  isCategoryType,
} from './account.ts';

/** Which subtypes each type accepts: the whole matrix, so that a change to it is deliberate. */
const ALLOWED: Record<AccountType, readonly AccountSubtype[]> = {
  asset: ['checking', 'savings', 'cash', 'investment', 'crypto', 'property', 'other'],
  liability: ['credit_card', 'loan', 'other'],
  income: [],
  expense: [],
  equity: ['other'],
};

const matrix = ACCOUNT_TYPES.flatMap((type) =>
  ACCOUNT_SUBTYPES.map((subtype) => [type, subtype, ALLOWED[type].includes(subtype)] as const),
);

describe('account kinds', () => {
  it('has the five double-entry types and the everyday subtypes', () => {
    expect(ACCOUNT_TYPES).toEqual(['asset', 'liability', 'income', 'expense', 'equity']);
    expect([...ACCOUNT_SUBTYPES].sort()).toEqual(
      [
        'cash',
        'checking',
        'credit_card',
        'crypto',
        'investment',
        'loan',
        'other',
        'property',
        'savings',
      ].sort(),
    );
  });

  it.each(matrix)('%s / %s allowed: %s', (type, subtype, allowed) => {
    if (allowed) {
      expect(() => checkSubtype(type, subtype)).not.toThrow();
    } else {
      const error = caught(() => checkSubtype(type, subtype));
      expect(error.code).toBe('INVALID_ACCOUNT_KIND');
      expect(error.message).toContain(type);
    }
  });

  it.each(ACCOUNT_TYPES)('%s accepts no subtype at all', (type) => {
    expect(() => checkSubtype(type, null)).not.toThrow();
  });

  it.each([
    ['asset', 'other'],
    ['liability', 'other'],
    ['equity', 'other'],
    ['income', null],
    ['expense', null],
  ] as const)('%s defaults to subtype %s, which it accepts', (type, subtype) => {
    expect(defaultSubtype(type)).toBe(subtype);
    expect(() => checkSubtype(type, defaultSubtype(type))).not.toThrow();
  });

  it.each([
    ['income', true],
    ['expense', true],
    ['asset', false],
    ['liability', false],
    ['equity', false],
  ] as const)('%s is a category type: %s', (type, category) => {
    expect(isCategoryType(type)).toBe(category);
  });

  it('every subtype belongs to some type', () => {
    for (const subtype of ACCOUNT_SUBTYPES) {
      expect(ACCOUNT_TYPES.some((type) => ALLOWED[type].includes(subtype))).toBe(true);
    }
  });
});
