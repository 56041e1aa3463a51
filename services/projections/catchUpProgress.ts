/**
 * How a projection runner's catch-up (a rebuild, or a start far behind the log) is going: where it started,
 * where it is, the log's head when it started (the target), events per second since the start and the time
 * left at that rate. Shown in the server's log and in `/health` (issue #18).
 */
export interface CatchUpProgress {
  readonly from: string;
  readonly position: string;
  readonly target: string;
  readonly eventsPerSecond: number;
  /** Seconds left at the rate so far; null before any event was applied. 0 once reached. */
  readonly etaSeconds: number | null;
  readonly done: boolean;
}

/**
 * `advance(position)` after each applied batch; it returns a report at most every `everyMs` (and always the
 * one that reaches the target), otherwise null. Positions count events (the SQLite store's are contiguous).
 */
export function catchUpTracker(from: bigint, target: bigint, everyMs = 1000, now: () => number = () => performance.now()) {
  const started = now();
  let last = started;
  let current = from;
  const report = (): CatchUpProgress => {
    const seconds = (now() - started) / 1000;
    const applied = Number(current - from);
    const rate = seconds > 0 ? applied / seconds : 0;
    const left = current >= target ? 0 : Number(target - current);
    return {
      from: from.toString(),
      position: current.toString(),
      target: target.toString(),
      eventsPerSecond: Math.round(rate),
      etaSeconds: left === 0 ? 0 : rate > 0 ? Math.ceil(left / rate) : null,
      done: left === 0,
    };
  };
  return {
    report,
    advance(position: bigint): CatchUpProgress | null {
      const wasDone = current >= target;
      if (position > current) current = position;
      if (wasDone) return null;
      if (current >= target || now() - last >= everyMs) {
        last = now();
        return report();
      }
      return null;
    },
  };
}
