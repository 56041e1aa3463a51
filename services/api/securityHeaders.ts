/**
 * Security headers (trust17, @fastify/helmet) on every response: HSTS, nosniff, no framing, no referrer, the
 * cross-origin isolation headers, and a Content-Security-Policy per kind of response:
 * - the JSON API: `default-src 'none'; frame-ancestors 'none'` (a JSON body loads nothing);
 * - the notice board's pages (/board): no script at all, the layout's one `<style>` block allowed by its
 *   SHA-256 (services/board/templates.ts; the hash follows the template), images only from the page itself
 *   and inline SVG, forms (the asOf form) only back to the board;
 * - the API docs (/docs): swagger-ui's own policy (its `staticCSP`), which allows its scripts from /docs.
 */
import helmet from '@fastify/helmet';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
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

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    // Set below per kind of response; helmet's default suits neither JSON nor the board exactly.
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0]!;
    if (path === '/board' || path.startsWith('/board/')) reply.header('content-security-policy', BOARD_CSP);
    else if (!path.startsWith('/docs')) reply.header('content-security-policy', API_CSP);
    return payload;
  });
}
