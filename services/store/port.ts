/**
 * The event store port. Every adapter (in-memory, SQLite, EventStoreDB) implements it with EventStoreDB
 * semantics: streams with 0-based revisions, one global order of all events, expected revisions
 * `any | no_stream | stream_exists | n`, and catch-up subscriptions from a global position.
 *
 * Revisions and positions are bigints, as in `@eventstore/db-client`. Positions are opaque but totally
 * ordered; `0n` means "before the first event". A position is the position *of* an event; reading or
 * subscribing "from" a position is exclusive (it starts after it), as in EventStoreDB.
 */
import type { NewEvent, RecordedEvent } from '../../domain/shared/log.js';
import type { TreeHead } from './logTree.js';

/** The log's record types live in the shared kernel (domain/ and projections/ read them); re-exported here. */
export type { NewEvent, RecordedEvent } from '../../domain/shared/log.js';
export type { TreeHead } from './logTree.js';

/** What the writer expects of the stream's current state. `n` = the stream's last revision is n. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event written (the revision to expect next time). */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last event written (0n when nothing was written). */
  readonly position: bigint;
  /** Chain hash of the last event written ('' when nothing was written). */
  readonly hash: string;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0n. */
  readonly fromRevision?: bigint;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events strictly after this position. Default: from the start. */
  readonly after?: bigint;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position (a checkpoint). Default: from the start. */
  readonly after?: bigint;
  /**
   * Only events of these types are read, decoded and delivered (default: every event). The others are
   * skipped by the store, where it can without decoding them, yet the subscription still moves past them:
   * see `through` in `onEvents`. A subscriber that saves `through` as its checkpoint resumes after them.
   */
  readonly types?: readonly string[];
  /**
   * Receives events in global order, in batches; the next batch is not delivered before the returned
   * promise settles. A rejection stops the subscription and is passed to `onError`. `through` is the
   * position the store has read up to with this batch: the last event's position, or, with `types`, possibly
   * beyond it (skipped events); then a batch may be empty, delivered only to move the checkpoint on.
   */
  readonly onEvents: (events: readonly RecordedEvent[], through: bigint) => Promise<void> | void;
  /** Called each time the subscription has delivered everything the store had (may be called often). */
  readonly onCaughtUp?: (position: bigint) => void;
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface StoreHealth {
  readonly ok: boolean;
  readonly adapter: string;
  readonly detail?: string;
}

export interface EventStore {
  /** Adapter name, e.g. `memory`, `sqlite`, `esdb`. */
  readonly name: string;
  /**
   * Appends atomically. Resolves only once the events are durable. Rejects with `RevisionConflictError`
   * when the expected revision does not hold; nothing is written then. Appending an empty list checks the
   * expectation and returns the current state (position 0n when nothing was written).
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Events of a stream in revision order; `[]` when the stream does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to all streams: history first, then live events. */
  subscribe(options: SubscribeOptions): Subscription;
  /** Position of the newest event in the log (0n when empty). */
  headPosition(): Promise<bigint>;
  health(): Promise<StoreHealth>;
  /**
   * The head of the log tree (an RFC 6962 Merkle tree over the whole global order, logTree.ts) as of the
   * newest event, kept by the store's writer. Absent where the store keeps no tree (EventStoreDB).
   */
  treeHead?(): Promise<TreeHead>;
  /**
   * A log position every read made after this call is sure to see (the newest commit this process knows of),
   * or undefined. Absent where the store keeps no commit records (EventStoreDB). #18: with committedWithout it
   * spares a command a read to learn that nothing of interest was committed in between.
   */
  committedThrough?(): bigint | undefined;
  /**
   * True when the commit records show that no event of a type that `matters` lies in (after, through], with no
   * gap (a gap is another process's commit, unknown here); false when unsure.
   */
  committedWithout?(after: bigint, through: bigint, matters: (type: string) => boolean): boolean;
  close(): Promise<void>;
}

/** The stream was not at the expected revision. Maps EventStoreDB's WrongExpectedVersion. */
export class RevisionConflictError extends Error {
  readonly code = 'revision_conflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, or `'no_stream'`. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${streamId}: expected ${String(expected)}, actual ${String(actual)}`);
    this.name = 'RevisionConflictError';
  }
}

/** The store cannot be reached or has been closed. */
export class StoreUnavailableError extends Error {
  readonly code = 'store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A stored event could not be decoded (its data or metadata is not JSON). Readers name its place instead of
 * failing with a parser's message; `cli verify` reports it as a broken event and goes on.
 */
export class MalformedEventError extends Error {
  readonly code = 'malformed_event';
  constructor(
    readonly position: bigint,
    readonly streamId: string,
    readonly revision: bigint,
    /** The hashes stored with the row, so a verifier can go on past it. */
    readonly stored: { readonly hash: string; readonly leafHash?: string },
    options?: { cause?: unknown },
  ) {
    super(`event at position ${position} (stream ${streamId} revision ${revision}) cannot be decoded`, options);
    this.name = 'MalformedEventError';
  }
}

/** Checks an expectation against a stream's last revision (`-1n` when it does not exist). */
export function expectationHolds(expected: ExpectedRevision, lastRevision: bigint): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return lastRevision === -1n;
    case 'stream_exists':
      return lastRevision >= 0n;
    default:
      return expected === lastRevision;
  }
}
