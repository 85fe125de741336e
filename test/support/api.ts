/**
 * Drives the real Moneta app through `app.inject`, as a client would: a cookie jar for the
 * session and the CSRF token sent on every write.
 *
 *   const app = await testApp(ctx.database);
 *   const ada = await signUp(app);                 // registered and logged in
 *   const book = await ada.post('/api/v1/books', { name: 'Home', baseCurrency: 'EUR' });
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/connect.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { App } from '../../src/server/types.ts';

/**
 * The app as configured by default, except that registration is open (tests register many users per
 * app; pass `registration: 'closed'` to test the default) and there is no web app: API tests answer
 * the same whether or not dist/web holds a build.
 */
export async function testApp(database: Database, config: Partial<Config> = {}): Promise<App> {
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), registration: 'open', ...config },
    webRoot: false,
  });
  await app.ready();
  return app;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  contentType: string;
}

let counter = 0;
/** A unique e-mail address per call, so tests sharing a database never collide. */
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}@example.com`;
}

let addresses = 0;
/** A client address of its own (10.x.y.z), so that throttles keyed by address keep tests apart. */
export function uniqueAddress(): string {
  addresses += 1;
  return `10.${(addresses >> 16) & 255}.${(addresses >> 8) & 255}.${addresses & 255}`;
}

export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  user: { id: number; email: string; name: string } | null = null;

  /** `remoteAddress`: where the requests come from (what the throttles see as the client's address). */
  constructor(
    readonly app: App,
    readonly remoteAddress = '127.0.0.1',
  ) {}

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string>; rawBody?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && options.csrf !== false)
      headers['x-csrf-token'] = this.csrfToken;
    if (options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(options.rawBody !== undefined
        ? { payload: options.rawBody }
        : body !== undefined
          ? { payload: body as object }
          : {}),
    });
    const setCookie = response.headers['set-cookie'];
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'moneta_session') this.cookie = value ? `${name}=${value}` : null;
    }
    const contentType = String(response.headers['content-type'] ?? '');
    const parsed = contentType.includes('json') && response.body ? response.json() : response.body;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) {
      this.csrfToken = (parsed as { csrfToken: string }).csrfToken;
      this.user = (parsed as { user: Client['user'] }).user;
    }
    return { status: response.statusCode, body: parsed as T, headers: response.headers, contentType };
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export const PASSWORD = 'correct horse battery';

/**
 * Registers a new user from an address of their own and returns a client logged in as them
 * (registering answers 202 without a session, as for a taken address; the client then logs in).
 */
export async function signUp(app: App, name = 'Test User', email = uniqueEmail()): Promise<Client> {
  const client = new Client(app, uniqueAddress());
  const registered = await client.post('/api/v1/auth/register', { email, password: PASSWORD, name });
  if (registered.status !== 202)
    throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await client.post('/api/v1/auth/login', { email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return client;
}

/** Signs up a user and creates a book they own; returns both. */
export async function signUpWithBook(app: App, baseCurrency = 'EUR') {
  const client = await signUp(app);
  const reply = await client.post('/api/v1/books', { name: 'Household', baseCurrency });
  if (reply.status !== 201)
    throw new Error(`create book failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  const base = `/api/v1/books/${reply.body.id}`;
  /** POSTs under the book and answers the new item's id; anything but 201 fails the test there. */
  const made = async (path: string, body: unknown): Promise<number> => {
    const created = await client.post(`${base}${path}`, body);
    if (created.status !== 201) throw new Error(`${path}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.id as number;
  };
  return { client, book: reply.body as { id: number; baseCurrency: string }, base, made };
}

/** Expects an application/problem+json answer with this status and code; returns it. */
export function expectProblem(reply: Reply, status: number, code: string) {
  if (
    reply.status !== status ||
    !reply.contentType.startsWith('application/problem+json') ||
    reply.body?.code !== code
  ) {
    throw new Error(
      `expected ${status} ${code} problem, got ${reply.status} ${reply.contentType} ${JSON.stringify(reply.body)}`,
    );
  }
  return reply.body as {
    code: string;
    errors: { field: string; code: string; message: string }[];
    detail: string;
  };
}
