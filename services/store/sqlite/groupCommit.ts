/**
 * Group commit: callers enqueue; one flusher, scheduled with setImmediate, hands everything queued so
 * far (up to a cap) to `flush` as one batch, i.e. one transaction and one fsync for all of them.
 *
 * better-sqlite3 is synchronous, so a flush occupies the event loop until COMMIT returns; whatever is
 * enqueued meanwhile (promise continuations of the batch just settled, new requests) waits for the next
 * turn and goes out as the next batch. Under load, batches therefore grow to the number of concurrent
 * producers without any timer or linger delay, and a lone producer pays no extra latency.
 */
export interface GroupCommitOptions<T> {
  /** Cost of an item against the batch cap (e.g. its number of events; at least 1). */
  readonly weigh: (item: T) => number;
  /** A batch stops growing before it would exceed this weight (a heavier single item goes alone). */
  readonly maxWeight: number;
}

export interface GroupCommit<T> {
  enqueue(item: T): void;
  /** Resolves once everything enqueued so far has been flushed. */
  drain(): Promise<void>;
}

/** `flush` must settle every item of its batch itself and must not throw. */
export function groupCommit<T>(flush: (batch: T[]) => void, options: GroupCommitOptions<T>): GroupCommit<T> {
  let queue: T[] = [];
  let scheduled = false;
  let drained: Array<() => void> = [];

  const run = () => {
    scheduled = false;
    try {
      const batch = takeBatch();
      if (batch.length > 0) flush(batch);
    } finally {
      // Even if `flush` broke its promise not to throw, the queue must not stall.
      if (queue.length > 0) schedule();
      else {
        const waiters = drained;
        drained = [];
        for (const resolve of waiters) resolve();
      }
    }
  };

  const takeBatch = (): T[] => {
    let weight = 0;
    let n = 0;
    while (n < queue.length) {
      const w = Math.max(1, options.weigh(queue[n]!));
      if (n > 0 && weight + w > options.maxWeight) break;
      weight += w;
      n += 1;
    }
    if (n === queue.length) {
      const all = queue;
      queue = [];
      return all;
    }
    return queue.splice(0, n);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(run);
  };

  return {
    enqueue(item) {
      queue.push(item);
      schedule();
    },
    drain() {
      if (queue.length === 0 && !scheduled) return Promise.resolve();
      return new Promise<void>((resolve) => drained.push(resolve));
    },
  };
}
