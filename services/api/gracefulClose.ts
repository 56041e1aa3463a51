/**
 * Graceful close of the HTTP side (ops): once `app.close()` begins (SIGTERM, SIGINT), a request that still
 * arrives on an open keep-alive connection is refused at once with `503 shutting_down` (problem+json,
 * `Retry-After`), and every response from then on, those of the requests in flight included, carries
 * `Connection: close`, so each connection ends after its last answer and the server can stop. Node's
 * `server.close()` only reaps connections idle at that instant; one whose request was in flight would
 * otherwise stay open, idle, for the whole keep-alive timeout and hold the shutdown up.
 * Needs Fastify's `return503OnClosing: false` (its own 503 is plain JSON without a code).
 */
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

export function registerGracefulClose(app: FastifyInstance): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Callback-style hooks (#18): an async hook costs every request a promise and a turn (~1.8 µs each).
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    reply.header('retry-after', '1');
    sendProblem(reply, 503, 'shutting_down', 'The server is shutting down; nothing was recorded. Retry, on another instance or after the restart');
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('connection', 'close');
    done(null, payload);
  });
}
