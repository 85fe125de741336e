/**
 * The schema fuzzer's requests for one operation: its valid example with one part broken (a path
 * parameter, a query parameter, one body field), bodies drawn from its schema, malformed JSON and
 * wrong content types. Deterministic for a seed; `count` bounds the cases per operation.
 *
 *   for (const c of fuzzCases(op, example, seeded(7), idFor, 40)) await sendCase(client, c);
 */
import type { Client } from './api.ts';
import { boundaryValues, hostileValue, NOT_TEXT, ODD_TEXT, type Random, randomValue } from './fuzz-values.ts';
import type { JsonSchema, Method, Operation, OperationRequest } from './openapi-operations.ts';

export interface FuzzCase {
  label: string;
  method: Method;
  url: string;
  /** Must be refused (4xx): a path that only looks like the valid one (`0x10` for 16), text that is not text. */
  refuse?: boolean;
  /** A JSON value sent as application/json; or `raw` text sent with `contentType`. */
  body?: unknown;
  raw?: string;
  contentType?: string;
}

/** Path segments as they would arrive, already percent-encoded. */
const HOSTILE_SEGMENTS = [
  '0',
  '-1',
  '2147483648',
  '99999999999999999999',
  'abc',
  '1.5',
  '0x10',
  '1e3',
  '+1',
  '%20',
  '%00',
  '%ED%A0%80',
  '%E0%A4%A',
  '%F0%9F%92%B6',
  '..',
  '%2F',
  '1;x',
  '2026-13',
  'a'.repeat(150),
];

const RAW_BODIES: readonly [string, string | undefined][] = [
  ['{', 'application/json'],
  ['{"a":', 'application/json'],
  ['nul', 'application/json'],
  ['', 'application/json'],
  ['null', 'application/json'],
  ['[]', 'application/json'],
  ['"text"', 'application/json'],
  ['1e999', 'application/json'],
  ['{"__proto__": {"isAdmin": true}}', 'application/json'],
  ['{"constructor": {"prototype": {"isAdmin": true}}}', 'application/json'],
  ['{"a": 1, "a": 2}', 'application/json'],
  ['{"name": "\\ud800"}', 'application/json'],
  [`${'['.repeat(50_000)}${']'.repeat(50_000)}`, 'application/json'],
  ['{"name": "x"}', 'application/json; charset=utf-16'],
  ['{"name": "x"}', 'text/plain'],
  ['name=x', 'application/x-www-form-urlencoded'],
  ['--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'],
  ['<a/>', 'application/xml'],
  ['{"name": "x"}', 'application/json-patch+json'],
  ['{"name": "x"}', undefined],
  [`{"name": "${'x'.repeat(1_100_000)}"}`, 'application/json'],
];

/** Other spellings of a numeric path parameter that JavaScript's Number() reads as the same id. */
const numericAliases = (value: string) =>
  /^\d+$/.test(value)
    ? [`0x${Number(value).toString(16)}`, `${value}.0`, `+${value}`, `0${value}`, `%20${value}`, `${value}e0`]
    : [];

/** encodeURIComponent, but a lone surrogate (which it refuses) goes as the bytes a client might send. */
function encode(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

function urlOf(op: Operation, path: Record<string, string>, query: [string, string][]): string {
  const filled = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => path[name]!);
  return query.length === 0 ? filled : `${filled}?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
}

/** The sub-schema at `keys` of a JSON value following `schema` (the first branch that has the key). */
function schemaAt(schema: JsonSchema, keys: readonly string[]): JsonSchema {
  let node = schema;
  for (const key of keys) {
    const branches = [node, ...(node.anyOf ?? [])];
    node =
      /^\d+$/.test(key) && branches.some((b) => b.items)
        ? branches.find((b) => b.items)!.items!
        : (branches.find((b) => b.properties?.[key])?.properties?.[key] ?? {});
  }
  return node;
}

/** Every place of the example body (JSON pointers as key lists), and its schema's absent fields. */
function places(body: unknown, schema: JsonSchema, keys: string[] = []): string[][] {
  const found = [keys];
  if (Array.isArray(body)) {
    for (const [i, item] of body.entries()) found.push(...places(item, schema, [...keys, String(i)]));
  } else if (body !== null && typeof body === 'object') {
    const here = schemaAt(schema, keys);
    const names = new Set([
      ...Object.keys(body),
      ...[here, ...(here.anyOf ?? [])].flatMap((b) => Object.keys(b.properties ?? {})),
    ]);
    for (const name of names) {
      const child = (body as Record<string, unknown>)[name];
      found.push(...(child === undefined ? [[...keys, name]] : places(child, schema, [...keys, name])));
    }
  }
  return found;
}

function withValueAt(body: unknown, keys: readonly string[], value: unknown, remove: boolean): unknown {
  if (keys.length === 0) return value;
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return copy;
}

/** Up to `count` broken requests for `op`, built around its valid `example`. */
export function fuzzCases(
  op: Operation,
  example: OperationRequest,
  random: Random,
  idFor: (name: string) => number | undefined,
  count: number,
): FuzzCase[] {
  const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  const path = Object.fromEntries(names.map((name) => [name, encode(example.path[name])]));
  const query = Object.entries(example.query).map(([k, v]): [string, string] => [k, encode(v)]);
  const valid = (label: string, overrides: Partial<FuzzCase> = {}): FuzzCase => ({
    label,
    method: op.method,
    url: urlOf(op, path, query),
    ...(example.body === undefined ? {} : { body: example.body }),
    ...overrides,
  });
  const generators: (() => FuzzCase)[] = [];
  for (const [name, value] of Object.entries(path)) {
    generators.push(() => {
      const aliases = numericAliases(value);
      const alias = aliases.length > 0 && random.chance(0.3);
      const segment = alias ? random.pick(aliases) : random.pick(HOSTILE_SEGMENTS);
      return valid(`path ${name}=${segment.slice(0, 20)}`, {
        url: urlOf(op, { ...path, [name]: segment }, query),
        refuse: alias,
      });
    });
  }
  for (const parameter of op.parameters.filter((p) => p.in === 'query')) {
    generators.push(() => {
      const value = random.pick([hostileValue(random), ...boundaryValues(parameter.schema)]);
      const rest = query.filter(([k]) => k !== parameter.name);
      const text = typeof value === 'object' ? JSON.stringify(value) : value;
      return valid(`query ${parameter.name}`, {
        url: urlOf(op, path, [...rest, [parameter.name, encode(text)]]),
      });
    });
  }
  generators.push(() =>
    valid('query repeated/unknown', {
      url: urlOf(op, path, [...query, ...query, ['unknown', '1'], [encode('\u0000'), '%00']]),
    }),
  );
  generators.push(() => {
    const [raw, contentType] = random.pick(RAW_BODIES);
    return { ...valid(`raw body ${contentType} ${raw.slice(0, 16)}`), body: undefined, raw, contentType };
  });
  if (op.body && example.body !== undefined) {
    const schema = op.body;
    const fields = places(example.body, schema);
    const breakOne = () => {
      const keys = random.pick(fields);
      const value = random.pick([
        hostileValue(random),
        hostileValue(random),
        ...boundaryValues(schemaAt(schema, keys)),
        randomValue(schemaAt(schema, keys), random, idFor, keys.at(-1)),
      ]);
      const remove = keys.length > 0 && random.chance(0.1);
      return valid(`body /${keys.join('/')} ${remove ? 'removed' : JSON.stringify(value)?.slice(0, 30)}`, {
        body: withValueAt(example.body, keys, value, remove),
      });
    };
    // Free text (a name, a description, a memo): where odd characters reach the database.
    const texts = fields.filter((keys) => {
      const field = schemaAt(schema, keys);
      const text = [field, ...(field.anyOf ?? [])].find((b) => b.type === 'string');
      return text && !text.format && !text.enum && (!text.pattern || text.pattern === '\\S');
    });
    const oddText = () => {
      const keys = random.pick(texts);
      const refuse = random.chance(0.5);
      const value = `${random.pick(['Probe', ''])}${random.pick(refuse ? NOT_TEXT : ODD_TEXT)}`;
      return valid(`text /${keys.join('/')} ${JSON.stringify(value)}`, {
        body: withValueAt(example.body, keys, value, false),
        refuse,
      });
    };
    if (texts.length > 0) generators.push(oddText);
    generators.push(breakOne, breakOne, breakOne, breakOne, () =>
      valid('body from schema', { body: randomValue(schema, random, idFor) }),
    );
  }
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) cases.push(generators[i % generators.length]!());
  return cases;
}

/** Sends a case as `client` (its session cookie and CSRF token), exactly as built. */
export async function sendCase(client: Client, c: FuzzCase) {
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken && c.method !== 'GET') headers['x-csrf-token'] = client.csrfToken;
  let payload: string | undefined;
  if (c.raw !== undefined) {
    payload = c.raw;
    if (c.contentType) headers['content-type'] = c.contentType;
  } else if (c.body !== undefined) {
    payload = JSON.stringify(c.body);
    headers['content-type'] = 'application/json';
  }
  return client.app.inject({
    method: c.method,
    url: c.url,
    headers,
    remoteAddress: client.remoteAddress,
    ...(payload === undefined ? {} : { payload }),
  });
}
