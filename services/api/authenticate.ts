/**
 * Bearer-token authentication: 401 when the token is missing or bad, 403 when the grant does not fit. The
 * token is verified once per request, by the `onRequest` hook `registerAuthentication` adds: it puts the
 * principal on the request (`request.principal`, null without a token) and keeps a bad token's refusal for
 * whoever asks, so a route that needs no token still answers a request carrying a bad one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actingRole, type Principal, type Role } from '../auth/grants.js';
import type { KeyRing } from '../auth/keys.js';
import { assertNever } from '../../domain/shared/decider.js';
import { MAX_TOKEN_LIFETIME_SECONDS, verifyToken } from '../auth/tokens.js';
import { HttpProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller (null without a token, or with a bad one: read it through principalOf / requirePrincipal). */
    principal: Principal | null;
  }
}

/** Requests the hook has verified, and the refusal of those whose token is bad. */
const verified = new WeakSet<FastifyRequest>();
const refused = new WeakMap<FastifyRequest, HttpProblem>();

/** The `onRequest` hook verifying each request's bearer token once, before any route or hook asks for it. */
export function registerAuthentication(app: FastifyInstance, key: KeyRing): void {
  app.decorateRequest('principal', null);
  // Callback style (#18): an async hook costs every request one more promise and turn; no token, no promise at all.
  app.addHook('onRequest', (request, _reply, done) => {
    if (request.headers.authorization === undefined) {
      verified.add(request);
      return done();
    }
    verifyBearer(request, key).then(
      (principal) => {
        request.principal = principal;
        verified.add(request);
        done();
      },
      (error: unknown) => {
        if (!(error instanceof HttpProblem)) return done(error as Error);
        refused.set(request, error);
        verified.add(request);
        done();
      },
    );
  });
}

/** The request's principal, null without a token; a bad token's 401. Verified by the hook, else here. */
export async function principalOf(request: FastifyRequest, key: KeyRing): Promise<Principal | null> {
  if (!verified.has(request)) return verifyBearer(request, key);
  const problem = refused.get(request);
  if (problem) throw problem;
  return request.principal;
}

async function verifyBearer(request: FastifyRequest, key: KeyRing): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) throw new HttpProblem(401, 'invalid_token', 'Authorization must be "Bearer <token>"');
  const result = await verifyToken(key, m[1]!);
  if (typeof result === 'object') return result;
  switch (result) {
    case 'expired':
      throw new HttpProblem(401, 'token_expired', 'The token has expired');
    case 'invalid':
      throw new HttpProblem(401, 'invalid_token', 'The token is not valid');
    case 'no_expiry':
      throw new HttpProblem(401, 'invalid_token', 'The token has no expiry (exp); every token must expire');
    case 'too_long_lived':
      throw new HttpProblem(401, 'invalid_token', `The token lives longer than the ${MAX_TOKEN_LIFETIME_SECONDS / 86_400} days allowed (exp − iat)`);
    // trust17: key rotation and revocation
    case 'no_kid':
      throw new HttpProblem(401, 'invalid_token', 'The token names no signing key (kid in its header); ask for a new token');
    case 'unknown_key':
      throw new HttpProblem(401, 'unknown_signing_key', 'The token was signed with a key this server does not hold (its kid is unknown); ask for a new token');
    case 'retired_key':
      throw new HttpProblem(401, 'unknown_signing_key', 'The token was signed with a key that has been retired; ask for a new token');
    case 'revoked':
      throw new HttpProblem(401, 'token_revoked', 'The token has been revoked');
    default:
      return assertNever(result);
  }
}

export async function requirePrincipal(request: FastifyRequest, key: KeyRing): Promise<Principal> {
  const p = await principalOf(request, key);
  if (!p) throw new HttpProblem(401, 'missing_token', 'This endpoint needs a bearer token');
  return p;
}

/** The role the caller acts under, or 403 naming the roles that would do. */
export function requireRole(
  principal: Principal,
  compoundId: string | null,
  allowed: readonly Role[],
  allowAdmin = true,
): Role | 'admin' {
  const role = actingRole(principal, compoundId, allowed, allowAdmin);
  if (role === null) {
    const needed = [...(allowAdmin ? ['admin'] : []), ...allowed.map((r) => `${r}@${compoundId ?? '<compound>'}`)];
    throw new HttpProblem(403, 'insufficient_grant', `This needs one of: ${needed.join(', ')}`, { needed });
  }
  return role;
}
