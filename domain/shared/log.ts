/**
 * The log's record types, shared by every layer: the domain and the projections read recorded events, the
 * store adapters (services/store) write them. They live here, in the shared kernel, so that neither
 * `domain/` nor `projections/` imports `services/` (.dependency-cruiser.cjs); services/store/port.ts and
 * services/store/envelope.ts re-export them.
 *
 * Every metadata field except `requestHash` is covered by the per-stream hash chain.
 */

/** Who did it. */
export interface Actor {
  /** Person id (the JWT `sub`), or `system` for the server itself. */
  readonly personId: string;
  /** The grant the actor acted under, e.g. `admin`, `oc_member`. */
  readonly role: string;
}

/** The event envelope's metadata: who did it, on whose command, caused by what, and when. */
export interface EventMetadata {
  /** The command's id (the HTTP `Idempotency-Key`, or a generated one). */
  readonly commandId: string;
  /** Shared by every event of one business flow. */
  readonly correlationId: string;
  /** The command or event that caused this one. */
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 instant from the server's clock when the command was decided. */
  readonly recordedAt: string;
  /**
   * Hash of the HTTP request that carried the command (method, path, body, caller), so that a retry with
   * the same Idempotency-Key can be told from a different request reusing it. Not part of the hash chain.
   */
  readonly requestHash?: string;
}

/** An event as the command pipeline hands it to the store: the store adds revision, position and hashes. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event as it stands in the log. */
export interface RecordedEvent extends NewEvent {
  readonly streamId: string;
  /** 0-based revision within the stream. */
  readonly revision: bigint;
  /** Position in the one global order. */
  readonly position: bigint;
  /** Hash of the previous event of the same stream; `GENESIS_HASH` for revision 0. */
  readonly prevHash: string;
  /** SHA-256 over the canonical encoding (see services/store/hashChain.ts). */
  readonly hash: string;
  /**
   * The log-tree leaf (services/store/logTree.ts, hex) the store recorded when it appended the event, where
   * the store keeps one (SQLite, memory; not EventStoreDB). `cli verify` compares it with the leaf recomputed
   * at the event's place in the global order, to name the position where that order was changed.
   */
  readonly leafHash?: string;
}
