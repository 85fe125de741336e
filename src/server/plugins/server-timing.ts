import type { App } from '../types.ts';

const STARTED = Symbol('startedAt');

/**
 * `Server-Timing: app;dur=<ms>` on every answer: the time from the request's arrival to its reply
 * being handed to compression and the socket. What `npm run bench` reports as server-side time, and
 * what a browser's devtools show beside each request.
 */
export function serverTiming(app: App): void {
  app.addHook('onRequest', async (request) => {
    (request as unknown as Record<symbol, bigint>)[STARTED] = process.hrtime.bigint();
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const started = (request as unknown as Record<symbol, bigint | undefined>)[STARTED];
    if (started !== undefined) {
      const micros = Number((process.hrtime.bigint() - started) / 1000n);
      reply.header('Server-Timing', `app;dur=${(micros / 1000).toFixed(3)}`);
    }
    return payload;
  });
}
