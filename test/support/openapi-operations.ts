/**
 * The API's operations as the OpenAPI document describes them, for the probes that walk every one
 * of them (authorisation matrix, schema fuzzing): a route added tomorrow is walked tomorrow.
 *
 *   const operations = await apiOperations(app);
 *   for (const op of operations) op.key; // 'POST /api/v1/books/{bookId}/accounts'
 */
import type { App } from '../../src/server/types.ts';
import type { Client, Reply } from './api.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The parts of JSON Schema the API's route schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  example?: unknown;
  contentEncoding?: string;
}

export interface Parameter {
  in: 'path' | 'query';
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `METHOD /path/{param}`: how tables of expectations name the operation. */
  key: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  /** The JSON body's schema, or null when the operation takes no body. */
  body: JsonSchema | null;
}

const METHODS = new Set(['get', 'post', 'patch', 'put', 'delete']);

interface DocumentOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation of the app's OpenAPI document (/api/openapi.json). */
export async function apiOperations(app: App): Promise<Operation[]> {
  const reply = await app.inject({ url: '/api/openapi.json' });
  const document = reply.json() as { paths: Record<string, Record<string, DocumentOperation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => {
        const upper = method.toUpperCase() as Method;
        return {
          key: `${upper} ${path}`,
          method: upper,
          path,
          parameters: (operation.parameters ?? [])
            .filter((p) => p.in === 'path' || p.in === 'query')
            .map((p) => ({
              in: p.in as Parameter['in'],
              name: p.name,
              required: p.required === true,
              schema: p.schema ?? {},
            })),
          body: operation.requestBody?.content?.['application/json']?.schema ?? null,
        };
      }),
  );
}

/** The operation's path with its parameters filled in (each value URI-encoded). */
export function fillPath(path: string, values: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(String(values[name]));
  });
}

/** A query string (with its `?`), or '' for none. */
export function queryString(values: Record<string, string | number | boolean>): string {
  const entries = Object.entries(values).map(([name, value]) => [name, String(value)]);
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

/** Whether the operation works on one book's data (behind the book-access gate). */
export const isBookScoped = (operation: Operation) => operation.path.startsWith('/api/v1/books/{bookId}');

export interface OperationRequest {
  path: Record<string, string | number>;
  query: Record<string, string | number | boolean>;
  /** undefined: no body. */
  body: unknown;
}

/** Calls the operation as `client` does (with its session and CSRF token). */
export function send(client: Client, operation: Operation, request: OperationRequest): Promise<Reply> {
  const url = fillPath(operation.path, request.path) + queryString(request.query);
  return client.request(operation.method, url, request.body);
}
