import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import type { Database } from '../db/connect.ts';
import type { Config } from './config.ts';
import { authRoutes } from './features/auth/routes.ts';
import { financeRoutes } from './features/finance-routes.ts';
import { homeRoutes } from './features/home/routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { lazySerializers } from './plugins/lazy-serializers.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { serverTiming } from './plugins/server-timing.ts';
import { installValidators } from './plugins/validation.ts';
import { handleError, handleNotFound } from './problem.ts';
import type { App } from './types.ts';
import { hasWebBuild, webAppRoutes, webDist } from './web-assets.ts';

export interface AppOptions {
  database: Database;
  config: Config;
  logger?: FastifyServerOptions['logger'];
  /**
   * The built web app to serve at `/` (with `index.html` for every page path). By default `dist/web`
   * when it holds a build; `false` serves none (tests of the API); a path serves that folder, which
   * must hold `index.html`. Without a build, `/` is a small page pointing to the API docs.
   */
  webRoot?: string | false;
}

/** Builds the Moneta server without listening: `main.ts` listens, tests call `inject`. */
export async function buildApp({ database, config, logger = false, webRoot }: AppOptions): Promise<App> {
  if (typeof webRoot === 'string' && !hasWebBuild(webRoot)) {
    throw new Error(`No web app build in ${webRoot} (index.html is missing): run npm run build:web.`);
  }
  const web = webRoot === false ? null : (webRoot ?? webDist());
  const options: FastifyServerOptions = {
    logger,
    // A number of hops becomes proxy-addr's own rule: trust the first n hops from this server.
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
    // Fastify answers a path parameter over 100 characters or a broken %-escape itself, before any
    // route: through the one error handler, those leave as problem+json too.
    frameworkErrors: handleError,
    // Serialisers (and, in installValidators, validators) are built on a route's first request.
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  };
  const app: App = Fastify(options).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are JSON only: a text/plain body (what a cross-site form can send) is refused with 415.
  app.removeContentTypeParser('text/plain');

  installValidators(app);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler(handleNotFound);
  app.decorate('db', database.db);
  app.decorate('config', config);
  serverTiming(app);

  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Swagger UI (the API docs) sets style attributes as it renders.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: config.trustProxy !== false,
  });
  // API answers over 1 KiB travel compressed (quality 4: fast enough per request); the web app's files
  // are compressed once at build time and sent as they are.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });
  await app.register(cookie);
  // Before the auth plugin, so that its session lookup (and sliding cookie) stays off static files.
  if (web !== null && hasWebBuild(web)) await app.register(webAppRoutes, { webRoot: web });
  else await app.register(homeRoutes);
  await app.register(authPlugin);
  await registerOpenApi(app);

  app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: 'Readiness: the database answers' } },
    async (_request, reply) => {
      try {
        await database.db.selectFrom('users').select('id').limit(1).execute();
        return { status: 'ready', database: database.dialect };
      } catch {
        return reply.status(503).type('application/problem+json').send({
          type: '/docs/errors#SERVICE_UNAVAILABLE',
          title: 'Not ready',
          status: 503,
          code: 'SERVICE_UNAVAILABLE',
          detail: 'The database does not answer.',
          instance: '/readyz',
          errors: [],
        });
      }
    },
  );

  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(financeRoutes, { prefix: '/api/v1' });
  return app;
}
