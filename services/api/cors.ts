/**
 * The CORS policy (trust17, @fastify/cors): off unless CORS_ORIGINS lists origins. A listed origin may call
 * every endpoint from a browser, reads (GET, HEAD) and writes (POST) with `Authorization`, `Content-Type`,
 * `Idempotency-Key`; no cookies (credentials are bearer tokens, never ambient). It may read the headers a
 * client needs: the request id, the rate-limit ones and `Retry-After`, `Idempotent-Replayed`. A preflight from
 * another origin is `403 cors_origin_refused`; its simple requests get no `Access-Control-Allow-Origin`, so
 * its browser keeps the answer from it. Without CORS_ORIGINS no response carries CORS headers, and a
 * preflight is `405 method_not_allowed` like any OPTIONS.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.js';

export const CORS_METHODS = ['GET', 'HEAD', 'POST'] as const;
const ALLOWED_HEADERS = ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'x-correlation-id'];
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'idempotent-replayed'];

export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  await app.register(cors, {
    // An unlisted origin (or none) turns CORS off for the request: no CORS headers at all.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    methods: [...CORS_METHODS],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
  app.addHook('onRequest', (request, _reply, done) => {
    const origin = request.headers.origin;
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined && (origin === undefined || !allowed.has(origin))) {
      return done(new HttpProblem(403, 'cors_origin_refused', 'This origin may not call the API from a browser (CORS_ORIGINS)', { origin: origin ?? null }));
    }
    done(); // callback style (#18): no promise per request
  });
}
