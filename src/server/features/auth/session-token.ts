import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh secret for a cookie or a CSRF token: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the SHA-256 of their cookie token, never the token itself. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const SESSION_COOKIE = 'moneta_session';
export const CSRF_HEADER = 'x-csrf-token';
