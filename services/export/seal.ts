/**
 * Seals an export: chains every stream over the pseudonymised events with the log's own construction
 * (hashChain.ts), chains the export's order (verifier/canonical.ts `nextSequence`), and signs the manifest with
 * the log's Ed25519 key. The format is the verifier's (verifier/format.ts).
 */
import { sign, type KeyObject } from 'node:crypto';
import { nextSequence, GENESIS } from '../../verifier/canonical.js';
import { EXPORT_FORMAT, type ExportedEvent, type ExportedMetadata, type ExportFile, type ExportManifest, type StreamHead } from '../../verifier/format.js';
import { canonicalJson, eventHash } from '../store/hashChain.js';

/** An event about to be sealed: already pseudonymised, in the log's order. */
export interface UnsealedEvent {
  readonly position: bigint;
  readonly streamId: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: ExportedMetadata;
}

export interface SealInput {
  readonly compoundId: string;
  readonly exportedAt: string;
  readonly source: ExportManifest['source'];
  readonly pseudonyms: string;
  readonly events: readonly UnsealedEvent[];
}

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly jwk: { readonly kid: string; readonly x: string };
}

export function sealExport(input: SealInput, key: SigningKey): ExportFile {
  const heads = new Map<string, { events: number; head: string }>();
  let sequence = GENESIS;
  const events: ExportedEvent[] = input.events.map((e, seq) => {
    const stream = heads.get(e.streamId) ?? { events: 0, head: GENESIS };
    const revision = BigInt(stream.events);
    const hash = eventHash(e.streamId, revision, stream.head, e);
    const sealed: ExportedEvent = { seq, position: e.position.toString(), streamId: e.streamId, revision: revision.toString(), eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata, prevHash: stream.head, hash };
    heads.set(e.streamId, { events: stream.events + 1, head: hash });
    sequence = nextSequence(sequence, sealed);
    return sealed;
  });
  const streams: StreamHead[] = [...heads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([streamId, h]) => ({ streamId, events: h.events, head: h.head }));
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    compoundId: input.compoundId,
    exportedAt: input.exportedAt,
    source: input.source,
    pseudonyms: input.pseudonyms,
    events: events.length,
    streams,
    sequence,
    key: { kid: key.jwk.kid, x: key.jwk.x },
  };
  return { manifest, signature: sign(null, Buffer.from(canonicalJson(manifest)), key.privateKey).toString('hex'), events };
}
