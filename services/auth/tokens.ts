/**
 * Bearer JWTs (HS256): `sub` is the person id, `grants` the list of grant strings. Issued with jose,
 * verified with node:crypto (hs256.ts).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { formatGrant, parseGrant, type Grant, type Principal } from './grants.js';
import { verifyHs256 } from './hs256.js';

const ISSUER = 'compound-governance';

/** The secret as a KeyObject, made once per key. */
const keyObjects = new WeakMap<Uint8Array, KeyObject>();
function keyObject(key: Uint8Array): KeyObject {
  let k = keyObjects.get(key);
  if (!k) {
    k = createSecretKey(key);
    keyObjects.set(key, k);
  }
  return k;
}
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
    .sign(keyObject(key));
}

export type TokenFailure = 'expired' | 'invalid';

/**
 * Tokens already verified, until they expire: a client sends the same token with every request, and a
 * signature check costs more than the rest of a small request. Bounded; keyed by the exact token text.
 */
const verified = new Map<string, { principal: Principal; expiresAt: number; key: Uint8Array }>();
const VERIFIED_MAX = 50_000;

export async function verifyToken(key: Uint8Array, token: string): Promise<Principal | TokenFailure> {
  const hit = verified.get(token);
  if (hit && hit.key === key) {
    if (Date.now() < hit.expiresAt) return hit.principal;
    verified.delete(token);
    return 'expired';
  }
  return verifyTokenUncached(key, token);
}

async function verifyTokenUncached(key: Uint8Array, token: string): Promise<Principal | TokenFailure> {
  const result = verifyHs256(keyObject(key), token, { issuer: ISSUER, audience: AUDIENCE });
  if (!result.ok) return result.reason;
  const { payload } = result;
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) return 'invalid';
  const raw = Array.isArray(payload.grants) ? payload.grants : [];
  const grants = raw.map((g) => (typeof g === 'string' ? parseGrant(g) : null));
  if (grants.some((g) => g === null)) return 'invalid';
  const principal: Principal = { personId: payload.sub, grants: grants as Grant[] };
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(token, { principal, expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : Number.POSITIVE_INFINITY, key });
  return principal;
}
