/**
 * When the projection thread reads the log after the store's commits (#18, the live path). Each read is one
 * transaction of the read database, and a transaction costs the same fixed part however few events it holds
 * (the tally's document read, serialized and written again, the checkpoints, the commit's shared pages in the
 * WAL, the `applied` message): under a burst of ballots the store commits every few milliseconds, so the
 * commits that come while the log is busy are gathered for at most `windowMs` (or until `maxEvents` wait) into
 * one read. A commit after a quiet spell (no read for `2 × windowMs`) is read at once, as is every commit
 * once a reader waits for the read model (`hurry`, read-your-writes): coalescing never delays an `?after=`
 * read that is already waiting, and any other by at most `windowMs`. Measured under bench:vote (load 5–8):
 * ~30 events a transaction became ~50; the thread's CPU per ballot moved by less than the noise (a ballot's
 * own statements and WAL frame are most of it, README #18), but it commits and reports 40% less often.
 *
 * It is also the catch-up's commit signal, and unlike the store's it keeps a wake-up that came while nobody
 * waited (the catch-up was reading or committing): the next wait returns at once instead of sleeping until
 * the next commit or the safety poll.
 */
import { commitSignal, type CommitSignal } from '../store/catchUp.js';

export interface CommitCoalescer extends CommitSignal {
  /** The store committed `events` more events. */
  notify(events: number): void;
  /** A live read of the log begins: whatever was notified before is in it (or already was). */
  reading(): void;
  /** A reader waits for the read model: wake the catch-up now if it is holding commits back. */
  hurry(): void;
  close(): void;
}

export interface CoalescerOptions {
  /** How long a commit may be held back while the log is busy, in ms (0: never). */
  readonly windowMs: number;
  /** Held-back events that wake the catch-up at once. */
  readonly maxEvents: number;
  readonly now?: () => number;
}

export function commitCoalescer(options: CoalescerOptions): CommitCoalescer {
  const now = options.now ?? (() => performance.now());
  const quietMs = 2 * options.windowMs;
  const signal = commitSignal();
  /** A wake-up nobody was waiting for: the next wait returns at once. */
  let missed = false;
  let lastRead = -Infinity;
  let held = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const wake = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (signal.fire() === 0) missed = true;
  };

  return {
    next(ms) {
      if (missed) {
        missed = false;
        return Promise.resolve();
      }
      return signal.next(ms);
    },
    notify(events) {
      held += events;
      if (timer !== undefined) {
        if (held >= options.maxEvents) wake();
        return;
      }
      if (options.windowMs <= 0 || held >= options.maxEvents || now() - lastRead >= quietMs) wake();
      else timer = setTimeout(wake, options.windowMs);
    },
    reading() {
      lastRead = now();
      held = 0;
    },
    hurry() {
      if (timer !== undefined) wake();
    },
    close() {
      wake();
    },
  };
}
