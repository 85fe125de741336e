/**
 * The one door to the server: JSON over fetch with the session cookie, the CSRF token on every
 * write, and problem+json answers turned into ApiError (code, detail, per-field errors).
 */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  /** The message for one input, matched by JSON pointer (`/name`) or query name (`query:from`). */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((error) => error.field === field || error.field.startsWith(`${field}/`))?.message;
  }
}

let csrfToken: string | null = null;

/** Remembered from login, registration and /auth/me; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'The server cannot be reached. Check your connection and try again.',
      [],
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw problemError(response.status, data);
  return data as T;
}

/** The ApiError of a refused request's problem+json body (or of a body that is not one). */
export function problemError(status: number, data: unknown): ApiError {
  const body = (data ?? {}) as { code?: string; detail?: string; errors?: FieldProblem[] };
  return new ApiError(
    status,
    body.code ?? 'INTERNAL_ERROR',
    body.detail ?? `The server answered ${status}.`,
    body.errors ?? [],
  );
}

/** The headers of a write: the session's CSRF token, when there is one. */
export function writeHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** `?a=1&b=x` from the defined entries of an object. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
