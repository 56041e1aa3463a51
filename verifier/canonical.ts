/**
 * The verifier's own encoding and hashes, written apart from the server's (services/store/hashChain.ts) so
 * that the check does not rest on the code it checks; tests/verifier/canonical.test.ts holds the two equal.
 *
 * Canonical JSON: object keys sorted by UTF-16 code unit, no whitespace, undefined members omitted.
 */
import { createHash } from 'node:crypto';
import type { ExportedEvent } from './format.js';

export const GENESIS = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('non-finite number');
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString());
    case 'object': {
      const o = value as Record<string, unknown>;
      const members = Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`);
      return `{${members.join(',')}}`;
    }
    default:
      throw new TypeError(`cannot encode ${typeof value}`);
  }
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The log's chain hash of an event: SHA-256 of the canonical JSON of {prevHash, streamId, revision, eventId, type, schemaVersion, data, metadata}. */
export function eventHash(e: Omit<ExportedEvent, 'seq' | 'position' | 'hash'>): string {
  const { commandId, correlationId, causationId, actor, recordedAt } = e.metadata;
  return sha256(
    canonicalJson({
      prevHash: e.prevHash,
      streamId: e.streamId,
      revision: e.revision,
      eventId: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: { commandId, correlationId, causationId, actor: { personId: actor.personId, role: actor.role }, recordedAt },
    }),
  );
}

/** The export's order: d₀ = 64 zeros, dᵢ₊₁ = SHA-256(dᵢ LF seq LF position LF streamId LF hash). */
export function nextSequence(previous: string, e: Pick<ExportedEvent, 'seq' | 'position' | 'streamId' | 'hash'>): string {
  return sha256(`${previous}\n${e.seq}\n${e.position}\n${e.streamId}\n${e.hash}`);
}

export function sequenceDigest(events: readonly Pick<ExportedEvent, 'seq' | 'position' | 'streamId' | 'hash'>[]): string {
  let d = GENESIS;
  for (const e of events) d = nextSequence(d, e);
  return d;
}

/** RFC 7638 thumbprint of an Ed25519 public key given by its `x`, hex (the server's `kid`). */
export const thumbprint = (x: string): string => sha256(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`);
