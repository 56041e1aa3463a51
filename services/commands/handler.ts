/**
 * The generic command handler: read the stream (or take the cached state at its revision), decide,
 * append with the revision read, and on a revision conflict re-read and decide again, a bounded number
 * of times.
 */
import { hash as digest } from 'node:crypto';
import type { Decider, DecideContext, DomainEvent } from '../../domain/shared/decider.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import type { Actor, EventMetadata } from '../store/envelope.js';
import { RevisionConflictError, type EventStore, type NewEvent, type RecordedEvent } from '../store/port.js';
import type { StateCache } from './stateCache.js';
import { activeCalendar } from '../calendar.js';

/** Who sends a command and under which id; the HTTP layer fills it in. */
export interface CommandEnvelope {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  readonly now: Date;
  /**
   * Wall-clock milliseconds when the command arrived: the time part of its event ids (eventIds), nothing
   * else. Not a time rule, so not the injectable clock. Default: `now`.
   */
  readonly receivedAtMs?: number;
  /** See EventMetadata.requestHash. */
  readonly requestHash?: string;
}

export interface Handled<State> {
  readonly events: readonly RecordedEvent[];
  readonly state: State;
  /** Global position of the last event appended (0n when the decision appended nothing). */
  readonly position: bigint;
}

/** Ids derived from the command id, so that re-deciding the same command yields the same ids. */
export function commandIds(commandId: string): () => string {
  let n = 0;
  return () => {
    const h = digest('sha256', `${commandId}/${n++}`, 'hex');
    // Format as a UUID (version-5 layout) so ids look uniform everywhere.
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

/**
 * The id of a command sent with an `Idempotency-Key`: derived from the caller's subject and the key, so a key
 * is scoped to the principal. The same key from another principal is another command, which neither replays
 * the first one's answer nor learns from a 409 that the key was used (in another compound, say). A UUID in
 * the version-8 (custom) layout over SHA-256 of the JSON pair, so no separator can make two pairs collide.
 */
export function scopedCommandId(subject: string, key: string): string {
  const h = digest('sha256', `idempotency-key\n${JSON.stringify([subject, key])}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Event ids in the UUIDv7 layout (RFC 9562 §5.7): 48 bits of milliseconds, then bits derived from the
 * command, so re-deciding the same command yields the same ids. Time-ordered ids land at the right edge of
 * the store's unique index on event ids instead of on a random page each, which keeps the pages a commit
 * writes (and fsyncs) few.
 */
export function eventIds(seed: string, atMs: number): () => string {
  const time = Math.min(Math.max(0, Math.floor(atMs)), 2 ** 48 - 1).toString(16).padStart(12, '0');
  let n = 0;
  return () => {
    const h = digest('sha256', `${seed}/${n++}`, 'hex');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${h.slice(0, 3)}-${((parseInt(h[3]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(4, 7)}-${h.slice(7, 19)}`;
  };
}

export function envelopeEvents(
  streamId: string,
  events: readonly DomainEvent[],
  cmd: CommandEnvelope,
): NewEvent[] {
  const ids = eventIds(`${cmd.commandId}#event#${streamId}`, cmd.receivedAtMs ?? cmd.now.getTime());
  const metadata: EventMetadata = {
    commandId: cmd.commandId,
    correlationId: cmd.correlationId,
    causationId: cmd.causationId,
    actor: cmd.actor,
    recordedAt: cmd.now.toISOString(),
    ...(cmd.requestHash ? { requestHash: cmd.requestHash } : {}),
  };
  return events.map((e) => ({ eventId: ids(), type: e.type, schemaVersion: 1, data: e.data, metadata }));
}

export interface HandleOptions<State> {
  readonly cache?: StateCache<State>;
  /** How many times to re-decide after a revision conflict. */
  readonly retries?: number;
  /**
   * The stream is expected not to exist yet (a ballot stream, say): the first attempt decides on the initial
   * state and appends with `no_stream` without reading. If the stream does exist, the append is refused as a
   * revision conflict and the next attempt reads it and decides again, so the outcome is the same, one
   * read cheaper in the common case.
   */
  readonly expectNew?: boolean;
}

export async function loadState<State, Event extends DomainEvent>(
  store: EventStore,
  decider: Pick<Decider<State, never, Event, never>, 'initialState' | 'evolve'>,
  streamId: string,
  cache?: StateCache<State>,
): Promise<{ state: State; revision: bigint }> {
  const cached = cache?.get(streamId);
  let state = cached ? cached.state : decider.initialState();
  let revision = cached ? cached.revision : -1n;
  const newer = await store.readStream(streamId, { fromRevision: revision + 1n });
  for (const e of newer) {
    state = decider.evolve(state, { type: e.type, data: e.data } as Event);
    revision = e.revision;
  }
  if (cache && newer.length > 0) cache.set(streamId, state, revision);
  return { state, revision };
}

/**
 * Commands on one stream take turns in this process. The store commits appends that arrive together in one
 * batch, and of several on one stream with the same expected revision only one can pass: without turns, a
 * burst on one stream (a compound's fund, many deposits at once) mostly ended in revision conflicts, however
 * often retried. With turns each command reads the state its predecessor left; conflicts remain only with
 * other processes (several instances on EventStoreDB) and are retried below. A turn ends however the command
 * ends, so a failing command never holds up the next.
 */
const turns = new WeakMap<EventStore, Map<string, Promise<void>>>();

function inTurn<T>(store: EventStore, streamId: string, run: () => Promise<T>): Promise<T> {
  let queue = turns.get(store);
  if (!queue) turns.set(store, (queue = new Map()));
  const before = queue.get(streamId);
  const result = before ? before.then(run) : run();
  const done = result.then(
    () => undefined,
    () => undefined,
  );
  queue.set(streamId, done);
  void done.then(() => {
    if (queue.get(streamId) === done) queue.delete(streamId);
  });
  return result;
}

export function handleCommand<State, Command, Event extends DomainEvent, Context extends DecideContext>(
  store: EventStore,
  decider: Decider<State, Command, Event, Context>,
  streamId: string,
  command: Command,
  cmd: CommandEnvelope,
  extraContext: Omit<Context, keyof DecideContext>,
  options: HandleOptions<State> = {},
): Promise<Handled<State> | DomainError> {
  return inTurn(store, streamId, () => decideAndAppend(store, decider, streamId, command, cmd, extraContext, options));
}

async function decideAndAppend<State, Command, Event extends DomainEvent, Context extends DecideContext>(
  store: EventStore,
  decider: Decider<State, Command, Event, Context>,
  streamId: string,
  command: Command,
  cmd: CommandEnvelope,
  extraContext: Omit<Context, keyof DecideContext>,
  options: HandleOptions<State>,
): Promise<Handled<State> | DomainError> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    const { state, revision } =
      attempt === 0 && options.expectNew ? { state: decider.initialState(), revision: -1n } : await loadState(store, decider, streamId, options.cache);
    const context = {
      // Legal periods count with the configured holiday calendar (services/calendar.ts) unless the caller lends one.
      calendar: activeCalendar(),
      ...extraContext,
      now: cmd.now,
      newId: commandIds(cmd.commandId),
      actor: cmd.actor,
    } as unknown as Context;
    const decided = decider.decide(command, state, context);
    if (isDomainError(decided)) return decided;
    if (decided.length === 0) return { events: [], state, position: 0n };
    const newEvents = envelopeEvents(streamId, decided, cmd);
    try {
      const result = await store.append(streamId, newEvents, revision === -1n ? 'no_stream' : revision);
      let next = state;
      for (const e of decided) next = decider.evolve(next, e);
      options.cache?.set(streamId, next, result.nextExpectedRevision);
      const first = result.nextExpectedRevision - BigInt(newEvents.length) + 1n;
      const recorded = newEvents.map((e, i) => ({
        ...e,
        streamId,
        revision: first + BigInt(i),
        // Positions of all but the last event are not reported by every adapter; the last one is exact.
        position: result.position,
        // The store chains hashes; it reports the last one. Earlier ones are in the log.
        prevHash: '',
        hash: i === newEvents.length - 1 ? result.hash : '',
      }));
      return { events: recorded, state: next, position: result.position };
    } catch (error) {
      if (error instanceof RevisionConflictError && attempt < retries) {
        options.cache?.delete(streamId);
        continue;
      }
      throw error;
    }
  }
}
