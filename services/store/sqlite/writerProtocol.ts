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

/**
 * The appends of one message as one flat array (issue #18): per append `id, streamId, expected, event count`,
 * then per event its eight fields in WireEvent's order. The structured clone of objects rebuilds each one
 * property by property; of a flat array of strings, numbers and bigints it is about half the CPU on either side
 * (same-run micro bench, 25 ballots a message: serialize 0.75 -> 0.40 us, deserialize 1.23 -> 0.47 us per
 * append, the writer's rebuilding of the objects included).
 */
export type FlatAppends = Array<string | number | bigint>;

/** Adds `append` to a message's flat array. */
export function pushAppend(flat: FlatAppends, id: number, streamId: string, events: readonly WireEvent[], expected: ExpectedRevision): void {
  flat.push(id, streamId, expected, events.length);
  for (const e of events) flat.push(e.eventId, e.type, e.schemaVersion, e.dataJson, e.metadataJson, e.hashHead, e.hashTail, e.metadataCanonical);
}

/** The appends of a flat array, in order (the inverse of pushAppend). */
export function readAppends(flat: FlatAppends): WireAppend[] {
  const appends: WireAppend[] = [];
  let i = 0;
  while (i < flat.length) {
    const id = flat[i] as number;
    const streamId = flat[i + 1] as string;
    const expected = flat[i + 2] as ExpectedRevision;
    const n = flat[i + 3] as number;
    i += 4;
    const events: WireEvent[] = [];
    for (let k = 0; k < n; k++, i += 8) {
      events.push({
        eventId: flat[i] as string,
        type: flat[i + 1] as string,
        schemaVersion: flat[i + 2] as number,
        dataJson: flat[i + 3] as string,
        metadataJson: flat[i + 4] as string,
        hashHead: flat[i + 5] as string,
        hashTail: flat[i + 6] as string,
        metadataCanonical: flat[i + 7] as string,
      });
    }
    appends.push({ id, streamId, events, expected });
  }
  return appends;
}

export type ToWriter =
  | { readonly kind: 'append'; readonly appends: FlatAppends }
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
 * The outcomes of one transaction as one flat array (issue #18), as the appends travel: per append its id, then
 * `nextExpectedRevision, position, hash` when it was written, or its WireFailure (an object) when not. The
 * structured clone of an object per outcome, with its result object, cost about three times as much on the two
 * threads together (same-run micro bench, 25 outcomes a message: 1.2-1.7 -> 0.35-0.47 us per outcome).
 */
export type FlatOutcomes = Array<number | bigint | string | WireFailure>;

/** Adds one outcome to a message's flat array. */
export function pushOutcome(flat: FlatOutcomes, id: number, outcome: { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly failure: WireFailure }): void {
  if (outcome.ok) flat.push(id, outcome.result.nextExpectedRevision, outcome.result.position, outcome.result.hash);
  else flat.push(id, outcome.failure);
}

/** Calls `settle` for each outcome of a flat array, in order (the inverse of pushOutcome). */
export function forEachOutcome(flat: FlatOutcomes, settle: (id: number, result: AppendResult | undefined, failure: WireFailure | undefined) => void): void {
  let i = 0;
  while (i < flat.length) {
    const id = flat[i] as number;
    const next = flat[i + 1];
    if (typeof next === 'bigint') {
      settle(id, { nextExpectedRevision: next, position: flat[i + 2] as bigint, hash: flat[i + 3] as string }, undefined);
      i += 4;
    } else {
      settle(id, undefined, next as WireFailure);
      i += 2;
    }
  }
}

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
  /** ops (metrics): `appends` settled, `events` in the transaction and `seconds` it took, COMMIT and fsync included. `record`: what it added, if anything. */
  | { readonly kind: 'settled'; readonly outcomes: FlatOutcomes; readonly appends: number; readonly committed: boolean; readonly events: number; readonly seconds: number; readonly record?: CommitRecord }
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
