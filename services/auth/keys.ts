/**
 * The token signing keys as a key ring (trust17): the current key signs new tokens, previous keys still verify
 * the tokens they signed until they retire. Every key has a `kid`, derived from the secret (`k-` and 16
 * base64url characters of its SHA-256), which tokens carry in their JWT header: every process that reads the
 * same key names it the same, and nothing but the secret needs storing.
 *
 * Where the keys are:
 * - JWT_SECRET, when configured: a ring of that one key (rotate by changing the secret; every token then fails).
 * - otherwise `DATA_DIR/jwt-signing.key`, the current key (a random 256-bit key created on first start, mode
 *   0600), and `DATA_DIR/jwt-previous.keys`, the previous keys (JSON `[{kid, secret, retireAt}]`, mode 0600),
 *   which `npm run cli -- rotate-key` writes (rotate.ts).
 *
 * A running server re-reads the two files when they change (checked at most once a second, when a token is
 * verified), so a rotation or an early retirement takes effect without a restart.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CURRENT_KEY_FILE = 'jwt-signing.key';
export const PREVIOUS_KEYS_FILE = 'jwt-previous.keys';

/** One signing key. */
export interface TokenKey {
  readonly kid: string;
  readonly secret: Uint8Array;
  /** Epoch milliseconds from which it no longer verifies (a previous key); absent for the current key. */
  readonly retireAt?: number;
}

/** A token's key as the ring knows it: the key, or why not. */
export type KeyLookup = TokenKey | 'unknown' | 'retired';

/** Whether a verified token has been revoked (services/auth/revocations.ts). */
export interface RevocationCheck {
  isRevoked(token: { readonly jti: string | undefined; readonly sub: string; readonly iatSeconds: number | undefined }): boolean;
}

export interface KeyRing {
  /** The key new tokens are signed with. */
  current(): TokenKey;
  /** The key named `kid` as it stands at `nowMs` (a previous key past its `retireAt` is `retired`). */
  lookup(kid: string, nowMs: number): KeyLookup;
  /** The revocations a running server consults; absent in tools that only issue tokens. */
  readonly revocations?: RevocationCheck;
}

/** The kid of a secret: `k-` and the first 16 base64url characters of its SHA-256 (96 bits). */
export function kidOf(secret: Uint8Array): string {
  return `k-${createHash('sha256').update(secret).digest('base64url').slice(0, 16)}`;
}

/** A ring of one key that never retires (a raw secret: JWT_SECRET, tests, tools). */
export function singleKeyRing(secret: Uint8Array): KeyRing {
  const key: TokenKey = { kid: kidOf(secret), secret };
  return { current: () => key, lookup: (kid) => (kid === key.kid ? key : 'unknown') };
}

const rings = new WeakMap<Uint8Array, KeyRing>();
/** The ring of a raw secret (made once per secret), or the ring itself. */
export function ringOf(key: Uint8Array | KeyRing): KeyRing {
  if (!(key instanceof Uint8Array)) return key;
  let ring = rings.get(key);
  if (!ring) {
    ring = singleKeyRing(key);
    rings.set(key, ring);
  }
  return ring;
}

/** The same ring consulting `revocations` (the runtime adds them once the log is open). */
export function withRevocations(ring: KeyRing, revocations: RevocationCheck): KeyRing {
  return { current: () => ring.current(), lookup: (kid, now) => ring.lookup(kid, now), revocations };
}

interface StoredPreviousKey {
  readonly kid: string;
  readonly secret: string;
  readonly retireAt: string;
}

/** The current key's secret from DATA_DIR, created on first start. */
function readCurrentSecret(dataDir: string): Uint8Array {
  const file = join(dataDir, CURRENT_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

/** The previous keys from DATA_DIR (none when the file is absent); a malformed file stops the start. */
export function readPreviousKeys(dataDir: string): TokenKey[] {
  const file = join(dataDir, PREVIOUS_KEYS_FILE);
  if (!existsSync(file)) return [];
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON list of {kid, secret, retireAt}`);
  return parsed.map((entry: StoredPreviousKey, i) => {
    const retireAt = Date.parse(entry?.retireAt);
    if (typeof entry?.secret !== 'string' || entry.secret.length === 0 || !Number.isFinite(retireAt)) {
      throw new Error(`${file}: entry ${i} must be {kid, secret, retireAt (ISO instant)}`);
    }
    const secret = new TextEncoder().encode(entry.secret);
    // The kid is recomputed from the secret: an edited kid cannot name another key.
    return { kid: kidOf(secret), secret, retireAt };
  });
}

/** Writes the previous keys (mode 0600). */
export function writePreviousKeys(dataDir: string, keys: readonly TokenKey[]): void {
  const stored: StoredPreviousKey[] = keys.map((k) => ({ kid: k.kid, secret: new TextDecoder().decode(k.secret), retireAt: new Date(k.retireAt ?? 0).toISOString() }));
  writeFileSync(join(dataDir, PREVIOUS_KEYS_FILE), `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
}

/** The ring kept in DATA_DIR, re-read when its files change. */
function fileKeyRing(dataDir: string): KeyRing {
  const files = [join(dataDir, CURRENT_KEY_FILE), join(dataDir, PREVIOUS_KEYS_FILE)];
  const stamp = () => files.map((f) => (existsSync(f) ? `${statSync(f).mtimeMs}/${statSync(f).size}` : '-')).join('|');
  let current: TokenKey;
  let byKid: Map<string, TokenKey>;
  let seen = '';
  let checkedAt = Number.NEGATIVE_INFINITY;
  const load = () => {
    const secret = readCurrentSecret(dataDir);
    current = { kid: kidOf(secret), secret };
    byKid = new Map(readPreviousKeys(dataDir).map((k) => [k.kid, k]));
    byKid.set(current.kid, current);
    seen = stamp();
  };
  load();
  const refresh = () => {
    const now = Date.now();
    if (now - checkedAt < 1_000) return;
    checkedAt = now;
    try {
      if (stamp() !== seen) load();
    } catch {
      // A rotation half-written (or a bad edit): keep the keys loaded last; the next check tries again.
    }
  };
  return {
    current() {
      refresh();
      return current;
    },
    lookup(kid, nowMs) {
      refresh();
      const key = byKid.get(kid);
      if (!key) return 'unknown';
      return key.retireAt !== undefined && nowMs >= key.retireAt ? 'retired' : key;
    },
  };
}

/** The signing keys: JWT_SECRET's one key when configured, else the ring kept in the data directory. */
export function loadSigningKey(dataDir: string, configured?: string): KeyRing {
  if (configured) return singleKeyRing(new TextEncoder().encode(configured));
  return fileKeyRing(dataDir);
}
