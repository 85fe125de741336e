/**
 * Seeding browser tests through the public API with the page's own cookies: registering and logging
 * in logs the page in, and every write carries the CSRF token the login returned.
 *
 *   const csrf = await signUp(page.request, { email, password, name });
 *   const { post, base, bookId } = await signUpWithBook(page.request, 'Ada');
 *   await post(`${base}/categories`, { name: 'Groceries', kind: 'expense' });
 */
import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';

export interface ApiBook {
  bookId: number;
  /** `/api/v1/books/<id>` */
  base: string;
  /** POSTs JSON with the CSRF token; expects 201 and returns the body. */
  post: (path: string, data: unknown) => Promise<any>;
  /** Sends JSON with the CSRF token; expects 201 for a POST, 200 otherwise, and returns the body. */
  send: (method: 'post' | 'put' | 'patch', path: string, data: unknown) => Promise<any>;
}

export const PASSWORD = 'correct horse battery';

/** Registers (202, no session) and logs in with the page's cookies; returns the CSRF token. */
export async function signUp(
  request: APIRequestContext,
  user: { email: string; name: string; password?: string },
): Promise<string> {
  const credentials = { email: user.email, password: user.password ?? PASSWORD };
  const registered = await request.post('/api/v1/auth/register', {
    data: { ...credentials, name: user.name },
  });
  expect(registered.status()).toBe(202);
  const login = await request.post('/api/v1/auth/login', { data: credentials });
  expect(login.status()).toBe(200);
  return (await login.json()).csrfToken as string;
}

export async function signUpWithBook(request: APIRequestContext, name: string): Promise<ApiBook> {
  const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
  const headers = { 'x-csrf-token': await signUp(request, { email, name }) };
  const send = async (method: 'post' | 'put' | 'patch', path: string, data: unknown) => {
    const response = await request[method](path, { data, headers });
    expect([path, response.status()]).toEqual([path, method === 'post' ? 201 : 200]);
    return response.json();
  };
  const post = (path: string, data: unknown) => send('post', path, data);
  const book = await post('/api/v1/books', { name: 'Home', baseCurrency: 'EUR' });
  return { bookId: book.id, base: `/api/v1/books/${book.id}`, post, send };
}
