import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { App } from '../types.ts';

/** The OpenAPI 3.1 document, generated from the route schemas, and interactive docs. */
export async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Moneta API',
        version: '1',
        description:
          'The REST API of Moneta, a self-hosted double-entry personal-finance ledger. Amounts are decimal strings with their currency. ' +
          'Log in with POST /api/v1/auth/login: the session cookie authenticates later requests, and every POST, PATCH, PUT and DELETE ' +
          'must carry the returned csrfToken in the X-CSRF-Token header. Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'moneta_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
      security: [{ session: [], csrf: [] }],
      tags: [
        { name: 'auth', description: 'Users and sessions' },
        { name: 'books', description: 'Books (ledgers) and their members' },
        { name: 'accounts', description: 'Accounts, balances and registers' },
        { name: 'categories', description: 'Categories (income and expense accounts) and their groups' },
        { name: 'payees', description: 'Payees' },
        { name: 'tags', description: 'Tags' },
        { name: 'transactions', description: 'Double-entry transactions with splits and transfers' },
        { name: 'reports', description: 'Aggregates over the ledger, computed in SQL' },
        {
          name: 'imports',
          description:
            'Bank files in (CSV, OFX/QFX/QBO, QIF, CAMT.053): preview, commit, undo; saved CSV profiles',
        },
        {
          name: 'rules',
          description: 'Rules that categorise and rename, and category suggestions learned from the book',
        },
        { name: 'export', description: 'CSV and hledger journal exports, full JSON backup and restore' },
        { name: 'system', description: 'Health' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
