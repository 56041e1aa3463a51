/** Bearer JWTs (HS256, jose): `sub` is the person id, `grants` the list of grant strings. */
import { errors, jwtVerify, SignJWT } from 'jose';
import { formatGrant, parseGrant, type Grant, type Principal } from './grants.js';

const ISSUER = 'compound-governance';
const AUDIENCE = 'compound-governance-api';

export async function issueToken(
  key: Uint8Array,
  personId: string,
  grants: readonly Grant[],
  ttlSeconds = 12 * 3600,
): Promise<string> {
  return new SignJWT({ grants: grants.map(formatGrant) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}

export type TokenFailure = 'expired' | 'invalid';

export async function verifyToken(key: Uint8Array, token: string): Promise<Principal | TokenFailure> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) return 'invalid';
    const raw = Array.isArray(payload.grants) ? payload.grants : [];
    const grants = raw.map((g) => (typeof g === 'string' ? parseGrant(g) : null));
    if (grants.some((g) => g === null)) return 'invalid';
    return { personId: payload.sub, grants: grants as Grant[] };
  } catch (error) {
    return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
  }
}
