import type { App } from '../../types.ts';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moneta</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; color: #1d2433; }
  a { color: #0b5cad; }
  @media (prefers-color-scheme: dark) { body { background: #111418; color: #e6e9ef; } a { color: #7db4ff; } }
</style>
</head>
<body>
<main>
<h1>Moneta</h1>
<p>Your books are served here. The web app is not built in this instance (<code>npm start</code> builds it;
<code>npm run dev</code> serves it on port 5173); everything works through the REST API.</p>
<ul>
  <li><a href="/api/docs">Interactive API documentation</a></li>
  <li><a href="/api/openapi.json">OpenAPI 3.1 document</a></li>
  <li><a href="/healthz">Health</a></li>
</ul>
</main>
</body>
</html>
`;

/** `/` when no web app build is served (tests of the API, `npm run dev`): a page pointing to the API docs. */
export async function homeRoutes(app: App): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(PAGE),
  );
}
