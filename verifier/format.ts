/**
 * The export file (导出文件) of one compound's log, as `cli export` and `GET /v1/compounds/{id}/export` write it
 * and `npm run verify-export` reads it. One JSON object:
 *
 *   { manifest, signature, events: [ExportedEvent...] }
 *
 * `events` are the compound's events in the log's global order, personal data replaced by field (person ids by
 * per-compound pseudonyms, voter ids and receipts re-derived from them, names, contacts and encrypted envelopes
 * dropped). Because that changes the events' bytes, the export carries its own hash chains: every stream is
 * re-chained over the pseudonymised events with the log's construction (canonical.ts `eventHash`), the
 * `sequence` digest chains every event's place, source position and hash in the export's order, and the
 * manifest (streams with their heads, counts, the sequence digest, the source log's tree head) is signed with
 * the server's Ed25519 log key. So a change to any byte breaks a chain, the sequence, or the signature.
 */

export const EXPORT_FORMAT = 'compound-export/v1';

export interface ExportedMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: { readonly personId: string; readonly role: string };
  readonly recordedAt: string;
}

export interface ExportedEvent {
  /** 0-based place in the export. */
  readonly seq: number;
  /** The event's position in the server's log (what `?asOf=` positions refer to), decimal. */
  readonly position: string;
  readonly streamId: string;
  /** Decimal. */
  readonly revision: string;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: ExportedMetadata;
  readonly prevHash: string;
  readonly hash: string;
}

export interface StreamHead {
  readonly streamId: string;
  readonly events: number;
  /** The hash of the stream's last exported event. */
  readonly head: string;
}

export interface ExportManifest {
  readonly format: typeof EXPORT_FORMAT;
  readonly compoundId: string;
  readonly exportedAt: string;
  /** The server's log tree head when the export was read (`GET /v1/log/head` signs the same figures), or null (EventStoreDB). */
  readonly source: { readonly treeSize: string; readonly rootHash: string } | null;
  /** How personal data was replaced (a description; the secret never leaves the server). */
  readonly pseudonyms: string;
  readonly events: number;
  /** Streams sorted by id. */
  readonly streams: readonly StreamHead[];
  /** sequenceDigest over the events (canonical.ts). */
  readonly sequence: string;
  /** The signing key: its RFC 7638 thumbprint (hex, as `GET /v1/keys` lists it as `kid`) and public `x`. */
  readonly key: { readonly kid: string; readonly x: string };
}

export interface ExportFile {
  readonly manifest: ExportManifest;
  /** Ed25519 over the UTF-8 of canonicalJson(manifest), hex. */
  readonly signature: string;
  readonly events: readonly ExportedEvent[];
}
