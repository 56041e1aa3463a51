/** Callers waiting until the read database has applied a global position (read-your-writes). */
export interface PositionWaiters {
  /** Resolves true once `advance` reached `position`; false after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs?: number): Promise<boolean>;
  advance(position: bigint): void;
  /** Answers every waiter now, by the position reached (on close). */
  releaseAll(): void;
  position(): bigint;
}

export function positionWaiters(start: bigint): PositionWaiters {
  let applied = start;
  let waiters: Array<{ position: bigint; resolve: (ok: boolean) => void }> = [];
  return {
    position: () => applied,
    waitFor(position, timeoutMs = 5_000) {
      if (position <= applied) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const entry = { position, resolve };
        waiters.push(entry);
        setTimeout(() => {
          waiters = waiters.filter((w) => w !== entry);
          resolve(position <= applied);
        }, timeoutMs).unref();
      });
    },
    advance(position) {
      if (position > applied) applied = position;
      if (waiters.length === 0) return;
      const still: typeof waiters = [];
      for (const w of waiters) (w.position <= applied ? w.resolve(true) : still.push(w));
      waiters = still;
    },
    releaseAll() {
      for (const w of waiters) w.resolve(w.position <= applied);
      waiters = [];
    },
  };
}
