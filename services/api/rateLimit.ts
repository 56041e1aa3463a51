/**
 * Rate limits (trust17, @fastify/rate-limit): each caller gets a budget per window, counted by who they are,
 * the subject of a valid bearer token, or else their IP address (so forging tokens buys nothing). Reads and
 * writes are counted apart, writes (POST, PUT, PATCH, DELETE: commands, which append to the log) under a
 * stricter budget. Past the budget: `429 rate_limited` as problem+json with `Retry-After` (seconds).
 * `/health` and `/metrics` are never limited (probes and scrapers). Counters live in this process's memory.
 * Behind a reverse proxy, `TRUST_PROXY` (services/config.ts) makes `request.ip` the client's address from
 * X-Forwarded-For (Fastify's `trustProxy`), so callers without a token are counted apart, not as the proxy.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyRing } from '../auth/keys.js';
import { verifyToken } from '../auth/tokens.js';
import { HttpProblem } from './problem.js';

export interface RateLimitOptions {
  /** Reads per window per caller; 0: unlimited. */
  readonly max: number;
  /** Writes per window per caller; 0: unlimited. */
  readonly writeMax: number;
  readonly windowMs: number;
}

/**
 * polish (trust): `TRUST_PROXY` as Fastify's `trustProxy` takes it: a list as its comma-separated string, a hop
 * count as the function Fastify makes of one (trust the `n` nearest hops; its types take no number).
 */
export function fastifyTrustProxy(trust: boolean | number | readonly string[]): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return typeof trust === 'object' ? trust.join(',') : trust;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const EXEMPT = new Set(['/health', '/metrics']);

const isWrite = (request: FastifyRequest): boolean => WRITES.has(request.method);

/** Who is counted: `sub:<personId>` for a valid token, else `ip:<address>`. */
async function callerOf(request: FastifyRequest, keys: KeyRing): Promise<string> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer !== undefined) {
    const principal = await verifyToken(keys, bearer);
    if (typeof principal === 'object') return `sub:${principal.personId}`;
  }
  return `ip:${request.ip}`;
}

export async function registerRateLimit(app: FastifyInstance, keys: KeyRing, options: RateLimitOptions): Promise<void> {
  if (options.max === 0 && options.writeMax === 0) return;
  await app.register(rateLimit, {
    global: true,
    timeWindow: options.windowMs,
    // The budget is chosen by the key's prefix, so the two never share a counter.
    keyGenerator: async (request) => `${isWrite(request) ? 'w' : 'r'}|${await callerOf(request, keys)}`,
    max: (_request, key) => (key.startsWith('w|') ? options.writeMax : options.max),
    allowList: (request, key) => EXEMPT.has(request.url.split('?')[0]!) || (key.startsWith('w|') ? options.writeMax : options.max) === 0,
    addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
    errorResponseBuilder: (request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const budget = isWrite(request) ? 'writes' : 'requests';
      return new HttpProblem(429, 'rate_limited', `More than ${context.max} ${budget} in ${options.windowMs / 1000} s; retry after ${retryAfterSeconds} s`, {
        limit: context.max,
        windowMs: options.windowMs,
        retryAfterSeconds,
      });
    },
  });
}
