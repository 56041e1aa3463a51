/** Reads: a stream, its last event, `$all` in pages (system and foreign events skipped), the head position. */
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { GENESIS_HASH } from '../hashChain.js';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.js';
import { decode } from './codec.js';
import { withRetry, type AttemptSignal, type EsdbClient, type RetryPolicy } from './connection.js';
import { comparePositions, fromPortPosition, toPortPosition, type EsdbPosition } from './positions.js';

export interface Ctx {
  readonly client: EsdbClient;
  /** Connection string without credentials, for messages. */
  readonly target: string;
  readonly policy: RetryPolicy;
  readonly onRetry?: (operation: string, error: unknown, attempt: number) => void;
}

export function retry<T>(ctx: Ctx, operation: string, attempt: (signal: AttemptSignal) => Promise<T>): Promise<T> {
  return withRetry(operation, ctx.target, ctx.policy, attempt, (error, n) => ctx.onRetry?.(operation, error, n));
}

/** Collects a streaming read; a timeout cancels the gRPC call and ends the iteration. */
export async function drain<T>(read: StreamingRead<T>, signal: AttemptSignal): Promise<T[]> {
  signal.onTimeout(() => {
    void read.cancel().catch(() => undefined);
    read.destroy();
  });
  const out: T[] = [];
  for await (const item of read) out.push(item);
  return out;
}

/** A stream holds an event this adapter cannot read: written by another application, or binary. */
export class ForeignEventError extends Error {
  constructor(readonly streamId: string, readonly revision: bigint) {
    super(`stream ${streamId} revision ${revision} was not written through the store port (not a JSON event with our envelope)`);
    this.name = 'ForeignEventError';
  }
}

function fromStream(streamId: string, resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event!;
  const decoded = decode(event, () => toPortPosition(event.position));
  if (decoded === null) throw new ForeignEventError(streamId, event.revision);
  return decoded;
}

async function readStreamRaw(
  ctx: Ctx,
  operation: string,
  streamId: string,
  options: { fromRevision: bigint | typeof START | typeof END; maxCount: number; direction: typeof FORWARDS | typeof BACKWARDS; requiresLeader?: boolean },
): Promise<RecordedEvent[]> {
  return retry(ctx, operation, async (signal) => {
    try {
      const raw = await drain(ctx.client.readStream(streamId, options), signal);
      return raw.filter((r) => r.event !== undefined).map((r) => fromStream(streamId, r));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  });
}

export async function readStream(ctx: Ctx, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (maxCount <= 0) return [];
  return readStreamRaw(ctx, 'readStream', streamId, { fromRevision: options.fromRevision ?? START, maxCount, direction: FORWARDS });
}

export interface StreamHead {
  /** Last revision, `-1n` when the stream does not exist. */
  readonly revision: bigint;
  readonly hash: string;
}

/** The stream's last revision and hash, read from the leader (a follower could be behind). */
export async function readHead(ctx: Ctx, streamId: string): Promise<StreamHead> {
  const [last] = await readStreamRaw(ctx, 'readStream (last event)', streamId, {
    fromRevision: END,
    maxCount: 1,
    direction: BACKWARDS,
    requiresLeader: true,
  });
  return last ? { revision: last.revision, hash: last.hash } : { revision: -1n, hash: GENESIS_HASH };
}

/** The event at one revision, read from the leader. */
export async function readAt(ctx: Ctx, streamId: string, revision: bigint): Promise<RecordedEvent | undefined> {
  const [event] = await readStreamRaw(ctx, 'readStream (by revision)', streamId, {
    fromRevision: revision,
    maxCount: 1,
    direction: FORWARDS,
    requiresLeader: true,
  });
  return event?.revision === revision ? event : undefined;
}

const PAGE = 1_000;

function readAllPage(ctx: Ctx, from: typeof START | typeof END | EsdbPosition, direction: typeof FORWARDS | typeof BACKWARDS) {
  return retry(ctx, 'readAll', (signal) =>
    drain<AllStreamResolvedEvent>(ctx.client.readAll({ fromPosition: from, maxCount: PAGE, direction }), signal),
  );
}

/**
 * `$all` forwards, strictly after `after`, skipping system and foreign events, until `maxCount` port events
 * or the end. Pages continue from the last *record's* exact position, whatever it was.
 */
export async function readAll(ctx: Ctx, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const want = options.maxCount ?? Number.POSITIVE_INFINITY;
  const out: RecordedEvent[] = [];
  if (want <= 0) return out;
  let from = fromPortPosition(options.after);
  for (;;) {
    const page = await readAllPage(ctx, from, FORWARDS);
    let last: EsdbPosition | undefined;
    for (const resolved of page) {
      const event = resolved.event;
      if (!event) continue;
      last = event.position;
      // Forward reads include the record at the start position; `after` is exclusive.
      if (from !== START && comparePositions(event.position, from) <= 0) continue;
      const decoded = decode(event, () => toPortPosition(event.position));
      if (decoded === null) continue;
      out.push(decoded);
      if (out.length >= want) return out;
    }
    if (page.length < PAGE || last === undefined) return out;
    from = last;
  }
}

/**
 * Position of the newest port event (0n when there is none): `$all` backwards past system and foreign
 * events. An idle server keeps writing system events (`$statsCollected` every 30 s), so the reader remembers
 * how far back it looked last time and stops there: each call scans only what was written since.
 * (`$all` only ever grows at the end, and reads see only committed records, so that part never changes.)
 */
export function headPositionReader(ctx: Ctx): () => Promise<bigint> {
  let known: { newest: EsdbPosition; head: bigint } | undefined;
  return async () => {
    let from: typeof END | EsdbPosition = END;
    let newest: EsdbPosition | undefined;
    const found = (head: bigint) => {
      if (newest) known = { newest, head };
      return head;
    };
    for (;;) {
      const page = await readAllPage(ctx, from, BACKWARDS);
      let last: EsdbPosition | undefined;
      for (const resolved of page) {
        const event = resolved.event;
        if (!event) continue;
        newest ??= event.position;
        last = event.position;
        if (from !== END && comparePositions(event.position, from) >= 0) continue;
        if (known && comparePositions(event.position, known.newest) <= 0) return found(known.head);
        const decoded = decode(event, () => toPortPosition(event.position));
        if (decoded !== null) return found(decoded.position);
      }
      if (page.length < PAGE || last === undefined) return found(0n);
      from = last;
    }
  };
}
