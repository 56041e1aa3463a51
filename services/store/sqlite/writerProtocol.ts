/**
 * Messages between the SQLite store (main thread) and its writer thread (writerThread.ts). Only strings,
 * numbers and bigints cross, so the structured clone is cheap: event data and metadata travel as the JSON
 * text that will be stored.
 */
import { RevisionConflictError, StoreUnavailableError, type AppendResult, type ExpectedRevision } from '../port.js';
import { assertNever } from '../../../domain/shared/decider.js';

/**
 * Most events one transaction takes. Large enough that 64+ concurrent producers fit in one batch, small
 * enough that a flood does not hold the write lock for long.
 */
export const MAX_BATCH_EVENTS = 2048;

/** An event as the writer receives it: validated, serialized and canonically encoded on the caller's side (encode.ts). */
export interface WireEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** What is stored: JSON.stringify of the caller's data and metadata. */
  readonly dataJson: string;
  readonly metadataJson: string;
  /** The chain hash's encoding around prevHash and revision (hashChain.ts `HashParts`), of the JSON round-trip. */
  readonly hashHead: string;
  readonly hashTail: string;
  /** canonicalJson of the whole metadata (its round-trip), for the event's log-tree leaf. */
  readonly metadataCanonical: string;
}

export interface WireAppend {
  readonly id: number;
  readonly streamId: string;
  readonly events: readonly WireEvent[];
  readonly expected: ExpectedRevision;
}

export type ToWriter =
  | { readonly kind: 'append'; readonly appends: readonly WireAppend[] }
  /** Finish what is queued, fold the WAL into the file, close. */
  | { readonly kind: 'close' };

/** Why one append failed, in a form that survives the thread boundary. */
export type WireFailure =
  | { readonly kind: 'conflict'; readonly streamId: string; readonly expected: ExpectedRevision; readonly actual: bigint | 'no_stream' }
  /** A constraint (e.g. a duplicate event id) refused this append alone. */
  | { readonly kind: 'constraint'; readonly message: string; readonly code: string }
  /** The whole transaction failed (busy, I/O, disk full): nothing of its batch is in the log. */
  | { readonly kind: 'unavailable'; readonly message: string };

export type WireOutcome = { readonly id: number; readonly ok: true; readonly result: AppendResult } | { readonly id: number; readonly ok: false; readonly failure: WireFailure };

/**
 * What one committed transaction added to the log: the positions after `from` up to `through`, all of them this
 * writer's, and the distinct types of their events. Lets a type-filtered subscription in this process pass a
 * commit holding none of its types without a query (issue #18: each reactor read the log after every commit).
 */
export interface CommitRecord {
  readonly from: bigint;
  readonly through: bigint;
  readonly types: readonly string[];
}

export type FromWriter =
  /** ops (metrics): `events` in the transaction and `seconds` it took, COMMIT and fsync included. `record`: what it added, if anything. */
  | { readonly kind: 'settled'; readonly outcomes: readonly WireOutcome[]; readonly committed: boolean; readonly events: number; readonly seconds: number; readonly record?: CommitRecord }
  | { readonly kind: 'closed' }
  /** The writer could not open the file or died; the store is unusable. */
  | { readonly kind: 'fatal'; readonly message: string };

export function failureToError(failure: WireFailure): Error {
  switch (failure.kind) {
    case 'conflict':
      return new RevisionConflictError(failure.streamId, failure.expected, failure.actual);
    case 'constraint':
      return Object.assign(new Error(failure.message), { code: failure.code });
    case 'unavailable':
      return new StoreUnavailableError(`append failed: ${failure.message}`);
    default:
      return assertNever(failure);
  }
}

export function errorToFailure(error: unknown): WireFailure {
  if (error instanceof RevisionConflictError) return { kind: 'conflict', streamId: error.streamId, expected: error.expected, actual: error.actual };
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return { kind: 'constraint', message, code };
  return { kind: 'unavailable', message };
}
