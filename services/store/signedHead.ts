/**
 * Signed tree heads: the log tree's size and root (logTree.ts) with a time, signed with the log's Ed25519
 * key. Published at `GET /v1/log/head` and on the notice board; whoever keeps one can later check that the
 * log still begins with exactly what it signed (`cli verify --head`).
 *
 * The signature is Ed25519 over the UTF-8 bytes of the canonical JSON (hashChain.ts) of
 * {keyId, rootHash, timestamp, treeSize}, treeSize as a decimal string.
 */
import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './hashChain.js';
import type { TreeHead } from './logTree.js';

export interface SignedTreeHead {
  /** Leaves (events) the head covers, as a decimal string. */
  readonly treeSize: string;
  /** RFC 6962 root over those leaves, hex. */
  readonly rootHash: string;
  /** ISO-8601 instant of signing. */
  readonly timestamp: string;
  /** The signing key's `kid` (its RFC 7638 JWK thumbprint, hex), as listed at `GET /v1/keys`. */
  readonly keyId: string;
  /** Ed25519 signature, hex (128 digits). */
  readonly signature: string;
}

export function signedBytes(head: Omit<SignedTreeHead, 'signature'>): Buffer {
  return Buffer.from(canonicalJson({ keyId: head.keyId, rootHash: head.rootHash, timestamp: head.timestamp, treeSize: head.treeSize }));
}

export function signTreeHead(key: { readonly privateKey: KeyObject; readonly keyId: string }, head: TreeHead, at: Date): SignedTreeHead {
  const unsigned = { treeSize: head.treeSize.toString(), rootHash: head.rootHash, timestamp: at.toISOString(), keyId: key.keyId };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key.privateKey).toString('hex') };
}

/** True iff `head` is signed by the key its keyId names among `publicKeys` (kid → key). */
export function signatureHolds(head: SignedTreeHead, publicKeys: ReadonlyMap<string, KeyObject>): boolean {
  const key = publicKeys.get(head.keyId);
  if (!key) return false;
  try {
    if (!/^[0-9a-f]{128}$/.test(head.signature)) return false;
    return verify(null, signedBytes(head), key, Buffer.from(head.signature, 'hex'));
  } catch {
    return false;
  }
}

/** Reads a signed head from JSON text; throws a TypeError naming what is wrong. */
export function parseSignedTreeHead(text: string): SignedTreeHead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new TypeError('a signed tree head must be JSON');
  }
  const v = value as Record<string, unknown>;
  if (value === null || typeof value !== 'object') throw new TypeError('a signed tree head must be a JSON object');
  if (typeof v.treeSize !== 'string' || !/^(0|[1-9]\d*)$/.test(v.treeSize)) throw new TypeError('treeSize must be a decimal string');
  if (typeof v.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(v.rootHash)) throw new TypeError('rootHash must be 64 hex digits');
  for (const k of ['timestamp', 'keyId', 'signature'] as const) {
    if (typeof v[k] !== 'string' || v[k] === '') throw new TypeError(`${k} must be a non-empty string`);
  }
  return { treeSize: v.treeSize, rootHash: v.rootHash, timestamp: v.timestamp as string, keyId: v.keyId as string, signature: v.signature as string };
}
