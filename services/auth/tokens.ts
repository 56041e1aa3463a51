/**
 * Bearer JWTs (HS256): `sub` is the person id, `grants` the list of grant strings, `jti` a random id (what a
 * revocation names), `exp` required and at most 30 days after `iat`. The header's `kid` names the key of the
 * ring (keys.ts) that signed it: a token without one, or naming a key the ring does not hold (or has retired),
 * is refused. A verified token is then checked against the revocations (revocations.ts). Issued with jose,
 * verified with node:crypto (hs256.ts).
 */
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { formatGrant, parseGrant, type Grant, type Principal } from './grants.js';
import { verifyHs256, type Hs256Failure } from './hs256.js';
import { ringOf, type KeyRing } from './keys.js';

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

/**
 * Issues a token valid for `ttlSeconds` (a whole number from 1 to MAX_TOKEN_LIFETIME_SECONDS, else RangeError),
 * signed with the ring's current key (a raw secret is a ring of one).
 */
export async function issueToken(
  key: Uint8Array | KeyRing,
  personId: string,
  grants: readonly Grant[],
  ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS,
): Promise<string> {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_LIFETIME_SECONDS) {
    throw new RangeError(`a token lives 1 to ${MAX_TOKEN_LIFETIME_SECONDS} seconds (30 days), not ${ttlSeconds}`);
  }
  const signing = ringOf(key).current();
  return new SignJWT({ grants: grants.map(formatGrant) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: signing.kid })
    .setJti(randomUUID())
    .setSubject(personId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(keyObject(signing.secret));
}

/**
 * Why a token is refused: hs256.ts's `invalid`, `no_expiry`, `expired`, `too_long_lived`; `no_kid` (the header
 * names no key); `unknown_key` (a kid the ring does not hold); `retired_key` (a previous key past its
 * retirement); `revoked` (a revocation covers it).
 */
export type TokenFailure = Hs256Failure | 'no_kid' | 'unknown_key' | 'retired_key' | 'revoked';

/**
 * Tokens already verified, until they expire: a client sends the same token with every request, and a
 * signature check costs more than the rest of a small request. Bounded; found by the token's signature (its
 * text after the last dot: hashing those 43 characters instead of the whole token's 400 or so halves a hit's
 * cost, #18) and served only to the exact token text it was verified for. An
 * entry is never served past its `exp`, and expired entries are swept out (at most once a second, when the
 * earliest expiry has passed), so the cache holds no token after its `exp` for longer than that.
 */
interface VerifiedToken {
  /** The whole token this entry verified: a hit needs the same text, not only the same signature. */
  readonly token: string;
  readonly principal: Principal;
  readonly expiresAt: number;
  readonly kid: string;
  /** The secret it verified under: a hit counts only while the ring still gives that key for the kid. */
  readonly secret: Uint8Array;
  readonly jti: string | undefined;
  readonly iatSeconds: number | undefined;
}
const verified = new Map<string, VerifiedToken>();
const VERIFIED_MAX = 50_000;
/** When the next sweep is due: the earliest expiry in the cache, but not sooner than a second after the last. */
let sweepDueAt = Number.POSITIVE_INFINITY;
let lastSweepAt = Number.NEGATIVE_INFINITY;

function sweepExpired(now: number): void {
  if (now < sweepDueAt) return;
  lastSweepAt = now;
  let earliest = Number.POSITIVE_INFINITY;
  for (const [key, entry] of verified) {
    if (entry.expiresAt <= now) verified.delete(key);
    else if (entry.expiresAt < earliest) earliest = entry.expiresAt;
  }
  sweepDueAt = Math.max(earliest, lastSweepAt + 1_000);
}

/** How many verified tokens are remembered (tests). */
export const verifiedTokenCount = (): number => verified.size;

/**
 * The principal a token carries, or why it is refused. `now` (epoch milliseconds) is the instant it is judged at:
 * the wall clock, which tokens' `iat` and `exp` are written in (never the app's manual clock); tests pass a later
 * instant rather than sleep until a token expires. Revocations are checked on every call, cached or not.
 */
export async function verifyToken(key: Uint8Array | KeyRing, token: string, now: number = Date.now()): Promise<Principal | TokenFailure> {
  const ring = ringOf(key);
  sweepExpired(now);
  const slot = cacheKey(token);
  const hit = verified.get(slot);
  if (hit && hit.token === token) {
    const found = ring.lookup(hit.kid, now);
    if (typeof found === 'object' && found.secret === hit.secret) {
      if (now >= hit.expiresAt) {
        verified.delete(slot);
        return 'expired';
      }
      return ring.revocations?.isRevoked({ jti: hit.jti, sub: hit.principal.personId, iatSeconds: hit.iatSeconds }) ? 'revoked' : hit.principal;
    }
  }
  return verifyTokenUncached(ring, token, now);
}

/** Where a token's entry is kept: its signature (after the last dot), which differs between any two valid tokens. */
const cacheKey = (token: string): string => token.slice(token.lastIndexOf('.') + 1);

/**
 * The header and its `kid`, when the header is a JSON object naming one as a string; the signature is checked
 * after (hs256.ts takes the parsed header rather than decoding it again).
 */
function kidOf(token: string): { kid: string; header: Record<string, unknown> } | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(token.slice(0, dot), 'base64url').toString('utf8'));
    const kid = typeof header === 'object' && header !== null ? (header as { kid?: unknown }).kid : undefined;
    // An array header names no kid, so every header returned is a non-array object, as hs256.ts requires.
    return typeof kid === 'string' && kid.length > 0 && kid.length <= 64 ? { kid, header: header as Record<string, unknown> } : null;
  } catch {
    return null;
  }
}

async function verifyTokenUncached(ring: KeyRing, token: string, now: number): Promise<Principal | TokenFailure> {
  const named = kidOf(token);
  if (named === null) return 'no_kid';
  const { kid } = named;
  const key = ring.lookup(kid, now);
  if (key === 'unknown') return 'unknown_key';
  if (key === 'retired') return 'retired_key';
  // The secret's bytes, not a KeyObject: an HMAC keyed by them costs about half on Node 20 (#18).
  const result = verifyHs256(key.secret, token, { issuer: ISSUER, audience: AUDIENCE, maxLifetimeSeconds: MAX_TOKEN_LIFETIME_SECONDS }, now / 1000, named.header);
  if (!result.ok) return result.reason;
  const { payload } = result;
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) return 'invalid';
  if ('jti' in payload && typeof payload.jti !== 'string') return 'invalid';
  const raw = Array.isArray(payload.grants) ? payload.grants : [];
  const grants = raw.map((g) => (typeof g === 'string' ? parseGrant(g) : null));
  if (grants.some((g) => g === null)) return 'invalid';
  const principal: Principal = { personId: payload.sub, grants: grants as Grant[] };
  const jti = payload.jti as string | undefined;
  const iatSeconds = typeof payload.iat === 'number' ? payload.iat : undefined;
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  // hs256 refuses a token without a numeric exp, so every entry has one.
  const expiresAt = (payload.exp as number) * 1000;
  verified.set(cacheKey(token), { token, principal, expiresAt, kid, secret: key.secret, jti, iatSeconds });
  sweepDueAt = Math.min(sweepDueAt, Math.max(expiresAt, lastSweepAt + 1_000));
  return ring.revocations?.isRevoked({ jti, sub: principal.personId, iatSeconds }) ? 'revoked' : principal;
}
