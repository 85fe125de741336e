import { isIsoDate } from '../calendar/date.ts';
import { type ErrorCode, type FieldError, fail } from '../errors.ts';
import { addExact, compareExact, type Exact, parseExact } from './exact.ts';
import { compilePattern } from './pattern.ts';
import { MAX_PATTERN_LENGTH } from './text.ts';
import {
  type Rule,
  type RuleAction,
  type RuleCondition,
  type SplitPart,
  TEXT_FIELDS,
  TEXT_OPERATORS,
} from './types.ts';

/** A rule as written, before the database gives it an id. */
export type RuleDraft = Omit<Rule, 'id'>;

/** Limits of one rule: part of the API. */
export const RULE_LIMITS = {
  name: 200,
  conditions: 50,
  actions: 50,
  accountIds: 100,
  parts: 50,
  payee: 200,
  notes: 10_000,
} as const;

const TEXT_FIELD_SET: ReadonlySet<string> = new Set(TEXT_FIELDS);
const TEXT_OPERATOR_SET: ReadonlySet<string> = new Set(TEXT_OPERATORS);

type Json = Record<string, unknown>;

/** Collects every problem of a rule at once, each at its JSON pointer. */
class Problems {
  readonly errors: FieldError[] = [];
  add(field: string, code: ErrorCode, message: string): void {
    this.errors.push({ field, code, message });
  }
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isId = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 2_147_483_647;

/**
 * Checks a rule (as parsed JSON: from the API, a backup or the database) and returns it in its
 * canonical form: trimmed texts, every optional field present. A rule without conditions matches
 * every transaction; a rule needs at least one action. Fails with every field error found, the
 * first one's code on the whole (INVALID_PATTERN for a regex that cannot be used, INVALID_AMOUNT,
 * INVALID_DATE, VALIDATION_FAILED for the shape and for parts that cannot add up).
 */
export function validateRule(input: unknown): RuleDraft {
  const problems = new Problems();
  if (!isObject(input))
    fail('VALIDATION_FAILED', 'A rule is a JSON object.', [
      { field: '/', code: 'VALIDATION_FAILED', message: 'Must be an object.' },
    ]);
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name === '' || name.length > RULE_LIMITS.name)
    problems.add('/name', 'VALIDATION_FAILED', `A name of 1 to ${RULE_LIMITS.name} characters is required.`);
  const enabled = input.enabled ?? true;
  if (typeof enabled !== 'boolean') problems.add('/enabled', 'VALIDATION_FAILED', 'Must be true or false.');
  const match = input.match ?? 'all';
  if (match !== 'all' && match !== 'any')
    problems.add('/match', 'VALIDATION_FAILED', "Must be 'all' or 'any'.");
  const conditions = listAt(input, 'conditions', RULE_LIMITS.conditions, 0, problems).map((c, i) =>
    condition(c, `/conditions/${i}`, problems),
  );
  const actions = listAt(input, 'actions', RULE_LIMITS.actions, 1, problems).map((a, i) =>
    action(a, `/actions/${i}`, problems),
  );
  if (problems.errors.length > 0) {
    const [first] = problems.errors;
    const message =
      problems.errors.length === 1 ? first!.message : `The rule has ${problems.errors.length} problems.`;
    fail(first!.code, message, problems.errors);
  }
  return {
    name,
    enabled: enabled as boolean,
    match: match as 'all' | 'any',
    conditions: conditions as RuleCondition[],
    actions: actions as RuleAction[],
  };
}

function listAt(input: Json, key: string, max: number, min: number, problems: Problems): unknown[] {
  const value = input[key] ?? (min === 0 ? [] : undefined);
  if (!Array.isArray(value)) {
    problems.add(`/${key}`, 'VALIDATION_FAILED', 'Must be a list.');
    return [];
  }
  if (value.length < min)
    problems.add(`/${key}`, 'VALIDATION_FAILED', `Give at least ${min} ${key.replace(/s$/, '')}.`);
  if (value.length > max) problems.add(`/${key}`, 'VALIDATION_FAILED', `At most ${max} ${key}.`);
  return value.slice(0, max);
}

function text(value: unknown, at: string, max: number, problems: Problems, allowEmpty = false): string {
  if (typeof value !== 'string' || value.length > max || (!allowEmpty && value.trim() === '')) {
    problems.add(
      at,
      'VALIDATION_FAILED',
      `Must be ${allowEmpty ? 'text' : 'non-blank text'} of at most ${max} characters.`,
    );
    return '';
  }
  return value;
}

function decimal(value: unknown, at: string, problems: Problems, nullable: boolean): Exact | null {
  if (value === null && nullable) return null;
  const parsed = typeof value === 'string' ? parseExact(value) : null;
  if (!parsed) problems.add(at, 'INVALID_AMOUNT', 'Must be an exact decimal string such as "-12.34".');
  return parsed;
}

function date(value: unknown, at: string, problems: Problems): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !isIsoDate(value)) {
    problems.add(at, 'INVALID_DATE', 'Must be a calendar date, YYYY-MM-DD, or null.');
    return null;
  }
  return value;
}

function condition(value: unknown, at: string, problems: Problems): RuleCondition | null {
  if (!isObject(value)) {
    problems.add(at, 'VALIDATION_FAILED', 'A condition is an object.');
    return null;
  }
  const { field, operator } = value;
  if (typeof field === 'string' && TEXT_FIELD_SET.has(field)) {
    if (typeof operator !== 'string' || !TEXT_OPERATOR_SET.has(operator)) {
      problems.add(`${at}/operator`, 'VALIDATION_FAILED', 'Must be contains, equals, startsWith or regex.');
      return null;
    }
    const pattern = text(value.value, `${at}/value`, MAX_PATTERN_LENGTH, problems);
    if (operator === 'regex' && pattern !== '') {
      const compiled = compilePattern(pattern);
      if (typeof compiled === 'string') problems.add(`${at}/value`, 'INVALID_PATTERN', compiled);
    }
    return { field, operator, value: operator === 'regex' ? pattern : pattern.trim() } as RuleCondition;
  }
  if (field === 'amount' && operator === 'between') {
    const min = decimal(value.min ?? null, `${at}/min`, problems, true);
    const max = decimal(value.max ?? null, `${at}/max`, problems, true);
    if (value.min == null && value.max == null)
      problems.add(at, 'VALIDATION_FAILED', 'Give min, max or both.');
    if (min && max && compareExact(min, max) > 0)
      problems.add(`${at}/max`, 'VALIDATION_FAILED', 'Must not be below min.');
    return { field, operator, min: (value.min as string) ?? null, max: (value.max as string) ?? null };
  }
  if (field === 'amount' && operator === 'sign') {
    if (value.value !== 'inflow' && value.value !== 'outflow')
      problems.add(`${at}/value`, 'VALIDATION_FAILED', "Must be 'inflow' or 'outflow'.");
    return { field, operator, value: value.value as 'inflow' | 'outflow' };
  }
  if (field === 'account' && operator === 'in') {
    const ids = value.accountIds;
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > RULE_LIMITS.accountIds || !ids.every(isId))
      problems.add(
        `${at}/accountIds`,
        'VALIDATION_FAILED',
        `Give 1 to ${RULE_LIMITS.accountIds} account ids.`,
      );
    return { field, operator, accountIds: Array.isArray(ids) ? [...new Set(ids as number[])] : [] };
  }
  if (field === 'date' && operator === 'between') {
    const from = date(value.from ?? null, `${at}/from`, problems);
    const to = date(value.to ?? null, `${at}/to`, problems);
    if (value.from == null && value.to == null)
      problems.add(at, 'VALIDATION_FAILED', 'Give from, to or both.');
    if (from && to && from > to) problems.add(`${at}/to`, 'VALIDATION_FAILED', 'Must not be before from.');
    return { field, operator, from, to };
  }
  problems.add(at, 'VALIDATION_FAILED', 'Not a known field and operator.');
  return null;
}

function action(value: unknown, at: string, problems: Problems): RuleAction | null {
  if (!isObject(value)) {
    problems.add(at, 'VALIDATION_FAILED', 'An action is an object.');
    return null;
  }
  const id = (key: string) => {
    if (!isId(value[key])) problems.add(`${at}/${key}`, 'VALIDATION_FAILED', 'Must be an id.');
    return value[key] as number;
  };
  switch (value.type) {
    case 'setCategory':
      return { type: 'setCategory', categoryId: id('categoryId') };
    case 'addTag':
      return { type: 'addTag', tagId: id('tagId') };
    case 'setPayee':
      return {
        type: 'setPayee',
        payee: text(value.payee, `${at}/payee`, RULE_LIMITS.payee, problems).trim(),
      };
    case 'setNotes':
      return { type: 'setNotes', notes: text(value.notes, `${at}/notes`, RULE_LIMITS.notes, problems, true) };
    case 'split':
      return { type: 'split', parts: splitParts(value.parts, `${at}/parts`, problems) };
    default:
      problems.add(
        `${at}/type`,
        'VALIDATION_FAILED',
        'Must be setCategory, setPayee, addTag, setNotes or split.',
      );
      return null;
  }
}

const HUNDRED: Exact = { units: 100n, scale: 0 };

/**
 * Parts of a split: at least two; each a positive fixed amount, a percentage above 0 and at most
 * 100, or neither (at most one such part: it takes the rest). Percentages share what the fixed
 * amounts leave: they add up to at most 100, and to exactly 100 when no part takes the rest.
 */
function splitParts(value: unknown, at: string, problems: Problems): SplitPart[] {
  if (!Array.isArray(value) || value.length < 2 || value.length > RULE_LIMITS.parts) {
    problems.add(at, 'VALIDATION_FAILED', `A split has 2 to ${RULE_LIMITS.parts} parts.`);
    return [];
  }
  let percentSum: Exact = { units: 0n, scale: 0 };
  let rests = 0;
  const parts = value.map((part, index): SplitPart => {
    const here = `${at}/${index}`;
    if (!isObject(part)) {
      problems.add(here, 'VALIDATION_FAILED', 'A part is an object.');
      return { categoryId: 0, amount: null, percent: null };
    }
    if (!isId(part.categoryId)) problems.add(`${here}/categoryId`, 'VALIDATION_FAILED', 'Must be an id.');
    const amount = part.amount ?? null;
    const percent = part.percent ?? null;
    if (amount !== null && percent !== null) {
      problems.add(here, 'VALIDATION_FAILED', 'Give an amount or a percent, not both.');
    } else if (amount !== null) {
      const parsed = decimal(amount, `${here}/amount`, problems, false);
      if (parsed && parsed.units <= 0n)
        problems.add(`${here}/amount`, 'INVALID_AMOUNT', 'Must be above zero.');
    } else if (percent !== null) {
      const parsed = decimal(percent, `${here}/percent`, problems, false);
      if (parsed && (parsed.units <= 0n || compareExact(parsed, HUNDRED) > 0))
        problems.add(`${here}/percent`, 'VALIDATION_FAILED', 'Must be above 0 and at most 100.');
      else if (parsed) percentSum = addExact(percentSum, parsed);
    } else if (++rests > 1) {
      problems.add(here, 'VALIDATION_FAILED', 'Only one part may take the rest (no amount and no percent).');
    }
    return {
      categoryId: part.categoryId as number,
      amount: amount as string | null,
      percent: percent as string | null,
    };
  });
  const sum = compareExact(percentSum, HUNDRED);
  if (sum > 0) problems.add(at, 'VALIDATION_FAILED', 'The percentages add up to more than 100.');
  if (sum < 0 && percentSum.units > 0n && rests === 0)
    problems.add(
      at,
      'VALIDATION_FAILED',
      'The percentages must add up to 100, or a part must take the rest.',
    );
  return parts;
}
