import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from '../types.ts';

/**
 * Helmet's headers (CSP and the rest) on every answer. @fastify/helmet builds the Helmet middleware
 * anew for every request, parsing the CSP each time, which cost as much as a session lookup; the
 * options never change here, so the middleware is built once and only applied per request.
 */
export const securityHeaders = fp<HelmetOptions>(
  async (app: App, options) => {
    const apply = helmet(options);
    app.addHook('onRequest', (request, reply, done) => {
      apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'moneta-security-headers' },
);
