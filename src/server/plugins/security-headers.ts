import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { App } from '../types.ts';

type ContentSecurityPolicy = Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>;

export interface SecurityHeadersOptions {
  /** The CSP's directives, without `upgrade-insecure-requests`: that one is added only over TLS. */
  contentSecurityPolicy: ContentSecurityPolicy;
  /** HSTS, sent only on answers to requests that came over TLS (directly or through a trusted proxy). */
  strictTransportSecurity: boolean;
}

/**
 * Helmet's headers (CSP and the rest) on every answer. @fastify/helmet builds the Helmet middleware
 * anew for every request, parsing the CSP each time, which cost as much as a session lookup; the
 * options never change here, so the middleware is built once per kind of request and only applied.
 *
 * Two kinds: over TLS the CSP carries `upgrade-insecure-requests` (and HSTS may be sent); over plain
 * HTTP it must not, or a browser at `http://moneta.lan:3000` rewrites every asset to https, which
 * nothing serves, and the app stays blank; Cross-Origin-Opener-Policy, which browsers ignore there
 * with a console error, is left out too. `request.protocol` already believes `X-Forwarded-Proto`
 * only from the proxies `MONETA_TRUST_PROXY` trusts.
 */
export const securityHeaders = fp<SecurityHeadersOptions>(
  async (app: App, options) => {
    const directives = { ...options.contentSecurityPolicy.directives, upgradeInsecureRequests: null };
    const plain = helmet({
      contentSecurityPolicy: { ...options.contentSecurityPolicy, directives },
      strictTransportSecurity: false,
      // Browsers ignore COOP on an untrustworthy (plain HTTP, non-localhost) origin and log an error.
      crossOriginOpenerPolicy: false,
    });
    const overTls = helmet({
      contentSecurityPolicy: {
        ...options.contentSecurityPolicy,
        directives: { ...directives, upgradeInsecureRequests: [] },
      },
      strictTransportSecurity: options.strictTransportSecurity,
    });
    app.addHook('onRequest', (request, reply, done) => {
      const apply = request.protocol === 'https' ? overTls : plain;
      apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
    });
  },
  { name: 'moneta-security-headers' },
);
