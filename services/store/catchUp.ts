/**
 * A catch-up subscription for stores that live in this process (memory, SQLite): it pages through the log
 * from the checkpoint and, once caught up, sleeps until the store signals a commit. With a type filter the
 * adapter's page reader skips the other events (SQLite without decoding them) and the checkpoint moves past
 * them all the same.
 */
import type { RecordedEvent, SubscribeOptions, Subscription } from './port.js';

export interface CommitSignal {
  /** Resolves on the next commit, or after `ms` at most (a safety net for missed signals). */
  next(ms: number): Promise<void>;
}

/** A signal an adapter fires after each durable commit; `fire` says how many waits it ended. */
export function commitSignal(): CommitSignal & { fire(): number } {
  let waiters: Array<() => void> = [];
  return {
    fire() {
      const w = waiters;
      waiters = [];
      for (const resolve of w) resolve();
      return w.length;
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

/**
 * One page of a catch-up read: the events to deliver, the position read up to (beyond the last event when
 * skipped ones followed it), and whether the read stopped at the page size (more may follow at once).
 */
export interface CatchUpPage {
  readonly events: RecordedEvent[];
  readonly through: bigint;
  readonly full: boolean;
}

/** Reads the page after `after`: at most `maxCount` events, only of `types` when given. */
export type PageReader = (after: bigint, maxCount: number, types: ReadonlySet<string> | undefined) => Promise<CatchUpPage>;

/**
 * A page from events already decoded (the memory adapter): `read` returns up to `maxCount` events after
 * `after` in order; with `types`, the others are dropped and `through` still passes them.
 */
export function filteredPage(after: bigint, read: readonly RecordedEvent[], maxCount: number, types: ReadonlySet<string> | undefined): CatchUpPage {
  const last = read[read.length - 1];
  const through = last ? last.position : after;
  const full = read.length >= maxCount;
  if (!types) return { events: [...read], through, full };
  return { events: read.filter((e) => types.has(e.type)), through, full };
}

export function catchUpSubscription(readPage: PageReader, signal: CommitSignal, options: SubscribeOptions, batchSize = 500): Subscription {
  let closed = false;
  /**
   * Ends the current sleep (close() calls it). A fresh promise per sleep: racing every sleep against one
   * long-lived `closing` promise left a reaction on it per wake, kept for the subscription's life (#18).
   */
  let wake: () => void = () => {};
  let checkpoint = options.after ?? 0n;
  const types = options.types ? new Set(options.types) : undefined;
  const loop = (async () => {
    while (!closed) {
      const page = await readPage(checkpoint, batchSize, types);
      if (closed) break;
      // A page of skipped events only is delivered too (empty): the subscriber's checkpoint moves past them.
      if (page.events.length > 0 || page.through > checkpoint) {
        await options.onEvents(page.events, page.through);
        checkpoint = page.through;
      }
      if (!page.full) {
        options.onCaughtUp?.(checkpoint);
        await new Promise<void>((resolve) => {
          // Closed while the page was delivered: no sleep.
          if (closed) return resolve();
          wake = resolve;
          void signal.next(1000).then(resolve);
        });
      }
    }
  })().catch((error: unknown) => {
    closed = true;
    if (options.onError) options.onError(error);
  });
  return {
    async close() {
      closed = true;
      wake();
      await loop;
    },
  };
}
