/**
 * The one body parser: `application/json` in UTF-8, nothing else. Bodies arrive as bytes and are decoded
 * strictly (invalid UTF-8 is `400 invalid_utf8`, never replaced), their nesting is measured on the text
 * before anything recurses over it (`400 json_too_deep`), then parsed (`400 malformed_request`). A
 * charset other than UTF-8 is `415 unsupported_media_type`; so is any other media type, with or without a
 * body (Fastify refuses types that have no parser). An empty body is no body (lifecycle commands take none).
 */
import type { FastifyInstance } from 'fastify';
import { MAX_JSON_DEPTH } from './limits.js';
import { HttpProblem } from './problem.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The `charset` parameter of a Content-Type, lower-cased, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : undefined;
}

/** True when the JSON text nests objects/arrays deeper than `max` (brackets inside strings do not count). */
export function nestsDeeperThan(text: string, max: number): boolean {
  if (text.length <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      return done(new HttpProblem(415, 'unsupported_media_type', `Bodies are JSON in UTF-8; charset ${charset} is not accepted`), undefined);
    }
    const bytes = body as Buffer;
    if (bytes.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return done(new HttpProblem(400, 'invalid_utf8', 'The body is not valid UTF-8'), undefined);
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      return done(new HttpProblem(400, 'json_too_deep', `The body nests objects and arrays deeper than ${MAX_JSON_DEPTH} levels`, { maxDepth: MAX_JSON_DEPTH }), undefined);
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(new HttpProblem(400, 'malformed_request', `The body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });
}
