/**
 * A catch-up subscription for stores that live in this process (memory, SQLite): it pages through
 * `readAll` from the checkpoint and, once caught up, sleeps until the store signals a commit.
 */
import type { RecordedEvent, SubscribeOptions, Subscription } from './port.js';

export interface CommitSignal {
  /** Resolves on the next commit, or after `ms` at most (a safety net for missed signals). */
  next(ms: number): Promise<void>;
}

/** A signal an adapter fires after each durable commit. */
export function commitSignal(): CommitSignal & { fire(): void } {
  let waiters: Array<() => void> = [];
  return {
    fire() {
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
    },
    next(ms) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        waiters.push(done);
      });
    },
  };
}

export function catchUpSubscription(
  readAll: (after: bigint, maxCount: number) => Promise<RecordedEvent[]>,
  signal: CommitSignal,
  options: SubscribeOptions,
  batchSize = 500,
): Subscription {
  let closed = false;
  let wakeOnClose: () => void = () => {};
  const closing = new Promise<void>((resolve) => (wakeOnClose = resolve));
  let checkpoint = options.after ?? 0n;
  const loop = (async () => {
    while (!closed) {
      const events = await readAll(checkpoint, batchSize);
      if (closed) break;
      if (events.length > 0) {
        await options.onEvents(events);
        checkpoint = events[events.length - 1]!.position;
      }
      if (events.length < batchSize) {
        options.onCaughtUp?.(checkpoint);
        await Promise.race([signal.next(1000), closing]);
      }
    }
  })().catch((error: unknown) => {
    closed = true;
    if (options.onError) options.onError(error);
  });
  return {
    async close() {
      closed = true;
      wakeOnClose();
      await loop;
    },
  };
}
