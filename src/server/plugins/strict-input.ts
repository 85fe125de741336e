/**
 * What every request part must hold beyond its schema, checked before Ajv sees (and coerces) it.
 * Issues have Ajv's shape, so the one error handler reports them as field errors like any other.
 */

export interface InputIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

/** An integer as a client writes one in a path or query: no hex, exponent, sign, space or leading zero. */
const PLAIN_INTEGER = /^(0|-?[1-9]\d*)$/;

interface PropertySchema {
  type?: unknown;
  anyOf?: PropertySchema[];
}

const takesInteger = (schema: PropertySchema): boolean =>
  schema.type === 'integer' ||
  (Array.isArray(schema.type) && schema.type.includes('integer')) ||
  (schema.anyOf ?? []).some(takesInteger);

/**
 * The integer parameters of a path or query schema. Ajv's coercion reads any text JavaScript's
 * `Number()` reads (`0x10`, `1e1`, `+16`, ` 16` are all 16 or 10); these are held to PLAIN_INTEGER.
 */
export function integerParameters(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, PropertySchema> } | null)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, property]) => takesInteger(property))
    .map(([name]) => name);
}

export function plainIntegerIssues(data: unknown, names: readonly string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  if (data === null || typeof data !== 'object') return issues;
  for (const name of names) {
    const value = (data as Record<string, unknown>)[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && !PLAIN_INTEGER.test(v))) {
      issues.push({
        instancePath: `/${name}`,
        schemaPath: `#/properties/${name}/type`,
        keyword: 'type',
        params: { type: 'integer' },
        message: 'be an integer written in decimal digits',
      });
    }
  }
  return issues;
}

const SURROGATE = /[\ud800-\udfff]/;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** NUL, or a surrogate that is not half of a pair: neither is text (PostgreSQL refuses both). */
const notText = (text: string) =>
  text.includes('\0') || (SURROGATE.test(text) && UNPAIRED_SURROGATE.test(text));

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Every string of the data (values and keys, at any depth) that holds a NUL character or an
 * unpaired surrogate. Walks without recursion, so a deeply nested body cannot overflow the stack.
 */
export function textIssues(data: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const pending: [unknown, string][] = [[data, '']];
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      if (notText(value)) {
        issues.push({
          instancePath: path,
          schemaPath: '#',
          keyword: 'text',
          params: {},
          message: 'not contain NUL characters or unpaired surrogates',
        });
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = `${path}/${escapePointer(key)}`;
        if (notText(key)) pending.push([key, at]);
        pending.push([item, at]);
      }
    }
  }
  return issues.reverse();
}
