/**
 * Feeds the read database from the store's catch-up subscription: each batch of events is turned into
 * document changes by the pure projections and committed with the new checkpoints in one transaction.
 * Readers can wait until a given global position has been applied (read-your-writes).
 *
 * A checkpoint per projection: a projection whose version changed (or a new one) replays the log alone from
 * the start while the others and the command index skip what they have already applied. A projection that
 * throws on an event stops for that event's scope (its compound) alone: the failure is recorded as a document
 * (event position, type, reason), that scope's later events are skipped by that projection, and everything
 * else goes on. A poison event never stops the read side.
 */
import { defaultScope, type DocChange, type DocReader, type Projection } from '../../projections/projection.js';
import type { EventStore, RecordedEvent, Subscription } from '../store/port.js';
import { positionWaiters } from './positionWaiters.js';
import type { CatchUpProgress } from './catchUpProgress.js';
import { DELETED, encodeBatch, failureId, pendingKey, PROJECTION_FAILURES, type CommandRecord, type OwnedChange, type ProjectionFailure, type ReadStore, type WriteBatch } from './readStore.js';

export interface ProjectionRunner {
  /** Global position of the last event applied to the read database (by every projection). */
  position(): bigint;
  /** Resolves once the read database has applied `position`; false on timeout. */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean>;
  /** Last subscription error, if the runner stopped. */
  failure(): unknown;
  /** The last catch-up report (rebuild progress), if this runner reports one (the projection thread does). */
  progress?(): CatchUpProgress | null;
  close(): Promise<void>;
}

/** An error's message without file paths (they tell an attacker about the machine, and nothing to a reader). */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"]+)+/g, '<path>').slice(0, 500);
}

/** Where each projection stands, and the command index; the failed scopes each projection skips. */
export interface RunnerState {
  readonly positions: Map<string, bigint>;
  commandsAt: bigint;
  readonly failed: Set<string>;
}

const handlerIndex = new WeakMap<readonly Projection[], ReadonlyMap<string, readonly Projection[]>>();

/**
 * The projections that handle each event type, in their order (#18: a rebuild looked through every
 * projection's list of types for every event). Kept per projections array.
 */
function handlersByType(projections: readonly Projection[]): ReadonlyMap<string, readonly Projection[]> {
  let index = handlerIndex.get(projections);
  if (!index) {
    const built = new Map<string, Projection[]>();
    for (const projection of projections) {
      for (const type of new Set(projection.handles)) {
        const list = built.get(type);
        if (list) list.push(projection);
        else built.set(type, [projection]);
      }
    }
    index = built;
    handlerIndex.set(projections, index);
  }
  return index;
}

/** What an event belongs to for `projection` (its failures stop that scope); the default if scopeOf throws. */
function scopeOf(projection: Projection, event: RecordedEvent, reader: DocReader): string {
  try {
    return projection.scopeOf ? projection.scopeOf(event, reader) : defaultScope(event);
  } catch {
    return defaultScope(event);
  }
}

/** Pure step: the changes, command records and new positions for one batch, given the stored documents. */
export function projectBatch(
  projections: readonly Projection[],
  read: Pick<ReadStore, 'reader'>,
  events: readonly RecordedEvent[],
  state: RunnerState,
): { changes: OwnedChange[]; commands: CommandRecord[]; failures: ProjectionFailure[]; pending: ReadonlyMap<string, unknown> } {
  const byType = handlersByType(projections);
  const pending = new Map<string, unknown>();
  const reader = read.reader(pending);
  // The last change to each document, in order of its first change (what lastPerDocument keeps), built as
  // the changes come rather than from a list of them all afterwards (#18: fewer allocations in a rebuild).
  const changes = new Map<string, OwnedChange>();
  const failures: ProjectionFailure[] = [];
  const commands = new Map<string, { commandId: string; streamId: string; requestHash: string; firstRevision: bigint; count: number; position: bigint }>();
  for (const event of events) {
    const { commandId, requestHash } = event.metadata;
    if (commandId && requestHash && event.position > state.commandsAt) {
      const c = commands.get(commandId);
      if (c) {
        c.count += 1;
        c.position = event.position;
      } else {
        commands.set(commandId, { commandId, streamId: event.streamId, requestHash, firstRevision: event.revision, count: 1, position: event.position });
      }
    }
    const handlers = byType.get(event.type);
    if (!handlers) continue;
    for (const projection of handlers) {
      if (event.position <= (state.positions.get(projection.name) ?? 0n)) continue;
      let produced: readonly DocChange[];
      // The event's scope is looked up only when some scope has failed, or this event fails (#18: for every
      // event it cost the assembly a document read and a key): apply changes nothing if it throws, so the
      // scope is the same after it.
      if (state.failed.size > 0 && state.failed.has(failureId(projection.name, scopeOf(projection, event, reader)))) continue;
      try {
        produced = projection.apply(event, reader);
      } catch (error) {
        const scope = scopeOf(projection, event, reader);
        const key = failureId(projection.name, scope);
        // Nothing of this event is kept for this projection; the scope is marked and skipped from now on.
        const failure: ProjectionFailure = { projection: projection.name, scope, position: event.position.toString(), eventType: event.type, reason: reasonOf(error) };
        state.failed.add(key);
        failures.push(failure);
        const change: OwnedChange = { op: 'put', collection: PROJECTION_FAILURES, id: key, parent: 'all', doc: failure, projection: projection.name };
        const k = pendingKey(change.collection, change.id);
        changes.set(k, change);
        pending.set(k, failure);
        continue;
      }
      for (const change of produced) {
        const k = pendingKey(change.collection, change.id);
        changes.set(k, { ...change, projection: projection.name });
        pending.set(k, change.op === 'put' ? change.doc : DELETED);
      }
    }
  }
  const last = events[events.length - 1]?.position;
  if (last !== undefined) {
    for (const [name, position] of state.positions) if (position < last) state.positions.set(name, last);
    if (state.commandsAt < last) state.commandsAt = last;
  }
  return {
    changes: [...changes.values()],
    commands: [...commands.values()],
    failures,
    // Each changed document's value after the batch (DELETED: removed), by its pendingKey.
    pending,
  };
}

/**
 * Only the last change to each document matters within one transaction: a batch of 60 ballots on one motion
 * writes its tally once, not 60 times. Documents keep the order of their first change.
 */
export function lastPerDocument<C extends DocChange>(changes: readonly C[]): C[] {
  const last = new Map<string, C>();
  for (const change of changes) {
    const key = pendingKey(change.collection, change.id);
    // A Map keeps the slot of a key's first insertion, so a later set only replaces the change.
    last.set(key, change);
  }
  return [...last.values()];
}

export interface RunnerHooks {
  readonly log?: { error(obj: unknown, msg: string): void; warn?(obj: unknown, msg: string): void };
  /** After each batch is committed to the read database, with its last position. */
  readonly onApplied?: (position: bigint) => void;
  readonly onError?: (error: unknown) => void;
  /** A projection could not apply an event (recorded; the rest goes on). */
  readonly onFailure?: (failure: ProjectionFailure) => void;
  /** The projections replayed from the start because their version changed or they are new. */
  readonly onPrepared?: (replayed: readonly string[]) => void;
}

/**
 * Commits off the runner's thread (#18, the projection thread's writer thread): while a large batch is being
 * committed the runner projects the next. The runner's documents read through the batches still in flight, and
 * it reports a position applied only once its batch is committed.
 */
export interface RunnerPipeline {
  /** Commits one batch; resolves once it is committed (in the order written). */
  write(batch: WriteBatch): Promise<void>;
  /** Batches of at least this many events go through it (a catch-up's pages); smaller ones (live) are committed inline, after it is empty. */
  readonly minEvents: number;
  /** Batches in flight at most (default 2). */
  readonly depth?: number;
  /** Asks for the batches written so far to be committed now: the runner is about to wait for them all. */
  readonly flush?: () => void;
}

export function startProjectionRunner(
  store: Pick<EventStore, 'subscribe'>,
  read: ReadStore,
  projections: readonly Projection[],
  hooks: RunnerHooks = {},
  pipeline?: RunnerPipeline,
): ProjectionRunner {
  const prepared = read.prepare(projections.map((p) => ({ name: p.name, version: p.version })));
  hooks.onPrepared?.(prepared.replayed);
  const state: RunnerState = {
    positions: prepared.positions,
    commandsAt: prepared.commandsAt,
    failed: new Set(read.failures().map((f) => failureId(f.projection, f.scope))),
  };
  const from = [...state.positions.values()].reduce((min, p) => (p < min ? p : min), state.commandsAt);
  const applied = positionWaiters(from);
  let failed: unknown;

  // No type filter here (#18): the command index reads the metadata of every event a command wrote, whatever
  // its type, so every event is read. Reactors, which need only their own types, filter.
  // The documents of each batch still being committed by the pipeline (its `pending`), oldest first: the
  // batches commit in order, so the first goes once its commit is done (#18: one map per batch rather than
  // every document set and deleted again in one map for all).
  const inFlight: ReadonlyMap<string, unknown>[] = [];
  const commits: Promise<void>[] = [];
  const layered: Pick<ReadStore, 'reader'> = {
    reader(pending) {
      if (!pipeline) return read.reader(pending);
      const stored = read.reader(new Map());
      return {
        get<T>(collection: string, id: string): T | undefined {
          const k = pendingKey(collection, id);
          let v = pending.get(k);
          // The newest batch that changed it.
          for (let i = inFlight.length - 1; v === undefined && i >= 0; i--) v = inFlight[i]!.get(k);
          if (v !== undefined) return v === DELETED ? undefined : (v as T);
          return stored.get<T>(collection, id);
        },
      };
    },
  };
  const committed = (last: bigint, failures: readonly ProjectionFailure[]) => {
    for (const f of failures) {
      hooks.log?.error({ projection: f.projection, scope: f.scope, position: f.position, eventType: f.eventType, reason: f.reason }, 'projection failed for one scope; the others go on');
      hooks.onFailure?.(f);
    }
    applied.advance(last);
    hooks.onApplied?.(last);
  };
  const drain = async () => {
    if (commits.length > 0) pipeline?.flush?.();
    while (commits.length > 0) await commits.shift();
  };

  // No type filter here (#18): the command index reads the metadata of every event a command wrote, whatever
  // its type, so every event is read. Reactors, which need only their own types, filter.
  const subscription: Subscription = store.subscribe({
    after: from,
    async onEvents(events) {
      if (events.length === 0) return;
      const { changes, commands, failures, pending } = projectBatch(projections, layered, events, state);
      const last = events[events.length - 1]!.position;
      if (pipeline && events.length >= pipeline.minEvents) {
        inFlight.push(pending);
        const done = pipeline.write(encodeBatch(changes, commands, state.positions, state.commandsAt)).then(() => {
          inFlight.shift();
          committed(last, failures);
        });
        // Awaited below or by the next drain; a failure stops the subscription there.
        done.catch(() => {});
        commits.push(done);
        while (commits.length >= (pipeline.depth ?? 2)) await commits.shift();
        return;
      }
      await drain();
      read.commit(changes, commands, state.positions, state.commandsAt);
      committed(last, failures);
    },
    onError(error) {
      failed = error;
      hooks.log?.error({ reason: reasonOf(error) }, 'projection runner stopped');
      hooks.onError?.(error);
    },
  });

  return {
    position: applied.position,
    failure: () => failed,
    waitFor: applied.waitFor,
    async close() {
      await subscription.close();
      await drain().catch(() => {});
      applied.releaseAll();
    },
  };
}
