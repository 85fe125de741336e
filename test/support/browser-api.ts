/**
 * Seeding browser tests through the public API with the page's own cookies: registering logs the
 * page in, and every write carries the CSRF token the registration returned.
 *
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
}

export async function signUpWithBook(request: APIRequestContext, name: string): Promise<ApiBook> {
  const registered = await request.post('/api/v1/auth/register', {
    data: {
      email: `${name.toLowerCase()}-${Date.now()}@example.com`,
      password: 'correct horse battery',
      name,
    },
  });
  expect(registered.status()).toBe(201);
  const headers = { 'x-csrf-token': (await registered.json()).csrfToken as string };
  const post = async (path: string, data: unknown) => {
    const response = await request.post(path, { data, headers });
    expect([path, response.status()]).toEqual([path, 201]);
    return response.json();
  };
  const book = await post('/api/v1/books', { name: 'Home', baseCurrency: 'EUR' });
  return { bookId: book.id, base: `/api/v1/books/${book.id}`, post };
}
