import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { fail } from '../../core/errors.ts';
import { now } from '../clock.ts';
import { CSRF_HEADER, SESSION_COOKIE, sameToken, setSessionCookie } from '../features/auth/session-token.ts';
import { extendSession, findSession } from '../features/auth/sessions.ts';
import type { App } from '../types.ts';
import { bookToPrefetch, keepPrefetched } from './book-access.ts';
import { keepDataVersion } from './read-cache.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from the session cookie on every request, and refuses a state-changing
 * request that rides on a session cookie without the session's CSRF token in `X-CSRF-Token`.
 */
export const authPlugin = fp(
  async (app: App) => {
    app.decorateRequest('user', null);
    app.decorateRequest('session', null);
    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const at = now();
      const bookId = bookToPrefetch(request);
      const session = await findSession(app.db, token, at, bookId);
      if (!session) return;
      if (bookId !== 0) keepPrefetched(request, bookId, session.membership);
      keepDataVersion(request, session.dataVersion);
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !sameToken(sent, session.csrfToken)) {
          fail('CSRF_TOKEN_INVALID', `Send this session's CSRF token in the ${CSRF_HEADER} header.`);
        }
      }
      request.user = session.user;
      request.session = { id: session.id, csrfToken: session.csrfToken };
      const extendedTo = await extendSession(app.db, session, at, app.config.sessionDays);
      // The browser must learn the new expiry too, or an active user is logged out a month after login.
      if (extendedTo) setSessionCookie(request, reply, token, extendedTo);
    });
  },
  { name: 'moneta-auth', dependencies: ['@fastify/cookie'] },
);

/** A preValidation hook for routes that need a logged-in caller: strangers learn nothing from validation errors. */
export async function requireUser(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.user) fail('UNAUTHENTICATED', 'Log in to use this endpoint.');
}
