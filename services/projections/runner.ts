/**
 * Feeds the read database from the store's catch-up subscription: each batch of events is turned into
 * document changes by the pure projections and committed with the new checkpoint in one transaction.
 * Readers can wait until a given global position has been applied (read-your-writes).
 */
import { createHash } from 'node:crypto';
import type { DocChange, Projection } from '../../projections/projection.js';
import type { EventStore, RecordedEvent, Subscription } from '../store/port.js';
import { positionWaiters } from './positionWaiters.js';
import { DELETED, pendingKey, type CommandRecord, type ReadStore } from './readStore.js';

export interface ProjectionRunner {
  /** Global position of the last event applied to the read database. */
  position(): bigint;
  /** Resolves once the read database has applied `position`; false on timeout. */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean>;
  /** Last subscription error, if the runner stopped. */
  failure(): unknown;
  close(): Promise<void>;
}

export function projectionFingerprint(projections: readonly Projection[]): string {
  const names = projections.map((p) => `${p.name}@${p.version}`).sort();
  return createHash('sha256').update(names.join(',')).digest('hex').slice(0, 16);
}

/** Pure step: the changes and command records for one batch, given the stored documents. */
export function projectBatch(
  projections: readonly Projection[],
  read: ReadStore,
  events: readonly RecordedEvent[],
): { changes: DocChange[]; commands: CommandRecord[] } {
  const pending = new Map<string, unknown>();
  const reader = read.reader(pending);
  const changes: DocChange[] = [];
  const commands = new Map<string, { streamId: string; requestHash: string; firstRevision: bigint; count: number; position: bigint }>();
  for (const event of events) {
    const { commandId, requestHash } = event.metadata;
    if (commandId && requestHash) {
      const c = commands.get(commandId);
      if (c) {
        c.count += 1;
        c.position = event.position;
      } else {
        commands.set(commandId, {
          streamId: event.streamId,
          requestHash,
          firstRevision: event.revision,
          count: 1,
          position: event.position,
        });
      }
    }
    for (const projection of projections) {
      if (!projection.handles.includes(event.type)) continue;
      for (const change of projection.apply(event, reader)) {
        changes.push(change);
        pending.set(pendingKey(change.collection, change.id), change.op === 'put' ? change.doc : DELETED);
      }
    }
  }
  return {
    changes: lastPerDocument(changes),
    commands: [...commands].map(([commandId, c]) => ({ commandId, ...c })),
  };
}

/**
 * Only the last change to each document matters within one transaction: a batch of 60 ballots on one motion
 * writes its tally once, not 60 times. Documents keep the order of their first change.
 */
export function lastPerDocument(changes: readonly DocChange[]): DocChange[] {
  const last = new Map<string, DocChange>();
  for (const change of changes) {
    const key = pendingKey(change.collection, change.id);
    // A Map keeps the slot of a key's first insertion, so a later set only replaces the change.
    last.set(key, change);
  }
  return [...last.values()];
}

export interface RunnerHooks {
  readonly log?: { error(obj: unknown, msg: string): void };
  /** After each batch is committed to the read database, with its last position. */
  readonly onApplied?: (position: bigint) => void;
  readonly onError?: (error: unknown) => void;
}

export function startProjectionRunner(
  store: Pick<EventStore, 'subscribe'>,
  read: ReadStore,
  projections: readonly Projection[],
  hooks: RunnerHooks = {},
): ProjectionRunner {
  read.resetIfChanged(projectionFingerprint(projections));
  const applied = positionWaiters(read.checkpoint());
  let failed: unknown;

  const subscription: Subscription = store.subscribe({
    after: applied.position(),
    onEvents(events) {
      const { changes, commands } = projectBatch(projections, read, events);
      const last = events[events.length - 1]!.position;
      read.commit(changes, commands, last);
      applied.advance(last);
      hooks.onApplied?.(last);
    },
    onError(error) {
      failed = error;
      hooks.log?.error({ err: error }, 'projection runner stopped');
      hooks.onError?.(error);
    },
  });

  return {
    position: applied.position,
    failure: () => failed,
    waitFor: applied.waitFor,
    async close() {
      await subscription.close();
      applied.releaseAll();
    },
  };
}
