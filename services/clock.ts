/**
 * The one clock every time rule reads. The manual clock is for demos and end-to-end tests: an admin moves
 * it forward over HTTP; it never goes backwards and is refused in production mode.
 */
export interface Clock {
  now(): Date;
  readonly kind: 'system' | 'manual';
}

export const systemClock: Clock = { kind: 'system', now: () => new Date() };

export interface ManualClock extends Clock {
  readonly kind: 'manual';
  /** Moves the clock to `to`; refuses to go backwards. */
  set(to: Date): void;
  /** Calls `listener` after every move (the deadline scheduler acts on what became due); returns the unsubscribe. */
  onChange(listener: (now: Date) => void): () => void;
}

/** Listens to a clock's moves when it can move by hand; the system clock just passes. */
export function onClockChange(clock: Clock, listener: (now: Date) => void): () => void {
  return clock.kind === 'manual' && 'onChange' in clock ? (clock as ManualClock).onChange(listener) : () => {};
}

export class ClockBackwardsError extends Error {
  readonly code = 'clock_backwards';
}

export function manualClock(start: Date = new Date()): ManualClock {
  let current = start.getTime();
  const listeners = new Set<(now: Date) => void>();
  return {
    kind: 'manual',
    now: () => new Date(current),
    set(to) {
      if (to.getTime() < current) {
        throw new ClockBackwardsError(`clock is at ${new Date(current).toISOString()}; it never goes backwards`);
      }
      current = to.getTime();
      for (const listener of listeners) listener(new Date(current));
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
