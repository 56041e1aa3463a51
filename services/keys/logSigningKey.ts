/**
 * The log's Ed25519 signing key, for signed tree heads (services/store/signedHead.ts) and, later, signed
 * exports: `DATA_DIR/log-signing.key` (PKCS#8 PEM, mode 0600), created on first start and reused after.
 * Its public half is listed at `GET /v1/keys` as a JWK whose `kid` is its RFC 7638 thumbprint in hex.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_SIGNING_KEY_FILE = 'log-signing.key';

/** A public key as a JWK (RFC 8037: kty OKP, crv Ed25519). */
export interface PublicJwk {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

export interface LogSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
  readonly jwk: PublicJwk;
}

/** Loads the key in `dataDir`, creating it first if there is none. */
export function loadLogSigningKey(dataDir: string): LogSigningKey {
  const file = join(dataDir, LOG_SIGNING_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const jwk = publicJwk(publicKey);
  return { privateKey, publicKey, keyId: jwk.kid, jwk };
}

/** The public key of `dataDir`'s signing key, or null when there is none (nothing is created). */
export function readLogPublicKey(dataDir: string): { readonly keyId: string; readonly publicKey: KeyObject } | null {
  const file = join(dataDir, LOG_SIGNING_KEY_FILE);
  if (!existsSync(file)) return null;
  const publicKey = createPublicKey(createPrivateKey(readFileSync(file, 'utf8')));
  return { keyId: publicJwk(publicKey).kid, publicKey };
}

export function publicJwk(publicKey: KeyObject): PublicJwk {
  const { x } = publicKey.export({ format: 'jwk' });
  if (typeof x !== 'string') throw new TypeError('not an Ed25519 public key');
  // RFC 7638: SHA-256 of the required members in lexicographic order, no whitespace; in hex (like every
  // hash on the notice board, it then cannot spell anything).
  const kid = createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('hex');
  return { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
}

/** A key from a JWK as `GET /v1/keys` lists it. */
export function jwkToPublicKey(jwk: { readonly kty: string; readonly crv: string; readonly x: string }): KeyObject {
  return createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
}
