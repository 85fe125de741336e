/**
 * Values for the schema fuzzer (test/api/schema-fuzz.test.ts): a seeded random source, values
 * that follow a JSON Schema (to get past validation), values at and just past its bounds, and
 * hostile values of every type (to be refused without a 5xx). Deterministic for a seed.
 *
 *   const random = seeded(42);
 *   randomValue(schema, random); hostileValue(random); boundaryValues(schema);
 */
import type { JsonSchema } from './openapi-operations.ts';

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: small, fast and the same on every machine. */
export function seeded(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]!, chance: (p) => next() < p };
}

/** Text a form would never send: control characters, bidi overrides, lone surrogates, odd widths. */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\u202eevil\u202c',
  'e\u0301\u0301\u0301',
  '\u200d\u200b\ufeff',
  '\uffff\ufffe',
  '😀👨‍👩‍👧‍👦',
  '𝄞𝕏',
  'İıß',
  'ＡＢＣ１２３',
  '\u2028\u2029',
  "'; DROP TABLE accounts; --",
  '%00%ff',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, on purpose
  '${7*7}{{7*7}}',
  '0x10',
  '1e309',
  'NaN',
  '-0',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13',
  '99999999999999999999.999999999999999999999',
  '-99999999999999999999',
  '.5',
  '1,5',
  'EUR ',
  'XXX',
  'x'.repeat(201),
  'é'.repeat(501),
  'w'.repeat(10_001),
];

/** Not text at all: NUL and unpaired surrogates, which the API must refuse wherever text goes. */
export const NOT_TEXT: readonly string[] = ['\u0000', '\ud800', '\udc00x', 'x\ud83d'];

/** Text that only looks odd (bidi override, BOM, a noncharacter, combining marks): to be kept as sent. */
export const ODD_TEXT: readonly string[] = ['\u202e', '\ufeff', '\uffff', 'e\u0301', '😀', '\u2028'];

const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  1.5,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  5e-324,
];

/** Any JSON value a client could send in place of the right one. */
export function hostileValue(random: Random): unknown {
  switch (random.int(6)) {
    case 0:
    case 1:
      return random.pick(HOSTILE_TEXT);
    case 2:
      return random.pick(HOSTILE_NUMBERS);
    case 3:
      return random.pick([true, false, null]);
    case 4:
      return random.pick([[], [null], [1, 1], ['\u0000'], Array(600).fill(1)]);
    default:
      return random.pick([
        {},
        { a: 1 },
        JSON.parse('{"__proto__": {"isAdmin": true}}'),
        { constructor: { prototype: { isAdmin: true } } },
        { '\u0000': 1 },
      ]);
  }
}

/** Values at and just past the schema's own limits: the last accepted and the first refused. */
export function boundaryValues(schema: JsonSchema): unknown[] {
  const values: unknown[] = [];
  if (schema.maxLength !== undefined)
    values.push('m'.repeat(schema.maxLength), 'm'.repeat(schema.maxLength + 1));
  if (schema.minLength) values.push('m'.repeat(schema.minLength - 1));
  if (schema.maximum !== undefined) values.push(schema.maximum, schema.maximum + 1);
  if (schema.minimum !== undefined) values.push(schema.minimum, schema.minimum - 1);
  if (schema.maxItems !== undefined && schema.items) values.push(Array(schema.maxItems + 1).fill(null));
  if (schema.enum) values.push(`${String(schema.enum[0])}x`, String(schema.enum[0]).toUpperCase());
  for (const branch of schema.anyOf ?? []) values.push(...boundaryValues(branch));
  return values;
}

const DATES = ['2026-01-15', '2026-02-28', '2024-02-29', '1900-01-01', '2099-12-31', '2026-02-29'];
const DECIMALS = ['0', '1.00', '-1.00', '0.01', '-12.34', '1000000', '0.001', '99999999999999999999'];
const NAMES = ['Probe', 'Émile & Söhne', '東京', 'مرحبا', '💶 Savings', 'a', ' padded '];

/** A string the schema accepts, most of the time: dates, decimals, currencies, names by their look. */
function randomString(schema: JsonSchema, random: Random): string {
  if (schema.format === 'date' || schema.pattern === '^\\d{4}-\\d{2}-\\d{2}$') return random.pick(DATES);
  if (schema.format === 'date-time') return random.pick(['2026-01-01T00:00:00.000Z', '2026-13-01T00:00:00Z']);
  if (schema.format === 'email') return random.pick(['probe@example.com', 'a@b', 'É@例え.jp', 'x@x.x']);
  if (schema.pattern?.includes('(0[1-9]|1[0-2])')) return random.pick(['2026-01', '2026-12', '1999-06']);
  if (schema.pattern === '^[A-Z]{3}$') return random.pick(['EUR', 'USD', 'JPY', 'KWD', 'XAU', 'ABC']);
  if (schema.pattern?.includes('\\d{1,20}(\\.')) return random.pick(DECIMALS);
  if (schema.pattern?.startsWith('^[1-9]')) return random.pick(['1', '1,2', '2147483647', '5,5,5']);
  if (schema.contentEncoding === 'base64') {
    return Buffer.from(
      random.pick(['', 'a,b\n1,2\n', '\u0000\u0001', 'OFXHEADER:100\n<OFX>', '!Type:Bank\n']),
    ).toString('base64');
  }
  const text = random.pick(NAMES);
  return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
}

/**
 * A value following `schema` (random branches, optional fields and sizes), with ids from `ids`
 * for integer fields the caller knows to hold ids. Rarely past a limit, never hostile.
 */
export function randomValue(
  schema: JsonSchema,
  random: Random,
  idFor: (name: string) => number | undefined = () => undefined,
  name = '',
  depth = 0,
): unknown {
  if (schema.anyOf) return randomValue(random.pick(schema.anyOf), random, idFor, name, depth);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return random.pick(schema.enum);
  const type = Array.isArray(schema.type) ? random.pick(schema.type) : schema.type;
  switch (type) {
    case 'string':
      return randomString(schema, random);
    case 'integer':
    case 'number': {
      const id = idFor(name);
      if (id !== undefined && random.chance(0.8)) return id;
      const low = schema.minimum ?? -1000;
      const high = Math.min(schema.maximum ?? 1000, low + 1000);
      return random.pick([low, high, low + random.int(high - low + 1)]);
    }
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      const count = depth > 3 ? 0 : (schema.minItems ?? 0) + random.int(3);
      return Array.from({ length: count }, () =>
        randomValue(schema.items ?? {}, random, idFor, name, depth + 1),
      );
    }
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || (depth < 4 && random.chance(0.5)))
          value[key] = randomValue(property, random, idFor, key, depth + 1);
      }
      return value;
    }
    default:
      return random.pick([{}, [], 'text', 1, null, { format: 'moneta-backup', version: 1 }]);
  }
}
