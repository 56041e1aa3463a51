/**
 * Security headers (trust17, @fastify/helmet) on every response: HSTS, nosniff, no framing, no referrer, the
 * cross-origin isolation headers, and a Content-Security-Policy per kind of response:
 * - the JSON API: `default-src 'none'; frame-ancestors 'none'` (a JSON body loads nothing);
 * - the notice board's pages (/board): no script at all, the layout's one `<style>` block allowed by its
 *   SHA-256 (services/board/templates.ts; the hash follows the template), images only from the page itself
 *   and inline SVG, forms (the asOf form) only back to the board;
 * - the API docs (/docs): swagger-ui's own policy (its `staticCSP`), which allows its scripts from /docs.
 */
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { LAYOUT } from '../board/templates.js';

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The SHA-256 of each `<style>` block of the board's layout, as CSP source expressions. */
function styleHashes(template: string): string[] {
  return [...template.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!, 'utf8').digest('base64')}'`);
}

/** The board pages' policy: no script, the layout's styles by hash, images and forms only from the board. */
export const BOARD_CSP = [
  "default-src 'none'",
  `style-src ${styleHashes(LAYOUT).join(' ')}`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HELMET_OPTIONS: FastifyHelmetOptions = {
  global: true,
  // Set below per kind of response; helmet's default suits neither JSON nor the board exactly.
  contentSecurityPolicy: false,
  referrerPolicy: { policy: 'no-referrer' },
  frameguard: { action: 'deny' },
  crossOriginResourcePolicy: { policy: 'same-site' },
};

/**
 * The headers @fastify/helmet sets with HELMET_OPTIONS, taken once from a probe instance: the plugin builds
 * helmet's middleware anew on every request (cpu18, #18: ~10 µs of a ballot's CPU), and with no CSP and no
 * per-route options its headers are the same for every response.
 */
async function helmetHeaders(): Promise<ReadonlyArray<readonly [string, string | number | readonly string[]]>> {
  const probe = Fastify();
  await probe.register(helmet, HELMET_OPTIONS);
  // Nothing but helmet has touched the raw response when the handler runs.
  probe.get('/', async (_request, reply) => reply.send(reply.raw.getHeaders()));
  const headers = (await probe.inject({ method: 'GET', url: '/' })).json<Record<string, string | number | string[]>>();
  await probe.close();
  return Object.entries(headers);
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    const query = request.url.indexOf('?');
    const path = query === -1 ? request.url : request.url.slice(0, query);
    if (path === '/board' || path.startsWith('/board/')) reply.header('content-security-policy', BOARD_CSP);
    else if (!path.startsWith('/docs')) reply.header('content-security-policy', API_CSP);
    done(null, payload);
  });
}
