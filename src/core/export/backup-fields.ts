/**
 * A small reader of untrusted JSON that records every problem with its JSON pointer instead of
 * stopping at the first, so a refused backup says everything that is wrong with it at once.
 */
import { isIsoDate } from '../calendar/date.ts';
import type { ErrorCode, FieldError } from '../errors.ts';
import { isCurrencyCode } from '../money/index.ts';

/** More problems than this are not worth listing: the file is the wrong one. */
export const MAX_PROBLEMS = 100;

export class Problems {
  readonly list: FieldError[] = [];

  add(field: string, message: string, code: ErrorCode = 'INVALID_BACKUP'): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ field, code, message });
  }
}

/** Reads one value at `path`; returns a placeholder (and records the problem) when it is wrong. */
export type Field<T> = (value: unknown, path: string, problems: Problems) => T;

const MAX_ID = 2_147_483_647;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DECIMAL = /^-?\d{1,20}(\.\d{1,20})?$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function wrong<T>(problems: Problems, path: string, message: string, placeholder: T, code?: ErrorCode): T {
  problems.add(path, message, code);
  return placeholder;
}

export const id: Field<number> = (value, path, problems) =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_ID
    ? (value as number)
    : wrong(problems, path, 'Must be an id: a whole number from 1.', 0);

export const integer =
  (min: number, max: number): Field<number> =>
  (value, path, problems) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? (value as number)
      : wrong(problems, path, `Must be a whole number from ${min} to ${max}.`, min);

export const boolean: Field<boolean> = (value, path, problems) =>
  typeof value === 'boolean' ? value : wrong(problems, path, 'Must be true or false.', false);

export const text =
  (max: number, options: { blank?: boolean } = {}): Field<string> =>
  (value, path, problems) => {
    if (typeof value !== 'string') return wrong(problems, path, 'Must be a string.', '');
    if (value.length > max) return wrong(problems, path, `Must be at most ${max} characters.`, '');
    if (!options.blank && value.trim() === '') return wrong(problems, path, 'Must not be blank.', '');
    return value;
  };

export const oneOf =
  <const T extends string>(values: readonly T[]): Field<T> =>
  (value, path, problems) =>
    values.includes(value as T)
      ? (value as T)
      : wrong(problems, path, `Must be one of ${values.join(', ')}.`, values[0]!);

export const date: Field<string> = (value, path, problems) =>
  typeof value === 'string' && isIsoDate(value)
    ? value
    : wrong(problems, path, 'Must be a calendar date, YYYY-MM-DD.', '2000-01-01', 'INVALID_DATE');

export const month: Field<string> = (value, path, problems) =>
  typeof value === 'string' && MONTH.test(value)
    ? value
    : wrong(problems, path, 'Must be a month, YYYY-MM.', '2000-01');

/** An ISO-8601 instant, returned in the one form the databases give back (`…T10:00:00.000Z`). */
export const instant: Field<string> = (value, path, problems) => {
  const time = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time)
    ? wrong(problems, path, 'Must be an ISO-8601 instant such as 2026-01-31T10:00:00.000Z.', '')
    : new Date(time).toISOString();
};

export const currencyCode: Field<string> = (value, path, problems) =>
  typeof value === 'string' && isCurrencyCode(value)
    ? value
    : wrong(problems, path, 'Must be an ISO 4217 currency code.', 'EUR', 'UNKNOWN_CURRENCY');

/** An exact decimal string; its currency (and so its decimals) is checked where it is known. */
export const decimal: Field<string> = (value, path, problems) =>
  typeof value === 'string' && DECIMAL.test(value)
    ? value
    : wrong(problems, path, 'Must be an exact decimal string such as "-12.34".', '0', 'INVALID_AMOUNT');

export const nullable =
  <T>(field: Field<T>): Field<T | null> =>
  (value, path, problems) =>
    value === null ? null : field(value, path, problems);

/** Any JSON object, kept as it is (the feature that owns it checks its contents). */
export const jsonObject: Field<Record<string, unknown>> = (value, path, problems) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : wrong(problems, path, 'Must be an object.', {});

export const list =
  <T>(item: Field<T>, max = 10_000_000): Field<T[]> =>
  (value, path, problems) => {
    if (!Array.isArray(value)) return wrong(problems, path, 'Must be an array.', []);
    if (value.length > max) return wrong(problems, path, `Must hold at most ${max} items.`, []);
    return value.map((element, index) => item(element, `${path}/${index}`, problems));
  };

type Spec<T> = { [K in keyof T]-?: Field<T[K]> };

/**
 * Fields that later versions of the document added, with what a backup made before them reads as
 * when it leaves them out.
 */
const ADDED_LATER = new WeakMap<Field<unknown>, () => unknown>();

/** A nullable field that a document may leave out (read as null): one added after version 1 was out. */
export function addedLater<T>(field: Field<T>): Field<T | null> {
  const read = nullable(field);
  ADDED_LATER.set(read as Field<unknown>, () => null);
  return read;
}

/** A list that a document may leave out (read as empty): one added after version 1 was out. */
export function addedLaterList<T>(item: Field<T>): Field<T[]> {
  const read = list(item);
  ADDED_LATER.set(read as Field<unknown>, () => []);
  return read;
}

/** An object with exactly the fields of `spec`: each missing or unknown field is a problem. */
export const record =
  <T>(spec: Spec<T>): Field<T> =>
  (value, path, problems) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.add(path || '/', 'Must be an object.');
      value = {};
    }
    const input = value as Record<string, unknown>;
    const output: Record<string, unknown> = {};
    for (const key of Object.keys(spec) as (keyof T & string)[]) {
      const field = spec[key] as Field<unknown>;
      const missing = ADDED_LATER.get(field);
      if (!Object.hasOwn(input, key) && missing) {
        output[key] = missing();
        continue;
      }
      if (!Object.hasOwn(input, key)) problems.add(`${path}/${key}`, 'Required.');
      output[key] = field(
        input[key],
        `${path}/${key}`,
        Object.hasOwn(input, key) ? problems : new Problems(),
      );
    }
    for (const key of Object.keys(input)) {
      if (!Object.hasOwn(spec, key)) problems.add(`${path}/${key}`, 'Unknown field.');
    }
    return output as T;
  };
