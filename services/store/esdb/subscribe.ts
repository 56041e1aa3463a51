/**
 * Catch-up subscription = `subscribeToAll` with `excludeSystemEvents()`, from the caller's checkpoint
 * (exclusive, see positions.ts). Events arrive one by one; whatever has arrived while the subscriber was busy
 * is handed over as the next batch (at most BATCH), in `$all` order, the next batch only after the previous
 * `onEvents` settled. Foreign events (another application's, binary) are skipped like in readAll; so are,
 * undecoded, events of types outside `options.types`, with `through` passing them.
 *
 * `onCaughtUp` follows the server's caught-up signal (server >= 23.10), but only once every event that came
 * before the signal has been delivered. Transient failures (server restart, leader change) resubscribe from
 * the last delivered position with backoff; after `policy.retries` failures in a row without progress the
 * subscription stops with `StoreUnavailableError` through `onError`. Checkpoints stay with the caller.
 */
import { excludeSystemEvents, type AllStreamResolvedEvent } from '@eventstore/db-client';
import { StoreUnavailableError, type RecordedEvent, type SubscribeOptions, type Subscription } from '../port.js';
import { decode } from './codec.js';
import { backoff, isTransient, message } from './connection.js';
import { fromPortPosition, toPortPosition } from './positions.js';
import type { Ctx } from './read.js';

export const BATCH = 500;
/** Above this many undelivered events the gRPC stream is paused (back-pressure to the server). */
const HIGH_WATER = 2_000;

export function subscribe(ctx: Ctx, options: SubscribeOptions): Subscription {
  let closed = false;
  let checkpoint = options.after ?? 0n;
  // The type filter runs here, on the client, before decoding (the server's own filters would need its
  // checkpoint messages to move a checkpoint past what they skip).
  const types = options.types ? new Set(options.types) : undefined;
  let wake: (() => void) | undefined;
  let stopCurrent: (() => Promise<void>) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  /** One server subscription, until it fails or ends. Returns how it ended; throws what must stop us. */
  async function run(): Promise<{ error: unknown; progressed: boolean }> {
    const sub = ctx.client.subscribeToAll({ fromPosition: fromPortPosition(checkpoint), filter: excludeSystemEvents() });
    stopCurrent = () => sub.unsubscribe().catch(() => undefined);
    const buffer: AllStreamResolvedEvent[] = [];
    let received = 0;
    let delivered = 0;
    let caughtUpAt: number | undefined;
    let failure: unknown;
    let ended = false;
    let progressed = false;
    sub.on('data', (resolved: AllStreamResolvedEvent) => {
      buffer.push(resolved);
      received++;
      progressed = true;
      if (buffer.length >= HIGH_WATER) sub.pause();
      notify();
    });
    sub.on('confirmation', () => {
      progressed = true;
    });
    sub.on('caughtUp', () => {
      // Everything the server sent before this signal: handed to us already, or still in the stream's buffer.
      caughtUpAt = received + sub.readableLength;
      progressed = true;
      notify();
    });
    sub.on('error', (error: unknown) => {
      failure ??= error;
      notify();
    });
    const onEnd = () => {
      ended = true;
      notify();
    };
    sub.on('end', onEnd);
    sub.on('close', onEnd);
    try {
      while (!closed) {
        if (caughtUpAt !== undefined && delivered >= caughtUpAt) {
          caughtUpAt = undefined;
          options.onCaughtUp?.(checkpoint);
        }
        if (buffer.length === 0) {
          if (failure !== undefined || ended) break;
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        const items = buffer.splice(0, BATCH);
        if (sub.isPaused() && buffer.length < HIGH_WATER) sub.resume();
        const events: RecordedEvent[] = [];
        let through = checkpoint;
        for (const { event } of items) {
          if (!event) continue;
          if (types && !types.has(event.type)) {
            // Not decoded; with a filter the checkpoint still moves past it (see positions.ts for commit = prepare).
            const p = event.position;
            if (p && p.commit === p.prepare && p.prepare > through) through = p.prepare;
            continue;
          }
          const decoded = decode(event, () => toPortPosition(event.position));
          if (decoded !== null && decoded.position > checkpoint) {
            events.push(decoded);
            if (decoded.position > through) through = decoded.position;
          }
        }
        if (events.length > 0 || (types && through > checkpoint)) {
          await options.onEvents(events, through);
          checkpoint = through;
        }
        delivered += items.length;
      }
      return { error: failure ?? new Error('subscription ended by the server'), progressed };
    } finally {
      sub.removeAllListeners('data');
      await stopCurrent();
    }
  }

  const loop = (async () => {
    let failures = 0;
    while (!closed) {
      const { error, progressed } = await run();
      if (closed) return;
      if (incurable(error)) throw error;
      failures = progressed ? 1 : failures + 1;
      if (failures > ctx.policy.retries) {
        throw new StoreUnavailableError(
          `EventStoreDB at ${ctx.target}: subscription failed ${failures} times in a row: ${message(error)}`,
          { cause: error },
        );
      }
      ctx.onRetry?.('subscribe', error, failures);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, backoff(ctx.policy, failures - 1));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })().catch((error: unknown) => {
    closed = true;
    options.onError?.(error);
  });

  return {
    async close() {
      closed = true;
      notify();
      await stopCurrent?.();
      await loop;
    },
  };
}

/** A failure that resubscribing cannot cure (access denied, ...). A server ending the stream is curable. */
function incurable(error: unknown): boolean {
  return !isTransient(error) && !(error instanceof Error && error.message === 'subscription ended by the server');
}
