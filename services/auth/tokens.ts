/**
 * Bearer JWTs (HS256): `sub` is the person id, `grants` the list of grant strings, `exp` required and at most
 * 30 days after `iat` (tokens are not revocable, so every one must run out). Issued with jose, verified with
 * node:crypto (hs256.ts).
 */
import { createSecretKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { formatGrant, parseGrant, type Grant, type Principal } from './grants.js';
import { verifyHs256, type Hs256Failure } from './hs256.js';

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

/** The longest a token may live (`exp − iat`): 30 days. Longer ones, and ones without `exp`, are refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;
/** What `issueToken` and `cli token` give by default: 12 hours. */
export const DEFAULT_TOKEN_TTL_SECONDS = 12 * 3600;

/** Issues a token valid for `ttlSeconds` (a whole number from 1 to MAX_TOKEN_LIFETIME_SECONDS, else RangeError). */
export async function issueToken(
  key: Uint8Array,
  personId: string,
  grants: readonly Grant[],
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): Promise<string> {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`a token lives 1 to ${MAX_TOKEN_LIFETIME_SECONDS} seconds (30 days), not ${ttlSeconds}`);
  }
  return new SignJWT({ grants: grants.map(formatGrant) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyObject(key));
}

/** Why a token is refused (hs256.ts): `invalid`, `no_expiry`, `expired`, `too_long_lived`. */
export type TokenFailure = Hs256Failure;

/**
 * Tokens already verified, until they expire: a client sends the same token with every request, and a
 * signature check costs more than the rest of a small request. Bounded; keyed by the exact token text. An
 * entry is never served past its `exp`, and expired entries are swept out (at most once a second, when the
 * earliest expiry has passed), so the cache holds no token after its `exp` for longer than that.
 */
const verified = new Map<string, { principal: Principal; expiresAt: number; key: Uint8Array }>();
const VERIFIED_MAX = 50_000;
/** When the next sweep is due: the earliest expiry in the cache, but not sooner than a second after the last. */
let sweepDueAt = Number.POSITIVE_INFINITY;
let lastSweepAt = Number.NEGATIVE_INFINITY;

function sweepExpired(now: number): void {
  if (now < sweepDueAt) return;
  lastSweepAt = now;
  let earliest = Number.POSITIVE_INFINITY;
  for (const [token, entry] of verified) {
    if (entry.expiresAt <= now) verified.delete(token);
    else if (entry.expiresAt < earliest) earliest = entry.expiresAt;
  }
  sweepDueAt = Math.max(earliest, lastSweepAt + 1_000);
}

/** How many verified tokens are remembered (tests). */
export const verifiedTokenCount = (): number => verified.size;

/**
 * The principal a token carries, or why it is refused. `now` (epoch milliseconds) is the instant it is judged at:
 * the wall clock, which tokens' `iat` and `exp` are written in (never the app's manual clock); tests pass a later
 * instant rather than sleep until a token expires.
 */
export async function verifyToken(key: Uint8Array, token: string, now: number = Date.now()): Promise<Principal | TokenFailure> {
  sweepExpired(now);
  const hit = verified.get(token);
  if (hit && hit.key === key) {
    if (now < hit.expiresAt) return hit.principal;
    verified.delete(token);
    return 'expired';
  }
  return verifyTokenUncached(key, token, now);
}

async function verifyTokenUncached(key: Uint8Array, token: string, now: number): Promise<Principal | TokenFailure> {
  const result = verifyHs256(keyObject(key), token, { issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS }, now / 1000);
  if (!result.ok) return result.reason;
  const { payload } = result;
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) return 'invalid';
  const raw = Array.isArray(payload.grants) ? payload.grants : [];
  const grants = raw.map((g) => (typeof g === 'string' ? parseGrant(g) : null));
  if (grants.some((g) => g === null)) return 'invalid';
  const principal: Principal = { personId: payload.sub, grants: grants as Grant[] };
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  // hs256 refuses a token without a numeric exp, so every entry has one.
  const expiresAt = (payload.exp as number) * 1000;
  verified.set(token, { principal, expiresAt, key });
  sweepDueAt = Math.min(sweepDueAt, Math.max(expiresAt, lastSweepAt + 1_000));
  return principal;
}
